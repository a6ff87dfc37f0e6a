import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Engagement, EngagementSample, RequestStatus } from "../../api/types.ts";
import { REQUEST_STATUSES } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import type { CurrentOrg } from "../session/useCurrentOrg.ts";
import { useOpenMissing, useRequests } from "./api.ts";
import { OpenRequestModal } from "./OpenRequestModal.tsx";
import { RequestCard } from "./RequestCard.tsx";

/**
 * The engagement's request list: the auditor opens requests (one, or one per sampled item with
 * no evidence) and decides the answers; the company answers and comments.
 */
export function RequestsPanel({
  org,
  engagementId,
  engagement,
  sample,
}: {
  org: CurrentOrg;
  engagementId: string;
  /** The engagement when the caller reads it: opening a request picks from its frozen scope. */
  engagement: Engagement | null;
  sample: EngagementSample | null;
}) {
  const [status, setStatus] = useState<RequestStatus | "all">("all");
  const requests = useRequests(org.slug, engagementId, status === "all" ? undefined : status);
  const [opening, setOpening] = useState(false);
  const scoped = engagement !== null && engagement.snapshot !== null ? engagement : null;
  const mayOpen = org.can("request:open") && scoped !== null;
  return (
    <Stack>
      {mayOpen ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group>
              <Button onClick={() => setOpening(true)}>Open a request</Button>
            </Group>
            {sample === null ? null : <OpenMissing org={org.slug} engagementId={engagementId} />}
          </Stack>
        </Paper>
      ) : null}
      <QueryView query={requests}>
        {(list) => (
          <Stack>
            <Group justify="space-between">
              <Text>
                {list.counts.open} open, {list.counts.submitted} submitted, {list.counts.returned}{" "}
                returned, {list.counts.accepted} accepted
                {list.counts.withdrawn > 0 ? `, ${list.counts.withdrawn} withdrawn` : ""}
                {list.counts.overdue > 0 ? `; ${list.counts.overdue} overdue` : ""}
              </Text>
              <SegmentedControl
                aria-label="Show requests"
                value={status}
                onChange={(value) => setStatus(value as RequestStatus | "all")}
                data={[
                  { value: "all", label: "All" },
                  ...REQUEST_STATUSES.map((s) => ({ value: s, label: s })),
                ]}
              />
            </Group>
            {list.items.length === 0 ? (
              <EmptyBlock title="No requests">
                <Text>
                  {mayOpen
                    ? "Ask the company for what the testing needs."
                    : "The auditor has asked for nothing here yet."}
                </Text>
              </EmptyBlock>
            ) : (
              list.items.map((request) => (
                <RequestCard
                  key={request.id}
                  org={org}
                  engagementId={engagementId}
                  request={request}
                  today={list.today}
                />
              ))
            )}
          </Stack>
        )}
      </QueryView>
      {scoped !== null && mayOpen ? (
        <OpenRequestModal
          org={org.slug}
          engagement={scoped}
          sample={sample}
          opened={opening}
          onClose={() => setOpening(false)}
        />
      ) : null}
    </Stack>
  );
}

/** One action: a request for every sampled item with no evidence, to its control's owner. */
function OpenMissing({ org, engagementId }: { org: string; engagementId: string }) {
  const missing = useOpenMissing(org, engagementId);
  const [dueOn, setDueOn] = useState("");
  const [to, setTo] = useState("");
  return (
    <Stack gap="xs">
      <Text size="sm">
        Ask for every sampled item with no evidence: each goes to its control&apos;s owner, or to
        the person named here when the control has none.
      </Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label="Answers due"
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
        />
        <TextInput
          label="Otherwise send to (email)"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button
          variant="default"
          disabled={dueOn === ""}
          loading={missing.isPending}
          onClick={() => missing.mutate({ dueOn, ...(to.trim() === "" ? {} : { to: to.trim() }) })}
        >
          Request all missing evidence
        </Button>
      </Group>
      {missing.data === undefined ? null : (
        <Text size="sm" role="status">
          {missing.data.opened.length} opened; {missing.data.alreadyRequested} already requested.
        </Text>
      )}
      <ProblemAlert error={missing.error} title="Could not open the requests" />
    </Stack>
  );
}
