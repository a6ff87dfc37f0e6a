import { Anchor, Group, Progress, Select, Table, Text } from "@mantine/core";
import type { CriterionReadiness } from "../../api/types.ts";
import { CriterionStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useReadiness } from "../dashboard/api.ts";
import { categoryName } from "../onboarding/categories.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { CriterionDrawer } from "./CriterionDrawer.tsx";

const STATUS_OPTIONS = ["covered", "partial", "gap", "not-relevant"].map((value) => ({
  value,
  label: humanize(value),
}));

export function CriteriaPage() {
  const org = useCurrentOrg();
  const readiness = useReadiness(org.slug);
  const [params, setParam] = useSearchParam(["criterion"]);
  const status = params.get("status");
  const category = params.get("category");
  const selected = params.get("criterion");

  return (
    <>
      <PageHeader
        title="Criteria"
        description="The trust services criteria in scope, and whether your controls cover them."
      />
      <QueryView query={readiness} lines={8}>
        {(report) => {
          const shown = report.criteria.filter(
            (c) =>
              (status === null || c.status === status) &&
              (category === null || c.category === category),
          );
          const detail = report.criteria.find((c) => c.id === selected) ?? null;
          return (
            <>
              <Group mb="md" align="flex-end">
                <Select
                  label="Status"
                  placeholder="Any status"
                  clearable
                  data={STATUS_OPTIONS}
                  value={status}
                  onChange={(value) => setParam("status", value)}
                  w={200}
                />
                <Select
                  label="Category"
                  placeholder="Any category"
                  clearable
                  data={report.categories.map((c) => ({ value: c.id, label: c.name }))}
                  value={category}
                  onChange={(value) => setParam("category", value)}
                  w={220}
                />
                <Text size="sm" pb={8}>
                  {shown.length} of {report.criteria.length} criteria
                </Text>
              </Group>
              {shown.length === 0 ? (
                <EmptyBlock title="No criteria match">
                  <Text>Clear a filter to see more.</Text>
                </EmptyBlock>
              ) : (
                <CriteriaTable criteria={shown} onOpen={(id) => setParam("criterion", id)} />
              )}
              <CriterionDrawer
                org={org.slug}
                criterion={detail}
                canChangeScope={org.can("scope:update")}
                onClose={() => setParam("criterion", null)}
              />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function CriteriaTable({
  criteria,
  onOpen,
}: {
  criteria: CriterionReadiness[];
  onOpen: (id: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Criterion</Table.Th>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Controls in place</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((criterion) => (
            <Table.Tr key={criterion.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => onOpen(criterion.id)}
                  fw={600}
                  ta="left"
                >
                  {criterion.id} {criterion.label}
                </Anchor>
              </Table.Td>
              <Table.Td>{categoryName(criterion.category)}</Table.Td>
              <Table.Td>
                <CriterionStatusBadge status={criterion.status} />
              </Table.Td>
              <Table.Td miw={160}>
                {criterion.status === "not-relevant" ? (
                  "—"
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Progress
                      value={(criterion.score ?? 0) * 100}
                      w={80}
                      aria-label={`${criterion.id}: ${criterion.effective} of ${criterion.applicable} controls in place`}
                    />
                    <Text size="sm">
                      {criterion.effective}/{criterion.applicable}
                    </Text>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
