import { Alert, Paper, Title } from "@mantine/core";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { InvitationsPanel } from "./InvitationsPanel.tsx";
import { MembersTable } from "./MembersTable.tsx";

export function MembersPage() {
  const org = useCurrentOrg();
  if (!org.can("member:manage")) {
    return (
      <>
        <PageHeader title="Users" />
        <Alert color="yellow" title="Not available">
          Only owners and admins manage who belongs to {org.name}.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Users" description={`Who belongs to ${org.name}, and in what role.`} />
      <Paper withBorder p="lg" radius="md" mb="lg">
        <Title order={2} size="h4" mb="sm">
          Members
        </Title>
        <MembersTable
          org={org.slug}
          currentUserId={org.session.user.id}
          grantOwner={org.can("member:grant-owner")}
        />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          Invitations
        </Title>
        <InvitationsPanel org={org.slug} grantOwner={org.can("member:grant-owner")} />
      </Paper>
    </>
  );
}
