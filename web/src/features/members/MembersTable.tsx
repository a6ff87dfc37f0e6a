import { Badge, Button, Group, Modal, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { ROLES } from "../../api/types.ts";
import type { Member, Role } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { useChangeRole, useMembers, useRemoveMember } from "./api.ts";

const ALL_ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: humanize(role) }));

/** The roles the caller may hand out: owner only by an owner (the server refuses the rest). */
export function roleOptions(grantOwner: boolean) {
  return ALL_ROLE_OPTIONS.filter((option) => grantOwner || option.value !== "owner");
}

export function MembersTable({
  org,
  currentUserId,
  grantOwner,
}: {
  org: string;
  currentUserId: string;
  grantOwner: boolean;
}) {
  const members = useMembers(org);
  const changeRole = useChangeRole(org);
  const remove = useRemoveMember(org);
  const [removing, setRemoving] = useState<Member | null>(null);
  return (
    <>
      <ProblemAlert error={changeRole.error} title="Could not change the role" />
      <QueryView query={members}>
        {(items) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Two-factor</Table.Th>
                  <Table.Th scope="col">Joined</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((member) => {
                  const self = member.userId === currentUserId;
                  // An owner's role is changed by an owner only.
                  const fixed = self || (member.role === "owner" && !grantOwner);
                  return (
                    <Table.Tr key={member.userId}>
                      <Table.Td>
                        {member.name}
                        {self ? " (you)" : ""}
                      </Table.Td>
                      <Table.Td>{member.email}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${member.name}`}
                          size="xs"
                          w={160}
                          allowDeselect={false}
                          disabled={fixed || changeRole.isPending}
                          data={fixed ? ALL_ROLE_OPTIONS : roleOptions(grantOwner)}
                          value={member.role}
                          onChange={(role) =>
                            role !== null &&
                            changeRole.mutate({ userId: member.userId, role: role as Role })
                          }
                        />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={member.totpEnabled ? "green" : "gray"}>
                          {member.totpEnabled ? "On" : "Off"}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(member.joinedAt)}</Table.Td>
                      <Table.Td>
                        {self ? null : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${member.name}`}
                            onClick={() => setRemoving(member)}
                          >
                            Remove
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove member">
        <Text>
          Remove {removing?.name} ({removing?.email}) from this organization? They lose access at
          once; what they did stays in the audit log.
        </Text>
        <ProblemAlert error={remove.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              removing !== null &&
              remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })
            }
          >
            Remove
          </Button>
        </Group>
      </Modal>
    </>
  );
}
