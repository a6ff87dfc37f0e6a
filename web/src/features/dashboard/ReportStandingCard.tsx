import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { ReportStanding } from "../../api/types.ts";
import { QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { useReportStanding } from "../reports/api.ts";
import { AGE_STATUS, monthsOld } from "../reports/labels.ts";

/**
 * The newest final SOC 2 report and its age: customers take a report as current for a year
 * after its coverage ends, renewal starts at month 10, and after 18 months it has expired.
 */
export function ReportStandingCard({ org }: { org: string }) {
  const standing = useReportStanding(org);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        SOC 2 report
      </Title>
      <QueryView query={standing} lines={2}>
        {(loaded) =>
          loaded === null ? (
            <Text>No final report yet.</Text>
          ) : (
            <Standing org={org} standing={loaded} />
          )
        }
      </QueryView>
    </Paper>
  );
}

const ADVICE: Record<ReportStanding["age"]["status"], string> = {
  current: "Customers will take it as current.",
  "renew-soon": "Start the next audit now: the report turns 12 months old soon.",
  aging: "Over a year old: customers may ask for a bridge letter or a newer report.",
  expired: "Over 18 months old: it no longer speaks for the company.",
};

function Standing({ org, standing }: { org: string; standing: ReportStanding }) {
  const status = AGE_STATUS[standing.age.status];
  return (
    <Stack gap={6}>
      <Group gap="sm">
        <Badge size="lg" variant="light" color={status.color} tt="none">
          {status.label} ({monthsOld(standing.age.months)})
        </Badge>
      </Group>
      <Text>
        <Anchor
          component={Link}
          to={`/orgs/${org}/engagements/${standing.engagement}?tab=report&part=versions`}
        >
          {standing.engagement}
        </Anchor>
        , Type {standing.type}, version {standing.version}: issued {formatDay(standing.issueDate)},
        covering up to {formatDay(standing.coverageEnd)}.
      </Text>
      <Text size="sm" c="dimmed">
        {ADVICE[standing.age.status]}
      </Text>
    </Stack>
  );
}
