import { Anchor, Badge, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { HomeEngagement } from "../../api/types.ts";
import { EngagementStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { engagementWhen } from "../engagements/labels.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAuditorHome } from "./api.ts";

/** Where an auditor lands: the engagements they audit, how far each has come, what is next. */
export function AuditorHomePage() {
  const org = useCurrentOrg();
  const home = useAuditorHome(org.slug);
  return (
    <>
      <PageHeader
        title="My engagements"
        description={`The audits of ${org.name} you are assigned to.`}
      />
      <QueryView query={home} lines={6}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock title="No engagements assigned to you">
              <Text>The company assigns its auditors to an engagement from its overview.</Text>
            </EmptyBlock>
          ) : (
            <Stack gap="lg">
              {items.map((entry) => (
                <EngagementCard key={entry.engagement.id} org={org.slug} entry={entry} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function EngagementCard({ org, entry }: { org: string; entry: HomeEngagement }) {
  const { engagement, progress } = entry;
  const base = `/orgs/${org}/engagements/${encodeURIComponent(engagement.id)}`;
  const headingId = `home-${engagement.id}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            <Anchor component={Link} to={base}>
              {entry.label}
            </Anchor>{" "}
            · Type {engagement.type} with {engagement.auditFirm}
          </Title>
          <Text size="sm" c="dimmed">
            {engagementWhen(engagement)}
          </Text>
        </Stack>
        <EngagementStatusBadge status={engagement.status} />
      </Group>
      {progress === null ? (
        <Text size="sm">Fieldwork has not started: the scope is not frozen yet.</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {progress.concluded} of {progress.controls}{" "}
            {progress.controls === 1 ? "control" : "controls"} concluded
            {progress.items > 0 ? `, ${progress.tested} of ${progress.items} items tested` : ""}
          </Text>
          <Progress
            value={percent(progress.concluded, progress.controls)}
            aria-label={`${entry.label}: controls concluded`}
          />
          {progress.items > 0 ? (
            <Progress
              color="teal"
              value={percent(progress.tested, progress.items)}
              aria-label={`${entry.label}: items tested`}
            />
          ) : null}
        </Stack>
      )}
      <Group gap="xs" mt="sm">
        <Text size="sm" fw={600}>
          Open requests:
        </Text>
        {entry.openRequests === null ? (
          <Text size="sm" c="dimmed">
            not kept yet
          </Text>
        ) : (
          <Badge variant="light">{entry.openRequests}</Badge>
        )}
      </Group>
      {entry.nextItems.length > 0 ? (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            Next to test ({entry.itemsAwaiting} waiting)
          </Text>
          <List size="sm" spacing={2}>
            {entry.nextItems.map((item) => (
              <List.Item key={`${item.control}/${item.item}`}>
                <Anchor component={Link} to={`${base}?tab=testing`}>
                  {item.control}
                </Anchor>{" "}
                {item.label}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Paper>
  );
}
