/** Share links for final reports, NDA acceptances, the access log, and bridge letters. */
import type { OrgScope } from "../domain/actor.ts";
import type { AccessEvent, AccessRecord, ShareLink } from "../domain/sharing.ts";
import type { Tx } from "./transaction.ts";

function toLink(row: {
  id: string;
  report_version_id: string;
  recipient: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  created_by: string;
  created_at: string;
}): ShareLink {
  return {
    id: row.id,
    reportVersionId: row.report_version_id,
    recipient: row.recipient,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function insertShareLink(
  tx: Tx,
  scope: OrgScope,
  link: ShareLink,
  tokenHash: string,
): Promise<void> {
  await tx
    .insertInto("share_links")
    .values({
      id: link.id,
      organization_id: scope.organizationId,
      report_version_id: link.reportVersionId,
      token_hash: tokenHash,
      recipient: link.recipient,
      expires_at: link.expiresAt,
      revoked_at: null,
      revoked_by: null,
      created_by: link.createdBy,
      created_at: link.createdAt,
    })
    .execute();
}

/** The links to any final version of one engagement's report, newest first. */
export async function listShareLinks(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<ShareLink[]> {
  const rows = await tx
    .selectFrom("share_links")
    .innerJoin("report_versions", "report_versions.id", "share_links.report_version_id")
    .selectAll("share_links")
    .where("share_links.organization_id", "=", scope.organizationId)
    .where("report_versions.engagement_id", "=", engagementId)
    .orderBy("share_links.created_at", "desc")
    .execute();
  return rows.map(toLink);
}

export async function revokeShareLinkRow(
  tx: Tx,
  scope: OrgScope,
  id: string,
  by: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("share_links")
    .set({ revoked_at: at, revoked_by: by })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .execute();
}

/** A link by its secret's hash, from a stranger's request: the organization comes from it. */
export async function findShareLinkByHash(
  tx: Tx,
  tokenHash: string,
): Promise<(ShareLink & { organizationId: string }) | undefined> {
  const row = await tx
    .selectFrom("share_links")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...toLink(row), organizationId: row.organization_id };
}

export interface Acceptance {
  id: string;
  linkId: string;
  name: string;
  company: string;
  email: string;
  ndaSha256: string;
  acceptedAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export async function insertAcceptance(
  tx: Tx,
  organizationId: string,
  a: Acceptance,
  tokenHash: string,
): Promise<void> {
  await tx
    .insertInto("share_acceptances")
    .values({
      id: a.id,
      organization_id: organizationId,
      link_id: a.linkId,
      token_hash: tokenHash,
      name: a.name,
      company: a.company,
      email: a.email,
      nda_sha256: a.ndaSha256,
      accepted_at: a.acceptedAt,
      expires_at: a.expiresAt,
      address: a.address,
      user_agent: a.userAgent,
    })
    .execute();
}

export async function findAcceptanceByHash(
  tx: Tx,
  linkId: string,
  tokenHash: string,
): Promise<Acceptance | undefined> {
  const row = await tx
    .selectFrom("share_acceptances")
    .selectAll()
    .where("link_id", "=", linkId)
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    id: row.id,
    linkId: row.link_id,
    name: row.name,
    company: row.company,
    email: row.email,
    ndaSha256: row.nda_sha256,
    acceptedAt: row.accepted_at,
    expiresAt: row.expires_at,
    address: row.address,
    userAgent: row.user_agent,
  };
}

export async function appendAccess(
  tx: Tx,
  organizationId: string,
  entry: Omit<AccessRecord, "reader"> & { acceptanceId: string | null },
): Promise<void> {
  await tx
    .insertInto("share_access_log")
    .values({
      id: entry.id,
      organization_id: organizationId,
      link_id: entry.linkId,
      acceptance_id: entry.acceptanceId,
      event: entry.event,
      at: entry.at,
      address: entry.address,
      user_agent: entry.userAgent,
    })
    .execute();
}

export async function listAccess(
  tx: Tx,
  scope: OrgScope,
  linkIds: readonly string[],
): Promise<AccessRecord[]> {
  if (linkIds.length === 0) return [];
  const rows = await tx
    .selectFrom("share_access_log")
    .leftJoin("share_acceptances", "share_acceptances.id", "share_access_log.acceptance_id")
    .select([
      "share_access_log.id as id",
      "share_access_log.link_id as link_id",
      "share_access_log.event as event",
      "share_access_log.at as at",
      "share_access_log.address as address",
      "share_access_log.user_agent as user_agent",
      "share_acceptances.name as name",
      "share_acceptances.company as company",
      "share_acceptances.email as email",
    ])
    .where("share_access_log.organization_id", "=", scope.organizationId)
    .where("share_access_log.link_id", "in", [...linkIds])
    .orderBy("share_access_log.at")
    .orderBy("share_access_log.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    linkId: r.link_id,
    event: r.event as AccessEvent,
    at: r.at,
    address: r.address,
    userAgent: r.user_agent,
    reader:
      r.name === null || r.company === null || r.email === null
        ? null
        : { name: r.name, company: r.company, email: r.email },
  }));
}
