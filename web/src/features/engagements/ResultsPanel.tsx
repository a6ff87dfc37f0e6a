import { Group, Paper, Table, Text, Title } from "@mantine/core";
import type { EngagementResults } from "../../api/types.ts";
import { ConclusionBadge } from "../../lib/badges.tsx";
import { EmptyBlock } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";

export function ResultsPanel({ results }: { results: EngagementResults }) {
  if (results.controls.length === 0) {
    return (
      <EmptyBlock title="No results yet">
        <Text>Results appear once fieldwork has begun and tests are recorded.</Text>
      </EmptyBlock>
    );
  }
  return (
    <>
      <Group mb="md" gap="lg">
        {Object.entries(results.totals).map(([conclusion, count]) => (
          <Text key={conclusion}>
            <strong>{count}</strong> {humanize(conclusion).toLowerCase()}
          </Text>
        ))}
        {results.seed === null ? null : <Text>Sample seed: {results.seed}</Text>}
      </Group>
      <Paper withBorder p="lg" radius="md" mb="lg">
        <Title order={2} size="h4" mb="sm">
          By control
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Control</Table.Th>
                <Table.Th scope="col">Conclusion</Table.Th>
                <Table.Th scope="col">Items</Table.Th>
                <Table.Th scope="col">Tested by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.controls.map((outcome) => (
                <Table.Tr key={outcome.controlRef}>
                  <Table.Td>
                    <strong>{outcome.controlRef}</strong> {outcome.title}
                  </Table.Td>
                  <Table.Td>
                    <ConclusionBadge conclusion={outcome.conclusion} />
                  </Table.Td>
                  <Table.Td>
                    {outcome.summary || "—"}
                    {outcome.note === null ? null : (
                      <Text size="xs" c="dimmed">
                        {outcome.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {outcome.test === null
                      ? "—"
                      : `${outcome.test.tester}, ${outcome.test.testedOn}` +
                        (outcome.test.enteredBy === null
                          ? ""
                          : ` (entered by ${outcome.test.enteredBy})`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          By criterion
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Criterion</Table.Th>
                <Table.Th scope="col">Conclusion</Table.Th>
                <Table.Th scope="col">Controls</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.criteria.map((criterion) => (
                <Table.Tr key={criterion.criterionId}>
                  <Table.Td>{criterion.criterionId}</Table.Td>
                  <Table.Td>
                    <ConclusionBadge conclusion={criterion.conclusion} />
                  </Table.Td>
                  <Table.Td>
                    {criterion.controls.join(", ") || "No control in place"}
                    {criterion.effect === null ? null : (
                      <Text size="xs" c="dimmed">
                        {criterion.effect}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
