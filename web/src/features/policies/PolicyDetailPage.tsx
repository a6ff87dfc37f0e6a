import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { Link, useParams } from "react-router";
import type { PolicyView } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay, shortHash } from "../../lib/format.ts";
import { MarkdownView } from "../../lib/markdown.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AcknowledgementsPanel } from "./AcknowledgementsPanel.tsx";
import { useAcknowledgePolicy, usePolicy, usePolicyStep } from "./api.ts";
import type { PolicyStep } from "./api.ts";
import { PolicyStateBadge, audienceWords } from "./labels.tsx";
import { PolicyEditor } from "./PolicyEditor.tsx";
import { VersionsPanel } from "./VersionsPanel.tsx";

export function PolicyDetailPage() {
  const org = useCurrentOrg();
  const { label = "" } = useParams();
  const policy = usePolicy(org.slug, label);
  return (
    <QueryView query={policy} lines={8}>
      {(p) => <PolicyPage org={org.slug} policy={p} />}
    </QueryView>
  );
}

function PolicyPage({ org, policy }: { org: string; policy: PolicyView }) {
  const current = useCurrentOrg();
  const editor = current.can("policy:edit");
  return (
    <>
      <PageHeader
        title={`${policy.label} ${policy.title}`}
        description={
          <Group gap="xs">
            <PolicyStateBadge state={policy.state} />
            <Text span size="sm">
              Owner {policy.owner}; reviewed every {policy.reviewMonths} months
              {policy.reviewDueBy === null ? "" : `, next by ${formatDay(policy.reviewDueBy)}`}
            </Text>
          </Group>
        }
        actions={editor ? <WorkflowActions org={org} policy={policy} /> : undefined}
      />
      <Anchor component={Link} to={`/orgs/${org}/policies`} size="sm" mb="md" display="block">
        All policies
      </Anchor>
      {editor ? (
        <Tabs defaultValue={policy.current === null ? "edit" : "read"} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="read">In force</Tabs.Tab>
            <Tabs.Tab value="edit">Edit</Tabs.Tab>
            <Tabs.Tab value="versions">Versions</Tabs.Tab>
            <Tabs.Tab value="acknowledgements">Acknowledgements</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="read">
            <InForce org={org} policy={policy} />
          </Tabs.Panel>
          <Tabs.Panel value="edit">
            <PolicyEditor org={org} policy={policy} />
          </Tabs.Panel>
          <Tabs.Panel value="versions">
            <VersionsPanel org={org} policy={policy} />
          </Tabs.Panel>
          <Tabs.Panel value="acknowledgements">
            <AcknowledgementsPanel org={org} policy={policy} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <InForce org={org} policy={policy} />
      )}
    </>
  );
}

const STEP_FOR: Partial<Record<PolicyView["state"], { step: PolicyStep; label: string }>> = {
  draft: { step: "submit", label: "Submit for approval" },
  "in-review": { step: "approve", label: "Approve" },
  approved: { step: "publish", label: "Publish" },
};

function WorkflowActions({ org, policy }: { org: string; policy: PolicyView }) {
  const { can } = useCurrentOrg();
  const run = usePolicyStep(org, policy.label);
  const next = STEP_FOR[policy.state];
  if (next === undefined) return null;
  const allowed =
    next.step === "approve"
      ? can("policy:approve")
      : next.step === "publish"
        ? can("policy:publish")
        : can("policy:edit");
  return (
    <Stack gap={4} align="flex-end">
      {allowed ? (
        <Button onClick={() => run.mutate(next.step)} loading={run.isPending}>
          {next.label}
        </Button>
      ) : (
        <Text size="sm">Waiting for an owner&apos;s approval.</Text>
      )}
      {run.error ? <ProblemAlert error={run.error} title="Not done" /> : null}
    </Stack>
  );
}

/** The version in force as people read it, with the one-click acknowledgement. */
function InForce({ org, policy }: { org: string; policy: PolicyView }) {
  const acknowledge = useAcknowledgePolicy(org, policy.label);
  const version = policy.current;
  if (version === null || policy.currentBody === null) {
    return (
      <Alert color="gray" title="Not published yet">
        Nobody is asked to read it until a version is approved and published.
      </Alert>
    );
  }
  const mine = policy.myAcknowledgements.find((a) => a.version === version.version);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text size="sm">
          Version {version.version}, approved by {version.approvedBy} on{" "}
          {formatDay(version.approvedAt.slice(0, 10))}, published{" "}
          {formatDay(version.publishedAt.slice(0, 10))}. SHA-256{" "}
          <code title={version.sha256}>{shortHash(version.sha256)}</code>. Asked:{" "}
          {audienceWords(version.audience)}, by {formatDay(version.ackDueBy)}.
        </Text>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          {version.title}
        </Title>
        <MarkdownView text={policy.currentBody} headingBase={2} />
      </Paper>
      {policy.acknowledgedByMe === null ? null : mine !== undefined ? (
        <Alert color="green" title="Acknowledged">
          You acknowledged version {mine.version} on {formatDateTime(mine.at)}{" "}
          <Badge variant="light">SHA-256 {shortHash(mine.sha256)}</Badge>
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Text>
              By acknowledging, you confirm you have read version {version.version} of this policy
              and will follow it.
            </Text>
            <Group>
              <Button
                onClick={() => acknowledge.mutate(version.version)}
                loading={acknowledge.isPending}
              >
                I have read and acknowledge this policy
              </Button>
            </Group>
            {acknowledge.error ? (
              <ProblemAlert error={acknowledge.error} title="Not acknowledged" />
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
