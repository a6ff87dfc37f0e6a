import { Stack, Switch, Text } from "@mantine/core";
import type { NotificationPreference } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { usePreferences, useSetPreference } from "./api.ts";

const CHANNEL_LABEL: Record<NotificationPreference["channel"], string> = {
  mail: "by mail",
  slack: "in the organization's Slack",
  webhook: "to the organization's webhooks",
};

const KIND_LABEL: Record<NotificationPreference["kind"], string> = {
  "task-digest": "Daily task digest",
  // Sent to the owner of the availability control (BC-01) when a monitored endpoint goes down.
  "monitor-alert": "Availability alerts",
};

/**
 * Availability alerts reach a person only by mail (Slack and webhooks get them for the whole
 * organization), so only that choice is offered.
 */
function offered(p: NotificationPreference): boolean {
  return p.kind !== "monitor-alert" || p.channel === "mail";
}

const UNAVAILABLE: Record<NotificationPreference["channel"], string> = {
  mail: "Mail is not set up on this server.",
  slack: "No Slack webhook is set yet.",
  webhook: "No webhook is added yet.",
};

/** Each person's own choices: the daily digest of their tasks, channel by channel. */
export function PreferencesPanel({ org }: { org: string }) {
  const preferences = usePreferences(org);
  const change = useSetPreference(org);
  return (
    <QueryView query={preferences} lines={3}>
      {(items) => (
        <Stack gap="sm">
          <Text size="sm">
            Each morning Attest sends the people with open tasks a digest of them. Choose where
            yours go.
          </Text>
          {items.filter(offered).map((p) => (
            <Switch
              key={`${p.channel}:${p.kind}`}
              label={`${KIND_LABEL[p.kind]} ${CHANNEL_LABEL[p.channel]}`}
              description={p.available ? undefined : UNAVAILABLE[p.channel]}
              checked={p.enabled}
              disabled={change.isPending}
              onChange={(event) =>
                change.mutate({
                  channel: p.channel,
                  kind: p.kind,
                  enabled: event.currentTarget.checked,
                })
              }
            />
          ))}
          <ProblemAlert error={change.error} title="Could not save your choice" />
        </Stack>
      )}
    </QueryView>
  );
}
