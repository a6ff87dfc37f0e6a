import {
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  Grid,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useParams } from "react-router";
import { TRIAGE_DECISIONS } from "../../api/types.ts";
import type { Finding } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { Fact } from "../../lib/Fact.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { HistoryTimeline } from "../../lib/HistoryTimeline.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useFinding, useTriageFinding } from "./api.ts";

export function FindingDetailPage() {
  const org = useCurrentOrg();
  const { finding: key = "" } = useParams();
  const detail = useFinding(org.slug, key);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/findings`}>
          Findings
        </Anchor>
        <Text>{key}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {({ finding, detail: raw, history }) => (
          <>
            <PageHeader
              title={`${finding.ref} ${finding.ruleTitle}`}
              description={`${humanize(finding.severity)} · ${finding.tool} · ${finding.status === "open" ? "open" : "closed"}`}
            />
            <Grid>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Stack>
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      About this finding
                    </Title>
                    <FindingFacts finding={finding} />
                  </Paper>
                  {finding.status === "open" && org.can("finding:triage") ? (
                    <TriageForm org={org.slug} finding={finding} />
                  ) : null}
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      As imported
                    </Title>
                    <Code block aria-label="The element of the imported file">
                      {JSON.stringify(raw, null, 2)}
                    </Code>
                  </Paper>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Paper withBorder p="lg" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    History
                  </Title>
                  <HistoryTimeline history={history} />
                </Paper>
              </Grid.Col>
            </Grid>
          </>
        )}
      </QueryView>
    </>
  );
}

function FindingFacts({ finding }: { finding: Finding }) {
  return (
    <Stack>
      <Text>{finding.message}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label="Rule" value={finding.ruleId} />
        <Fact label="Resource" value={finding.resource} />
        <Fact label="Location" value={finding.location ?? "—"} />
        <Fact label="Happened" value={finding.occurredAt ?? "—"} />
        <Fact label="First seen" value={formatDay(finding.firstSeenAt.slice(0, 10))} />
        <Fact
          label="Last seen"
          value={`${formatDay(finding.lastSeenAt.slice(0, 10))} (${finding.lastImport})`}
        />
        <Fact
          label="Due"
          value={finding.dueOn === null ? "No deadline" : formatDay(finding.dueOn)}
        />
        <Fact
          label="Triage"
          value={
            finding.triage === null
              ? "Not yet"
              : `${humanize(finding.triage.decision)} by ${finding.triage.by}: ${finding.triage.reason}`
          }
        />
      </SimpleGrid>
    </Stack>
  );
}

function TriageForm({ org, finding }: { org: string; finding: Finding }) {
  const triage = useTriageFinding(org, finding.ref);
  const decisions = TRIAGE_DECISIONS.filter(
    (d) => !(finding.source === "cloudtrail" && d === "remediated"),
  );
  const form = useForm({
    initialValues: { decision: decisions[0] as string, reason: "" },
    validate: {
      reason: (value) =>
        value.trim() === "" ? "Say why: the reason is what an auditor reads" : null,
    },
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Triage
      </Title>
      <form
        onSubmit={form.onSubmit((values) =>
          triage.mutate(values, { onError: (error) => applyServerErrors(form, error) }),
        )}
      >
        <Stack>
          <Select
            label="Decision"
            data={decisions.map((value) => ({ value, label: humanize(value) }))}
            allowDeselect={false}
            {...form.getInputProps("decision")}
          />
          <Textarea label="Reason" autosize minRows={2} {...form.getInputProps("reason")} />
          <ProblemAlert error={triage.error} />
          <Button type="submit" loading={triage.isPending} w="fit-content">
            Close the finding
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
