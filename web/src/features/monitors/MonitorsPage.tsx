import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { Monitor } from "../../api/types.ts";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAddMonitor, useMonitors, useProbeMonitor, useRemoveMonitor } from "./api.ts";

/** Light badges, dark text on a pale fill, as the other pages' states (lib/badges.tsx). */
const STATE_COLOR: Record<Monitor["state"], string> = { up: "green", down: "red", unknown: "gray" };

export function MonitorsPage() {
  const org = useCurrentOrg();
  const list = useMonitors(org.slug);
  const canManage = org.can("monitor:manage");
  return (
    <>
      <PageHeader
        title="Monitors"
        description="HTTPS endpoints probed on a schedule. An outage is a task for the availability control's owner; each month's uptime is filed as its evidence."
      />
      {canManage ? <AddCard org={org.slug} /> : null}
      {list.isPending ? <LoadingBlock lines={4} /> : null}
      <ProblemAlert error={list.error} />
      {list.data !== undefined ? (
        list.data.items.length === 0 ? (
          <EmptyBlock title="No endpoint is monitored">
            <Text>Add the HTTPS address customers use, such as your API's health check.</Text>
          </EmptyBlock>
        ) : (
          <MonitorTable org={org.slug} monitors={list.data.items} canManage={canManage} />
        )
      ) : null}
    </>
  );
}

function AddCard({ org }: { org: string }) {
  const [name, setName] = useState("");
  const [url, setUrl] = useState("https://");
  const [expectedStatus, setExpectedStatus] = useState<number | string>(200);
  const [intervalMinutes, setIntervalMinutes] = useState<number | string>(5);
  const [timeoutSeconds, setTimeoutSeconds] = useState<number | string>(10);
  const [targetPercent, setTargetPercent] = useState<number | string>(99.9);
  const add = useAddMonitor(org);
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        Monitor an endpoint
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(
            {
              name,
              url,
              expectedStatus: Number(expectedStatus),
              intervalMinutes: Number(intervalMinutes),
              timeoutSeconds: Number(timeoutSeconds),
              targetPercent: Number(targetPercent),
            },
            { onSuccess: () => setName("") },
          );
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            w={180}
          />
          <TextInput
            label="URL"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            required
            w={320}
          />
          <NumberInput
            label="Expected status"
            value={expectedStatus}
            onChange={setExpectedStatus}
            w={130}
          />
          <NumberInput
            label="Every (minutes)"
            value={intervalMinutes}
            onChange={setIntervalMinutes}
            w={130}
          />
          <NumberInput
            label="Timeout (seconds)"
            value={timeoutSeconds}
            onChange={setTimeoutSeconds}
            w={140}
          />
          <NumberInput
            label="Monthly target (%)"
            value={targetPercent}
            onChange={setTargetPercent}
            decimalScale={2}
            w={150}
          />
          <Button type="submit" loading={add.isPending}>
            Add
          </Button>
        </Group>
      </form>
      <ProblemAlert error={add.error} />
    </Paper>
  );
}

function uptimeText(m: Monitor, index: number): string {
  const month = m.months[index];
  if (month === undefined || month.percent === null) return "—";
  return `${month.percent} % (${month.month})`;
}

function MonitorTable({
  org,
  monitors,
  canManage,
}: {
  org: string;
  monitors: Monitor[];
  canManage: boolean;
}) {
  const probe = useProbeMonitor(org);
  const remove = useRemoveMonitor(org);
  return (
    <>
      <ProblemAlert error={probe.error ?? remove.error} />
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover aria-label="Monitored endpoints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Endpoint</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Last probe</Table.Th>
              <Table.Th scope="col">This month</Table.Th>
              <Table.Th scope="col">Previous month</Table.Th>
              <Table.Th scope="col">Target</Table.Th>
              {canManage ? <Table.Th scope="col">Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {monitors.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {m.ref} {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.url}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[m.state]} variant="light">
                    {m.state}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    since {formatDateTime(m.stateSince)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {m.lastProbeAt === null
                      ? "not yet"
                      : m.lastStatus === null
                        ? (m.lastError ?? "no answer")
                        : `${m.lastStatus} in ${m.lastLatencyMs ?? "?"} ms`}
                  </Text>
                  {m.lastError !== null && m.lastStatus !== null ? (
                    <Text size="xs" c="dimmed">
                      {m.lastError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{uptimeText(m, 0)}</Table.Td>
                <Table.Td>{uptimeText(m, 1)}</Table.Td>
                <Table.Td>{m.targetPercent} %</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        loading={probe.isPending && probe.variables === m.ref}
                        onClick={() => probe.mutate(m.ref)}
                        aria-label={`Probe now ${m.ref}`}
                      >
                        Probe now
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(m.ref)}
                        aria-label={`Remove ${m.ref}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
