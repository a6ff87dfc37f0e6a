import { Anchor, Paper, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { MyTrainingModule } from "../../api/types.ts";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useMyTraining } from "./api.ts";
import { TrainingStateBadge } from "./labels.tsx";
import { TrainingStatusPanel } from "./TrainingStatusPanel.tsx";

/** Everyone's training modules with their own standing; owners and admins also see everyone's. */
export function TrainingPage() {
  const org = useCurrentOrg();
  const manager = org.can("training:manage");
  const mine = <MyModules org={org.slug} />;
  return (
    <>
      <PageHeader
        title="Security training"
        description="Short lessons with a quiz: due within 30 days of joining, then yearly."
      />
      {manager ? (
        <Tabs defaultValue="mine" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="mine">My training</Tabs.Tab>
            <Tabs.Tab value="everyone">Everyone</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine">{mine}</Tabs.Panel>
          <Tabs.Panel value="everyone">
            <TrainingStatusPanel org={org.slug} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        mine
      )}
    </>
  );
}

function MyModules({ org }: { org: string }) {
  const modules = useMyTraining(org);
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Modules
        </Title>
        <QueryView query={modules}>
          {(items) =>
            items.length === 0 ? (
              <EmptyBlock title="No modules" />
            ) : (
              <ModuleTable org={org} modules={items} />
            )
          }
        </QueryView>
      </Stack>
    </Paper>
  );
}

function ModuleTable({ org, modules }: { org: string; modules: readonly MyTrainingModule[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Module</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Last passed</Table.Th>
            <Table.Th scope="col">Minutes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {modules.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/training/${m.id}`}>
                  {m.title}
                </Anchor>
                <Text size="xs">{m.summary}</Text>
              </Table.Td>
              <Table.Td>
                {m.standing === null ? (
                  <Text size="sm">not assigned to you</Text>
                ) : (
                  <TrainingStateBadge state={m.standing.state} />
                )}
              </Table.Td>
              <Table.Td>{m.standing === null ? "—" : formatDay(m.standing.dueBy)}</Table.Td>
              <Table.Td>
                {m.standing?.lastPassedOn == null
                  ? "—"
                  : `${formatDay(m.standing.lastPassedOn)}${m.standing.lastScore === null ? "" : ` (${m.standing.lastScore}%)`}`}
              </Table.Td>
              <Table.Td>{m.minutes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
