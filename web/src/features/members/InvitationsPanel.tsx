import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { CreatedInvitation, Invitation, Role } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { applyServerErrors, emailRule } from "../../lib/forms.ts";
import { useInvitations, useInvite, useRevokeInvitation } from "./api.ts";
import { roleOptions } from "./MembersTable.tsx";

export function InvitationsPanel({ org, grantOwner }: { org: string; grantOwner: boolean }) {
  const invite = useInvite(org);
  const form = useForm<{ email: string; role: Role }>({
    mode: "controlled",
    initialValues: { email: "", role: "control-owner" },
    validate: { email: emailRule },
    validateInputOnChange: true,
  });
  return (
    <Stack>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          invite.mutate(
            { email: values.email.trim(), role: values.role },
            { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
          ),
        )}
      >
        <Group align="flex-start">
          <TextInput label="Email" type="email" required w={280} {...form.getInputProps("email")} />
          <Select
            label="Role"
            allowDeselect={false}
            data={roleOptions(grantOwner)}
            w={180}
            {...form.getInputProps("role")}
          />
          <Button type="submit" mt={25} loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </form>
      <ProblemAlert error={invite.error} title="Could not invite" />
      {invite.data === undefined ? null : <InvitationSent created={invite.data} />}
      <PendingInvitations org={org} />
    </Stack>
  );
}

function InvitationSent({ created }: { created: CreatedInvitation }) {
  if (created.emailed) {
    return (
      <Alert color="green" title="Invitation sent">
        An email with the link is on its way to {created.invitation.email}.
      </Alert>
    );
  }
  return (
    <Alert color="blue" title="Send this link yourself">
      <Stack gap="xs">
        <Text size="sm">
          Email is not configured on this server. Send {created.invitation.email} this link:
        </Text>
        <Code block style={{ wordBreak: "break-all" }}>
          {created.link}
        </Code>
        <CopyButton value={created.link}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} w="fit-content">
              {copied ? "Copied" : "Copy link"}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

function PendingInvitations({ org }: { org: string }) {
  const invitations = useInvitations(org);
  const revoke = useRevokeInvitation(org);
  return (
    <QueryView query={invitations}>
      {(items) =>
        items.length === 0 ? (
          <EmptyBlock title="No invitations">
            <Text>Invite colleagues, control owners and your auditors by email.</Text>
          </EmptyBlock>
        ) : (
          <>
            <ProblemAlert error={revoke.error} />
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Email</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((invitation) => (
                    <Table.Tr key={invitation.id}>
                      <Table.Td>{invitation.email}</Table.Td>
                      <Table.Td>{humanize(invitation.role)}</Table.Td>
                      <Table.Td>
                        <InvitationState invitation={invitation} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
                      <Table.Td>
                        {invitation.acceptedAt === null ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={revoke.isPending && revoke.variables === invitation.id}
                            aria-label={`Revoke the invitation for ${invitation.email}`}
                            onClick={() => revoke.mutate(invitation.id)}
                          >
                            Revoke
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )
      }
    </QueryView>
  );
}

function InvitationState({ invitation }: { invitation: Invitation }) {
  if (invitation.acceptedAt !== null)
    return (
      <Badge variant="light" color="green">
        Accepted
      </Badge>
    );
  if (new Date(invitation.expiresAt).getTime() < Date.now())
    return (
      <Badge variant="light" color="gray">
        Expired
      </Badge>
    );
  return (
    <Badge variant="light" color="blue">
      Pending
    </Badge>
  );
}
