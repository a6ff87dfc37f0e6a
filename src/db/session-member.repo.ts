/**
 * What an organization route must know before anything else, in one statement: the live
 * session and its user, and that user's membership in the organization named in the path,
 * with the organization and the head of its audit chain. As two statements it cost two round
 * trips to PostgreSQL on every request. Both checks still run on every request.
 *
 * The session's token and the time come in through a one-row `given` table rather than as
 * bound parameters compared in the WHERE clause: SQLite (3.54) prepares a join again at every
 * run when such a parameter's value could sway its plan, which made this statement cost some
 * 50 µs on each request instead of 6. connect.ts PER_REQUEST says more.
 */
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { Role } from "../domain/actor.ts";
import type { SessionRecord, User } from "../domain/account.ts";
import { PER_REQUEST } from "./connect.ts";
import { toSession } from "./credentials.repo.ts";
import { toOrganization } from "./organizations.repo.ts";
import type { OrganizationsTable, SessionsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";
import type { FoundMember } from "./users.repo.ts";

type Organization = Selectable<OrganizationsTable>;
type OrganizationColumns = { [K in keyof Organization as `org_${K}`]: Organization[K] };
type NoOrganization = { [K in keyof OrganizationColumns]: null };

type Row = Selectable<SessionsTable> & {
  user_email: string;
  user_name: string;
  user_totp_enabled_at: string | null;
  user_created_at: string;
} & ((OrganizationColumns & { member_role: string }) | (NoOrganization & { member_role: null }));

/**
 * The membership is looked up the way findOrganizationForMember does (by slug, or by id) and
 * is undefined when the user is not a member there.
 */
export async function findLiveSessionWithMember(
  tx: Tx,
  tokenHash: string,
  now: string,
  handle: string,
): Promise<{ session: SessionRecord; user: User; member: FoundMember | undefined } | undefined> {
  const { rows } = await sql<Row>`${sql.raw(PER_REQUEST)}
    with given(token_hash, now) as (values (${tokenHash}, ${now}))
    select s.*, u.email as user_email, u.name as user_name,
      u.totp_enabled_at as user_totp_enabled_at, u.created_at as user_created_at,
      m.role as member_role, o.id as org_id, o.slug as org_slug, o.name as org_name,
      o.system_name as org_system_name, o.time_zone as org_time_zone,
      o.created_at as org_created_at, o.updated_at as org_updated_at,
      o.audit_head_seq as org_audit_head_seq, o.audit_head_hash as org_audit_head_hash,
      o.require_totp as org_require_totp
    from given
    join sessions s on s.token_hash = given.token_hash
    join users u on u.id = s.user_id
    left join memberships m on m.user_id = s.user_id and m.organization_id in (
      select id from organizations
      where slug = ${handle.trim().toLowerCase()} or id = ${handle})
    left join organizations o on o.id = m.organization_id
    where s.revoked_at is null and s.expires_at > given.now`.execute(tx);
  const row = rows[0];
  if (row === undefined) return undefined;
  const user: User = {
    id: row.user_id,
    email: row.user_email,
    name: row.user_name,
    totpEnabled: row.user_totp_enabled_at !== null,
    createdAt: row.user_created_at,
  };
  return { session: toSession(row), user, member: memberOf(row) };
}

function memberOf(row: Row): FoundMember | undefined {
  if (row.member_role === null) return undefined;
  // Spelled out, so that a column added to organizations fails to compile here until the
  // statement above selects it too.
  const organization: Organization = {
    id: row.org_id,
    slug: row.org_slug,
    name: row.org_name,
    system_name: row.org_system_name,
    time_zone: row.org_time_zone,
    created_at: row.org_created_at,
    updated_at: row.org_updated_at,
    audit_head_seq: row.org_audit_head_seq,
    audit_head_hash: row.org_audit_head_hash,
    require_totp: row.org_require_totp,
  };
  return {
    organization: toOrganization(organization),
    role: row.member_role as Role,
    auditHeadHash: row.org_audit_head_hash,
  };
}
