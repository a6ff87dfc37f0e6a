import { Anchor, Badge, Grid, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link, Navigate } from "react-router";
import type { GapSummary, NextControl, OverdueControl } from "../../api/types.ts";
import { ControlStatusBadge, CriterionStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, LoadingBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useEngagements } from "../engagements/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useOverdue, useReadiness } from "./api.ts";
import { JoinersAndLeaversCard } from "./JoinersAndLeaversCard.tsx";
import { MyTasks } from "./MyTasks.tsx";
import { NoticesCard } from "./NoticesCard.tsx";
import { CategoryBars, OverallReadiness } from "./ReadinessCharts.tsx";
import { ReportStandingCard } from "./ReportStandingCard.tsx";

const SHOWN = 8;

export function DashboardPage() {
  const org = useCurrentOrg();
  if (!org.can("readiness:read")) {
    // An auditor reads no readiness: they land on what they audit.
    if (org.can("engagement:read")) return <EngagementsLanding org={org.slug} />;
    // Someone who may not read the program (an employee) lands on their tasks.
    return <Navigate replace to={`/orgs/${org.slug}/tasks`} />;
  }
  return (
    <ReadinessDashboard
      org={org.slug}
      name={org.name}
      showReport={org.can("report:read")}
      showNotices={org.can("notice:read")}
      showPeople={org.can("people:read")}
    />
  );
}

/** Their engagements, or straight the only one (the list the server narrows to theirs). */
function EngagementsLanding({ org }: { org: string }) {
  const engagements = useEngagements(org);
  if (engagements.isPending) return <LoadingBlock lines={4} />;
  const only = engagements.data?.length === 1 ? engagements.data[0] : undefined;
  const to =
    only === undefined
      ? `/orgs/${org}/engagements`
      : `/orgs/${org}/engagements/${encodeURIComponent(only.id)}`;
  return <Navigate replace to={to} />;
}

function ReadinessDashboard({
  org,
  name,
  showReport,
  showNotices,
  showPeople,
}: {
  org: string;
  name: string;
  showReport: boolean;
  showNotices: boolean;
  showPeople: boolean;
}) {
  const readiness = useReadiness(org);
  const overdue = useOverdue(org);
  return (
    <>
      <PageHeader title="Dashboard" description={`How ready ${name} is for a SOC 2 audit.`} />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            My tasks
          </Title>
          <MyTasks org={org} />
        </Paper>
        {showNotices ? <NoticesCard org={org} /> : null}
        {showReport ? <ReportStandingCard org={org} /> : null}
        {showPeople ? <JoinersAndLeaversCard org={org} /> : null}
        <QueryView query={readiness} lines={6}>
          {(report) => (
            <Stack gap="lg">
              <Grid>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <OverallReadiness overall={report.overall} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <CategoryBars categories={report.categories} />
                </Grid.Col>
              </Grid>
              <Grid>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <GapsToFix org={org} gaps={report.gaps} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <NextControls org={org} controls={report.nextControls} />
                </Grid.Col>
              </Grid>
            </Stack>
          )}
        </QueryView>
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            Overdue evidence
          </Title>
          <QueryView query={overdue}>
            {(items) => <OverdueTable org={org} items={items} />}
          </QueryView>
        </Paper>
      </Stack>
    </>
  );
}

function GapsToFix({ org, gaps }: { org: string; gaps: GapSummary[] }) {
  return (
    <Paper withBorder p="lg" radius="md" h="100%">
      <Title order={2} size="h4" mb="sm">
        Gaps to fix first
      </Title>
      {gaps.length === 0 ? (
        <Text>Every criterion in scope is covered.</Text>
      ) : (
        <Stack gap="sm">
          {gaps.slice(0, SHOWN).map((gap) => (
            <div key={gap.id}>
              <Anchor component={Link} to={`/orgs/${org}/criteria?criterion=${gap.id}`} fw={600}>
                {gap.id} {gap.label}
              </Anchor>{" "}
              <CriterionStatusBadge status={gap.status} />
              <Text size="sm">{gap.reason}</Text>
            </div>
          ))}
          {gaps.length > SHOWN ? (
            <Anchor component={Link} to={`/orgs/${org}/criteria?status=gap`} size="sm">
              All {gaps.length} criteria that need work
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function NextControls({ org, controls }: { org: string; controls: NextControl[] }) {
  return (
    <Paper withBorder p="lg" radius="md" h="100%">
      <Title order={2} size="h4" mb="sm">
        Controls to implement next
      </Title>
      {controls.length === 0 ? (
        <Text>No control is holding a criterion back.</Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {controls.slice(0, SHOWN).map((control) => (
            <List.Item key={control.ref}>
              <Anchor component={Link} to={`/orgs/${org}/controls/${control.ref}`} fw={600}>
                {control.ref}
              </Anchor>{" "}
              {control.title} <ControlStatusBadge status={control.status} />
              <Text size="sm">
                Would help {control.criteria.length}{" "}
                {control.criteria.length === 1 ? "criterion" : "criteria"}:{" "}
                {control.criteria.join(", ")}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function OverdueTable({ org, items }: { org: string; items: OverdueControl[] }) {
  if (items.length === 0) {
    return (
      <EmptyBlock title="Nothing overdue">
        <Text>Every implemented control has current evidence.</Text>
      </EmptyBlock>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.ref}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/controls/${item.ref}`}>
                  {item.ref}
                </Anchor>{" "}
                {item.title}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={item.state === "missing" ? "red" : "orange"}>
                  {item.state}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDay(item.dueBy)}</Table.Td>
              <Table.Td>{item.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
