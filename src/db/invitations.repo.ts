import type { Selectable } from "kysely";
import type { OrgScope, Role } from "../domain/actor.ts";
import type { Invitation } from "../domain/account.ts";
import type { InvitationsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

function toInvitation(row: Selectable<InvitationsTable>): Invitation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    role: row.role as Role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertInvitation(
  tx: Tx,
  invitation: Invitation,
  tokenHash: string,
): Promise<void> {
  await tx
    .insertInto("invitations")
    .values({
      id: invitation.id,
      organization_id: invitation.organizationId,
      email: invitation.email,
      role: invitation.role,
      token_hash: tokenHash,
      invited_by: invitation.invitedBy,
      created_at: invitation.createdAt,
      expires_at: invitation.expiresAt,
      accepted_at: null,
      revoked_at: null,
    })
    .execute();
}

/** Found by its secret across organizations: the link itself is the credential. */
export async function findInvitationByToken(
  tx: Tx,
  tokenHash: string,
): Promise<Invitation | undefined> {
  const row = await tx
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

export async function findInvitation(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<Invitation | undefined> {
  const row = await tx
    .selectFrom("invitations")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

export async function listOpenInvitations(
  tx: Tx,
  scope: OrgScope,
  now: string,
): Promise<Invitation[]> {
  const rows = await tx
    .selectFrom("invitations")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toInvitation);
}

export async function markInvitation(
  tx: Tx,
  id: string,
  change: { acceptedAt: string } | { revokedAt: string },
): Promise<number> {
  const result = await tx
    .updateTable("invitations")
    .set(
      "acceptedAt" in change
        ? { accepted_at: change.acceptedAt }
        : { revoked_at: change.revokedAt },
    )
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
