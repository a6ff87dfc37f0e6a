/**
 * Removal of secrets that can no longer be used. Records an auditor may ask for (accepted
 * invitations, NDA acceptances, the share access log, audit events) are never deleted here: a
 * spent download grant keeps its acceptance row and loses only its secret's hash.
 */
import type { OrgScope } from "../domain/actor.ts";
import type { Tx } from "./transaction.ts";

/** What marks a download grant whose secret was removed. Never a SHA-256, so never matched. */
export const VOIDED_GRANT_PREFIX = "expired:";

export interface CredentialCutoffs {
  now: string;
  /** Sessions last seen before this have passed their idle limit. */
  idleBefore: string;
  /** Attempt counters whose window began before this (and whose lock lapsed) count nothing. */
  countersBefore: string;
  /** Job runs that started before this are old bookkeeping (each job's newest run stays). */
  runsBefore: string;
}

export interface DeletedCredentials {
  sessions: number;
  passwordResets: number;
  setupTokens: number;
  attemptCounters: number;
  jobRuns: number;
}

export async function deleteDeadCredentials(
  tx: Tx,
  cutoffs: CredentialCutoffs,
): Promise<DeletedCredentials> {
  const sessions = await tx
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", cutoffs.now),
        eb("revoked_at", "is not", null),
        eb("last_seen_at", "<", cutoffs.idleBefore),
      ]),
    )
    .executeTakeFirst();
  const resets = await tx
    .deleteFrom("password_resets")
    .where((eb) => eb.or([eb("expires_at", "<=", cutoffs.now), eb("used_at", "is not", null)]))
    .executeTakeFirst();
  const setup = await tx
    .deleteFrom("setup_tokens")
    .where((eb) => eb.or([eb("expires_at", "<=", cutoffs.now), eb("used_at", "is not", null)]))
    .executeTakeFirst();
  const counters = await tx
    .deleteFrom("login_throttle")
    .where("window_started_at", "<", cutoffs.countersBefore)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", cutoffs.now)]))
    .executeTakeFirst();
  const runs = await tx
    .deleteFrom("job_runs")
    .where("started_at", "<", cutoffs.runsBefore)
    .where(({ eb, selectFrom }) =>
      eb(
        "started_at",
        "<",
        selectFrom("job_runs as newest")
          .select((n) => n.fn.max("newest.started_at").as("latest"))
          .whereRef("newest.name", "=", "job_runs.name"),
      ),
    )
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    passwordResets: Number(resets.numDeletedRows),
    setupTokens: Number(setup.numDeletedRows),
    attemptCounters: Number(counters.numDeletedRows),
    jobRuns: Number(runs.numDeletedRows),
  };
}

/** Invitations nobody accepted before they expired; accepted ones record how a member joined. */
export async function deleteExpiredInvitations(
  tx: Tx,
  scope: OrgScope,
  now: string,
): Promise<{ id: string; email: string }[]> {
  return tx
    .deleteFrom("invitations")
    .where("organization_id", "=", scope.organizationId)
    .where("expires_at", "<=", now)
    .where("accepted_at", "is", null)
    .returning(["id", "email"])
    .execute();
}

/** Voids the secret of each expired download grant and returns the grants' ids. */
export async function voidExpiredDownloadGrants(
  tx: Tx,
  scope: OrgScope,
  now: string,
): Promise<string[]> {
  const expired = await tx
    .selectFrom("share_acceptances")
    .select("id")
    .where("organization_id", "=", scope.organizationId)
    .where("expires_at", "<=", now)
    .where("token_hash", "not like", `${VOIDED_GRANT_PREFIX}%`)
    .execute();
  for (const { id } of expired) {
    await tx
      .updateTable("share_acceptances")
      .set({ token_hash: `${VOIDED_GRANT_PREFIX}${id}` })
      .where("organization_id", "=", scope.organizationId)
      .where("id", "=", id)
      .execute();
  }
  return expired.map((row) => row.id);
}
