/**
 * Sessions, API tokens, password resets and setup tokens: every secret is looked up by the
 * SHA-256 of its value, so a copy of the database grants nobody a session.
 */
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { ApiToken, SessionRecord, TokenScope, User } from "../domain/account.ts";
import { PER_REQUEST } from "./connect.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { ApiTokensTable, SessionsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage as SessionRecord["stage"],
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    address: row.address,
  };
}

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    organizationId: row.organization_id,
    userId: row.user_id,
    name: row.name,
    scopes: fromDbJson<TokenScope[]>(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function insertSession(
  tx: Tx,
  session: SessionRecord,
  tokenHash: string,
): Promise<void> {
  await tx
    .insertInto("sessions")
    .values({
      id: session.id,
      token_hash: tokenHash,
      user_id: session.userId,
      stage: session.stage,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
      address: session.address,
      revoked_at: null,
    })
    .execute();
}

/** A live session: not revoked and not past its absolute expiry (idle is checked by the caller). */
export async function findLiveSession(
  tx: Tx,
  tokenHash: string,
  now: string,
): Promise<SessionRecord | undefined> {
  const row = await tx
    .selectFrom("sessions")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row === undefined ? undefined : toSession(row);
}

export async function touchSession(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function listLiveSessions(
  tx: Tx,
  userId: string,
  now: string,
): Promise<SessionRecord[]> {
  const rows = await tx
    .selectFrom("sessions")
    .selectAll()
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("stage", "=", "active")
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map(toSession);
}

/** Revokes one session of the user, or all of them but `except`; returns how many. */
export async function revokeSessions(
  tx: Tx,
  userId: string,
  at: string,
  which: { id: string } | { except: string | null },
): Promise<number> {
  let query = tx
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if ("id" in which) query = query.where("id", "=", which.id);
  else if (which.except !== null) query = query.where("id", "!=", which.except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertApiToken(tx: Tx, token: ApiToken, tokenHash: string): Promise<void> {
  await tx
    .insertInto("api_tokens")
    .values({
      id: token.id,
      organization_id: token.organizationId,
      user_id: token.userId,
      name: token.name,
      token_hash: tokenHash,
      scopes: toDbJson(token.scopes),
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

export async function findLiveApiToken(
  tx: Tx,
  tokenHash: string,
  now: string,
): Promise<ApiToken | undefined> {
  const row = await tx
    .selectFrom("api_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row === undefined ? undefined : toApiToken(row);
}

export async function touchApiToken(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}

/** The user's own live tokens in the organization. */
export async function listApiTokens(
  tx: Tx,
  scope: OrgScope,
  userId: string,
  now: string,
): Promise<ApiToken[]> {
  const rows = await tx
    .selectFrom("api_tokens")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toApiToken);
}

export async function revokeApiToken(
  tx: Tx,
  scope: OrgScope,
  userId: string,
  id: string,
  at: string,
): Promise<number> {
  const result = await tx
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Tokens die with the membership that gave them their rights. */
export async function revokeUserApiTokens(
  tx: Tx,
  scope: OrgScope,
  userId: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function insertPasswordReset(
  tx: Tx,
  tokenHash: string,
  userId: string,
  at: string,
  expiresAt: string,
): Promise<void> {
  await tx
    .insertInto("password_resets")
    .values({
      token_hash: tokenHash,
      user_id: userId,
      created_at: at,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
}

/** Removes a reset whose link never reached its mail (the send failed). */
export async function deletePasswordReset(tx: Tx, tokenHash: string): Promise<void> {
  await tx.deleteFrom("password_resets").where("token_hash", "=", tokenHash).execute();
}

/** Marks the reset used and returns its user, or undefined if unknown, used or expired. */
export async function consumePasswordReset(
  tx: Tx,
  tokenHash: string,
  at: string,
): Promise<string | undefined> {
  const row = await tx
    .updateTable("password_resets")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** Only the newest setup token works: printing a new one voids the old. */
export async function replaceSetupToken(
  tx: Tx,
  tokenHash: string,
  at: string,
  expiresAt: string,
): Promise<void> {
  await tx.deleteFrom("setup_tokens").where("used_at", "is", null).execute();
  await tx
    .insertInto("setup_tokens")
    .values({ token_hash: tokenHash, created_at: at, expires_at: expiresAt, used_at: null })
    .execute();
}

export async function consumeSetupToken(tx: Tx, tokenHash: string, at: string): Promise<boolean> {
  const row = await tx
    .updateTable("setup_tokens")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returning("token_hash")
    .executeTakeFirst();
  return row !== undefined;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

/**
 * Counts one attempt for `key` in a single statement, so parallel attempts each see their own
 * count. A new window starts when the old one began before `windowStart` or its lock has
 * lapsed. Answers the count including this attempt and the lock as it stood.
 */
export async function countAttempt(
  tx: Tx,
  key: string,
  now: string,
  windowStart: string,
): Promise<{ failures: number; lockedUntil: string | null }> {
  const fresh = sql`(login_throttle.window_started_at < ${windowStart}
    or login_throttle.locked_until <= ${now})`;
  const { rows } = await sql<{ failures: number | string; locked_until: string | null }>`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${now}, null)
    on conflict (key) do update set
      failures = case when ${fresh} then 1 else login_throttle.failures + 1 end,
      locked_until = case when ${fresh} then null else login_throttle.locked_until end,
      window_started_at = case when ${fresh} then ${now} else login_throttle.window_started_at end
    returning failures, locked_until`.execute(tx);
  const row = rows[0];
  if (row === undefined) throw new Error("login_throttle upsert returned no row");
  return { failures: Number(row.failures), lockedUntil: row.locked_until };
}

export async function lockThrottle(tx: Tx, key: string, until: string): Promise<void> {
  await tx
    .updateTable("login_throttle")
    .set({ locked_until: until })
    .where("key", "=", key)
    .execute();
}

/** Gives back one counted attempt (a success from a shared address). */
export async function uncountAttempt(tx: Tx, key: string): Promise<void> {
  await tx
    .updateTable("login_throttle")
    .set((eb) => ({ failures: eb("failures", "-", 1) }))
    .where("key", "=", key)
    .where("failures", ">", 0)
    .execute();
}

export async function findThrottle(tx: Tx, key: string): Promise<ThrottleState | undefined> {
  const row = await tx
    .selectFrom("login_throttle")
    .selectAll()
    .where("key", "=", key)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        failures: row.failures,
        windowStartedAt: row.window_started_at,
        lockedUntil: row.locked_until,
      };
}

export async function saveThrottle(tx: Tx, key: string, state: ThrottleState): Promise<void> {
  await tx
    .insertInto("login_throttle")
    .values({
      key,
      failures: state.failures,
      window_started_at: state.windowStartedAt,
      locked_until: state.lockedUntil,
    })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: state.failures,
        window_started_at: state.windowStartedAt,
        locked_until: state.lockedUntil,
      }),
    )
    .execute();
}

export async function clearThrottle(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom("login_throttle").where("key", "=", key).execute();
}

/**
 * A live session and its user in one statement: this runs on every browser request, so it is
 * written as SQL text rather than built, which costs more than running it.
 */
export async function findLiveSessionWithUser(
  tx: Tx,
  tokenHash: string,
  now: string,
): Promise<{ session: SessionRecord; user: User } | undefined> {
  type Row = Selectable<SessionsTable> & {
    user_email: string;
    user_name: string;
    user_totp_enabled_at: string | null;
    user_created_at: string;
  };
  // The values come in through `given`, not compared as parameters: see session-member.repo.ts.
  const { rows } = await sql<Row>`${sql.raw(PER_REQUEST)}
    with given(token_hash, now) as (values (${tokenHash}, ${now}))
    select s.*, u.email as user_email, u.name as user_name,
      u.totp_enabled_at as user_totp_enabled_at, u.created_at as user_created_at
    from given
    join sessions s on s.token_hash = given.token_hash
    join users u on u.id = s.user_id
    where s.revoked_at is null and s.expires_at > given.now`.execute(tx);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    session: toSession(row),
    user: {
      id: row.user_id,
      email: row.user_email,
      name: row.user_name,
      totpEnabled: row.user_totp_enabled_at !== null,
      createdAt: row.user_created_at,
    },
  };
}
