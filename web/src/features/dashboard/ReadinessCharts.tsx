import { Group, Paper, Progress, RingProgress, Stack, Text, Title } from "@mantine/core";
import type { CategoryReadiness, Tally } from "../../api/types.ts";

/** The overall ring: the share covered, with partial and gap counts beside it in words. */
export function OverallReadiness({ overall }: { overall: Tally }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Overall readiness
      </Title>
      <Group wrap="nowrap" align="center">
        <RingProgress
          size={140}
          thickness={14}
          // A rounded cap on an empty ring draws a stray dot.
          roundCaps={overall.percent > 0}
          sections={[{ value: overall.percent, color: "blue" }]}
          aria-label={`Readiness ${overall.percent}%`}
          label={
            <Text ta="center" fw={700} size="xl">
              {overall.percent}%
            </Text>
          }
        />
        <Stack gap={4}>
          <Text>
            <strong>{overall.covered}</strong> of {overall.criteria - overall.notRelevant} relevant
            criteria covered
          </Text>
          <Text>
            <strong>{overall.partial}</strong> partly covered
          </Text>
          <Text>
            <strong>{overall.gap}</strong> with gaps
          </Text>
          {overall.notRelevant > 0 ? (
            <Text>
              <strong>{overall.notRelevant}</strong> marked not relevant
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

export function CategoryBars({ categories }: { categories: CategoryReadiness[] }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        By category
      </Title>
      <Stack gap="md">
        {categories.map((category) => (
          <div key={category.id}>
            <Group justify="space-between" mb={4}>
              <Text fw={500}>{category.name}</Text>
              <Text size="sm">
                {category.percent}% · {category.covered}/{category.criteria - category.notRelevant}{" "}
                covered
              </Text>
            </Group>
            <Progress
              value={category.percent}
              size="lg"
              color={category.percent >= 100 ? "green" : "blue"}
              aria-label={`${category.name}: ${category.percent}% ready`}
            />
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
