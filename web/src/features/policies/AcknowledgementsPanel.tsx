import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { AcknowledgementRoster, PolicyView } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay, shortHash } from "../../lib/format.ts";
import { useRoster, useRosterEvidence } from "./api.ts";

export function AcknowledgementsPanel({ org, policy }: { org: string; policy: PolicyView }) {
  const roster = useRoster(org, policy.label, policy.current !== null);
  const file = useRosterEvidence(org, policy.label);
  if (policy.current === null) {
    return <Text>Nobody is asked until a version is published.</Text>;
  }
  return (
    <QueryView query={roster}>
      {(r) => (
        <Stack gap="lg">
          <Paper withBorder p="lg" radius="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2} size="h4">
                  Version {r.version}: {r.acknowledged.length} of {r.asked} acknowledged
                </Title>
                <Text size="sm">
                  Due by {formatDay(r.ackDueBy)}. Every acknowledgement records the hash{" "}
                  <code>{shortHash(r.sha256)}</code> of the text read.
                </Text>
              </div>
              <Button variant="light" onClick={() => file.mutate()} loading={file.isPending}>
                File as evidence
              </Button>
            </Group>
            {file.isSuccess ? (
              <Alert color="green" mt="sm" title="Filed as evidence">
                <Link to={`/orgs/${org}/evidence/${file.data.id}`}>{file.data.title}</Link>, for{" "}
                {file.data.controls.join(", ") || "no control"}.
              </Alert>
            ) : null}
            {file.error ? <ProblemAlert error={file.error} title="Not filed" /> : null}
          </Paper>
          <Roster roster={r} />
          {r.earlier.map((earlier) => (
            <Paper key={earlier.version} withBorder p="lg" radius="md">
              <Title order={2} size="h5" mb="xs">
                Version {earlier.version}: {earlier.acknowledged.length} acknowledged (kept)
              </Title>
              <Text size="sm">
                {earlier.acknowledged
                  .map((a) => `${a.name} (${formatDay(a.acknowledgedAt.slice(0, 10))})`)
                  .join(", ") || "Nobody acknowledged it."}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

function Roster({ roster }: { roster: AcknowledgementRoster }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h5" mb="xs">
        Who
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roster.acknowledged.map((a) => (
              <Table.Tr key={a.email}>
                <Table.Td>
                  {a.name} ({a.email})
                </Table.Td>
                <Table.Td>
                  <Badge color="green" variant="light">
                    acknowledged
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(a.acknowledgedAt)}</Table.Td>
                <Table.Td>{a.address ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
            {roster.missing.map((m) => (
              <Table.Tr key={m.email}>
                <Table.Td>
                  {m.name} ({m.email})
                </Table.Td>
                <Table.Td>
                  <Badge color={m.overdue ? "red" : "orange"} variant="light">
                    {m.overdue ? "overdue" : "not yet"}
                  </Badge>
                </Table.Td>
                <Table.Td>due by {formatDay(m.dueBy)}</Table.Td>
                <Table.Td>—</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
