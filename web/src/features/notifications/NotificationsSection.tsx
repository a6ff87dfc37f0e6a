import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { NewWebhook, NotificationDelivery } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import {
  useAddWebhook,
  useChannels,
  useDeliveries,
  useRemoveChannel,
  useSendDigest,
  useSetSlack,
} from "./api.ts";

const STATUS_COLOR: Record<NotificationDelivery["status"], string> = {
  pending: "blue",
  sent: "green",
  failed: "red",
};

/** Owners' and admins' view: the Slack and webhook channels, and every delivery's fate. */
export function NotificationsSection({ org, canManage }: { org: string; canManage: boolean }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Notifications
      </Title>
      <Stack gap="lg">
        <Channels org={org} canManage={canManage} />
        <Deliveries org={org} />
      </Stack>
    </Paper>
  );
}

function Channels({ org, canManage }: { org: string; canManage: boolean }) {
  const channels = useChannels(org);
  const remove = useRemoveChannel(org);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Channels
      </Title>
      <QueryView query={channels} lines={2}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">No Slack or webhook channel yet: the digest goes by mail only.</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Channel</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Posts to</Table.Th>
                  <Table.Th scope="col">Added</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.ref}</Table.Td>
                    <Table.Td>{c.kind === "slack" ? "Slack" : "Signed webhook"}</Table.Td>
                    <Table.Td>{c.urlHost}</Table.Td>
                    <Table.Td>
                      {formatDateTime(c.createdAt)} by {c.createdBy}
                    </Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Remove ${c.ref}`}
                          loading={remove.isPending}
                          onClick={() => remove.mutate(c.id)}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
      <ProblemAlert error={remove.error} />
      {canManage ? <ChannelForms org={org} /> : null}
    </Stack>
  );
}

function ChannelForms({ org }: { org: string }) {
  const [slackUrl, setSlackUrl] = useState("");
  const [hookUrl, setHookUrl] = useState("");
  const [created, setCreated] = useState<NewWebhook | null>(null);
  const slack = useSetSlack(org);
  const hook = useAddWebhook(org);
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          slack.mutate(slackUrl, { onSuccess: () => setSlackUrl("") });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Slack incoming webhook URL"
            value={slackUrl}
            onChange={(event) => setSlackUrl(event.currentTarget.value)}
            w={420}
            required
          />
          <Button type="submit" loading={slack.isPending}>
            Set Slack webhook
          </Button>
        </Group>
      </form>
      <ProblemAlert error={slack.error} title="Could not set the Slack webhook" />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          hook.mutate(hookUrl, {
            onSuccess: (answer) => {
              setCreated(answer);
              setHookUrl("");
            },
          });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Signed webhook URL"
            value={hookUrl}
            onChange={(event) => setHookUrl(event.currentTarget.value)}
            w={420}
            required
          />
          <Button type="submit" loading={hook.isPending}>
            Add webhook
          </Button>
        </Group>
      </form>
      <ProblemAlert error={hook.error} title="Could not add the webhook" />
      {created === null ? null : (
        <Alert color="yellow" title={`Signing secret of ${created.channel.ref}`}>
          <Stack gap={4}>
            <Text size="sm">
              Shown this once: give it to the receiver, which checks each request's signature with
              it.
            </Text>
            <Code block>{created.secret}</Code>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function Deliveries({ org }: { org: string }) {
  const deliveries = useDeliveries(org);
  const digest = useSendDigest(org);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Deliveries
        </Title>
        <Button variant="default" loading={digest.isPending} onClick={() => digest.mutate()}>
          Send today's digest now
        </Button>
      </Group>
      {digest.data === undefined ? null : (
        <Text size="sm" role="status">
          Digest for {digest.data.people} people: {digest.data.sent} sent, {digest.data.failed}{" "}
          failed.
        </Text>
      )}
      <ProblemAlert error={digest.error} />
      <QueryView query={deliveries} lines={3}>
        {(items) =>
          items.length === 0 ? (
            <EmptyBlock title="Nothing sent yet">
              <Text>The daily digest runs each morning.</Text>
            </EmptyBlock>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Channel</Table.Th>
                    <Table.Th scope="col">To</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Attempts</Table.Th>
                    <Table.Th scope="col">Last error</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                      <Table.Td>{d.channel}</Table.Td>
                      <Table.Td>{d.target}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[d.status]} tt="none">
                          {d.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {d.attempts}
                        {d.nextAttemptAt === null
                          ? ""
                          : ` (next ${formatDateTime(d.nextAttemptAt)})`}
                      </Table.Td>
                      <Table.Td>{d.lastError ?? "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
