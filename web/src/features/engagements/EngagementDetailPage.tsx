import {
  Anchor,
  Breadcrumbs,
  Grid,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { Link, useParams, useSearchParams } from "react-router";
import type { Engagement } from "../../api/types.ts";
import { EngagementStatusBadge } from "../../lib/badges.tsx";
import { QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay } from "../../lib/format.ts";
import { Fact } from "../../lib/Fact.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { categoryName } from "../onboarding/categories.ts";
import { ReportPanel } from "../reports/ReportPanel.tsx";
import { RequestsPanel } from "../requests/RequestsPanel.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useEngagement, useResults, useSample } from "./api.ts";
import { AuditorsCard } from "./AuditorsCard.tsx";
import { ExceptionsPanel } from "./ExceptionsPanel.tsx";
import { engagementLabel, engagementWhen } from "./labels.ts";
import { ResultsPanel } from "./ResultsPanel.tsx";
import { SamplePanel } from "./SamplePanel.tsx";
import { StatusSteps } from "./StatusSteps.tsx";
import { TestingPanel } from "./TestingPanel.tsx";

const TABS = [
  "overview",
  "sample",
  "testing",
  "results",
  "exceptions",
  "requests",
  "report",
] as const;

export function EngagementDetailPage() {
  const org = useCurrentOrg();
  const { id = "" } = useParams();
  const engagement = useEngagement(org.slug, id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/engagements`}>
          Engagements
        </Anchor>
        <Text>{engagement.data === undefined ? id : engagementLabel(engagement.data)}</Text>
      </Breadcrumbs>
      <QueryView query={engagement} lines={10}>
        {(loaded) => <EngagementBody engagement={loaded} />}
      </QueryView>
    </>
  );
}

function EngagementBody({ engagement }: { engagement: Engagement }) {
  const org = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get("tab")) ?? "overview";
  const results = useResults(org.slug, engagement.id);
  const sample = useSample(
    org.slug,
    engagement.id,
    engagement.type === 2 && engagement.snapshot !== null,
  );
  const canManage = org.can("engagement:manage");
  return (
    <>
      <PageHeader
        title={`${engagementLabel(engagement)} · Type ${engagement.type} with ${engagement.auditFirm}`}
        description={<EngagementStatusBadge status={engagement.status} />}
      />
      <Paper withBorder p="lg" radius="md" mb="lg">
        <StatusSteps org={org.slug} engagement={engagement} canManage={canManage} />
      </Paper>
      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value ?? "overview" }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          {engagement.type === 2 ? (
            <Tabs.Tab value="sample">Populations and sample</Tabs.Tab>
          ) : null}
          <Tabs.Tab value="testing">Testing</Tabs.Tab>
          <Tabs.Tab value="results">Results</Tabs.Tab>
          <Tabs.Tab value="exceptions">Exceptions</Tabs.Tab>
          {org.can("request:read") ? <Tabs.Tab value="requests">Requests</Tabs.Tab> : null}
          {org.can("report:read") ? <Tabs.Tab value="report">Report</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Overview engagement={engagement} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <AuditorsCard
                org={org.slug}
                engagementId={engagement.id}
                canManage={org.can("engagement:assign")}
              />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="sample">
          <SamplePanel
            org={org.slug}
            engagement={engagement}
            canSample={org.can("engagement:sample")}
            canImport={org.can("population:import")}
            canReview={org.can("population:review")}
          />
        </Tabs.Panel>
        <Tabs.Panel value="testing">
          <QueryView query={results}>
            {(loaded) => (
              <TestingPanel
                org={org.slug}
                engagement={engagement}
                results={loaded}
                sample={sample.data ?? null}
                canTest={org.can("engagement:test")}
                isAuditor={org.role === "auditor"}
              />
            )}
          </QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <QueryView query={results}>{(loaded) => <ResultsPanel results={loaded} />}</QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="exceptions">
          <QueryView query={results}>
            {(loaded) => (
              <ExceptionsPanel
                org={org.slug}
                engagement={engagement}
                results={loaded}
                canRespond={org.can("engagement:respond")}
              />
            )}
          </QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="requests">
          {org.can("request:read") ? (
            <RequestsPanel
              org={org}
              engagementId={engagement.id}
              engagement={engagement}
              sample={sample.data ?? null}
            />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="report">
          {org.can("report:read") ? <ReportPanel org={org} engagement={engagement} /> : null}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Overview({ engagement }: { engagement: Engagement }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Overview
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact
            label={engagement.type === 1 ? "As of" : "Period"}
            value={
              // "As of" is the label already: the value is the date alone.
              engagement.type === 1 ? formatDay(engagement.asOf) : engagementWhen(engagement)
            }
          />
          <Fact label="Audit firm" value={engagement.auditFirm} />
          <Fact label="Auditors" value={engagement.auditors.join(", ") || "—"} />
          <Fact label="Categories" value={engagement.categories.map(categoryName).join(", ")} />
          <Fact
            label="Scope frozen"
            value={
              engagement.snapshot === null
                ? "Not yet (at fieldwork)"
                : `${formatDateTime(engagement.snapshot.takenAt)}, ${engagement.snapshot.controls.length} controls`
            }
          />
          <Fact label="Created" value={formatDateTime(engagement.createdAt)} />
        </SimpleGrid>
        {engagement.periodReason === null ? null : (
          <Fact
            label="Why the period is shorter or longer than usual"
            value={engagement.periodReason}
          />
        )}
      </Stack>
    </Paper>
  );
}
