import { Badge, Button, Table, Text } from "@mantine/core";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useAccountSessions, useRevokeSession } from "./api.ts";

export function SessionsPanel() {
  const sessions = useAccountSessions();
  const revoke = useRevokeSession();
  return (
    <QueryView query={sessions}>
      {(items) => (
        <>
          <ProblemAlert error={revoke.error} />
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Browser</Table.Th>
                  <Table.Th scope="col">Address</Table.Th>
                  <Table.Th scope="col">Signed in</Table.Th>
                  <Table.Th scope="col">Last seen</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td maw={280}>
                      <Text size="sm" truncate>
                        {session.userAgent ?? "Unknown"}
                      </Text>
                      {session.current ? <Badge variant="light">This browser</Badge> : null}
                    </Table.Td>
                    <Table.Td>{session.address ?? "—"}</Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {session.current ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Sign out the session from ${formatDateTime(session.createdAt)}`}
                          loading={revoke.isPending && revoke.variables === session.id}
                          onClick={() => revoke.mutate(session.id)}
                        >
                          Sign out
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </QueryView>
  );
}
