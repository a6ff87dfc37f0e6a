/**
 * The stored records that verification proves against the audit trail, read as they are,
 * whole organization at once: samples, results and control tests of every engagement, final
 * report versions with their packages as stored, and who has access (memberships,
 * invitations, API tokens, auditors' assignments). Nothing here interprets the rows; that is
 * domain/reconcile.ts and domain/reconcile-access.ts.
 */
import type { OrgScope, Role } from "../domain/actor.ts";
import type {
  StoredAssignment,
  StoredInvitation,
  StoredMembership,
  StoredToken,
} from "../domain/reconcile-access.ts";
import type {
  StoredReportVersion,
  StoredResult,
  StoredSample,
  StoredShareLink,
  StoredTest,
} from "../domain/reconcile.ts";
import { toControlTest, toItemResult } from "./engagements.repo.ts";
import { fromDbJson } from "./portable.ts";
import type { Tx } from "./transaction.ts";

export async function listAllSamples(tx: Tx, scope: OrgScope): Promise<StoredSample[]> {
  const rows = await tx
    .selectFrom("engagement_samples")
    .select(["id", "engagement_id", "superseded_at", "data"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("drawn_at")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    supersededAt: row.superseded_at,
    data: row.data,
  }));
}

export async function listAllItemResults(tx: Tx, scope: OrgScope): Promise<StoredResult[]> {
  const rows = await tx
    .selectFrom("engagement_results")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("engagement_id")
    .orderBy("control_ref")
    .orderBy("item_key")
    .execute();
  return rows.map((row) => ({
    ...toItemResult(row),
    engagementId: row.engagement_id,
    sampleId: row.sample_id,
  }));
}

export async function listAllControlTests(tx: Tx, scope: OrgScope): Promise<StoredTest[]> {
  const rows = await tx
    .selectFrom("engagement_tests")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("engagement_id")
    .orderBy("control_ref")
    .execute();
  return rows.map((row) => ({ ...toControlTest(row), engagementId: row.engagement_id }));
}

/** Every final version with its package exactly as stored (text, not parsed). */
export async function listReportVersionPackages(
  tx: Tx,
  scope: OrgScope,
): Promise<StoredReportVersion[]> {
  const rows = await tx
    .selectFrom("report_versions")
    .select(["engagement_id", "version", "sha256", "issue_date", "package"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("engagement_id")
    .orderBy("version")
    .execute();
  return rows.map((row) => ({
    engagementId: row.engagement_id,
    version: Number(row.version),
    sha256: row.sha256,
    issueDate: row.issue_date,
    package: row.package,
  }));
}

export async function listShareLinkRows(tx: Tx, scope: OrgScope): Promise<StoredShareLink[]> {
  const rows = await tx
    .selectFrom("share_links")
    .innerJoin("report_versions", "report_versions.id", "share_links.report_version_id")
    .select([
      "share_links.id",
      "report_versions.engagement_id",
      "report_versions.version",
      "share_links.recipient",
      "share_links.expires_at",
      "share_links.revoked_at",
    ])
    .where("share_links.organization_id", "=", scope.organizationId)
    .orderBy("share_links.created_at")
    .orderBy("share_links.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    version: Number(row.version),
    recipient: row.recipient,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

export async function listMembershipRows(tx: Tx, scope: OrgScope): Promise<StoredMembership[]> {
  const rows = await tx
    .selectFrom("memberships")
    .leftJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.user_id", "memberships.role", "users.email"])
    .where("memberships.organization_id", "=", scope.organizationId)
    .orderBy("memberships.user_id")
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    role: row.role as Role,
    email: row.email,
  }));
}

/**
 * The account made at setup: the earliest account, when it is unambiguously the earliest and
 * did not come from an invitation (an account made by accepting one joins, in some
 * organization's trail, at the instant it was made). Before setup recorded its grants, this
 * is how the first owner of the organizations that existed then is known.
 */
export async function setupAccount(tx: Tx): Promise<{ id: string; createdAt: string } | null> {
  const rows = await tx
    .selectFrom("users")
    .select(["id", "created_at"])
    .orderBy("created_at")
    .orderBy("id")
    .limit(2)
    .execute();
  const [first, second] = rows;
  if (first === undefined || second?.created_at === first.created_at) return null;
  const invited = await tx
    .selectFrom("audit_events")
    .select("seq")
    .where("action", "=", "member.joined")
    .where("target_type", "=", "member")
    .where("target_id", "=", first.id)
    .where("occurred_at", "=", first.created_at)
    .limit(1)
    .executeTakeFirst();
  return invited === undefined ? { id: first.id, createdAt: first.created_at } : null;
}

export async function listInvitationRows(tx: Tx, scope: OrgScope): Promise<StoredInvitation[]> {
  const rows = await tx
    .selectFrom("invitations")
    .select(["id", "email", "role", "expires_at", "accepted_at", "revoked_at"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role as Role,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  }));
}

export async function listApiTokenRows(tx: Tx, scope: OrgScope): Promise<StoredToken[]> {
  const rows = await tx
    .selectFrom("api_tokens")
    .select(["id", "user_id", "name", "scopes", "created_at", "expires_at", "revoked_at"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: fromDbJson<string[]>(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

export async function listAssignmentRows(tx: Tx, scope: OrgScope): Promise<StoredAssignment[]> {
  const rows = await tx
    .selectFrom("engagement_assignments")
    .select(["engagement_id", "user_id"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("engagement_id")
    .orderBy("user_id")
    .execute();
  return rows.map((row) => ({ engagementId: row.engagement_id, userId: row.user_id }));
}
