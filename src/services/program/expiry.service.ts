/**
 * Clears secrets that can no longer be used: expired, revoked or idle sessions, used or
 * expired reset and setup links, spent attempt counters and job runs older than 90 days
 * (installation-wide, so they have no organization's trail and
 * their counts go in the job's run record), and per organization the invitations nobody
 * accepted in time and the spent secrets of report download grants, audited in the
 * organization's trail. Nothing an auditor relies on is removed: accepted invitations, NDA
 * acceptances, the share access log and audit events all stay.
 */
import { deleteDeadCredentials, deleteExpiredInvitations } from "../../db/expiry.repo.ts";
import type { DeletedCredentials } from "../../db/expiry.repo.ts";
import { voidExpiredDownloadGrants } from "../../db/expiry.repo.ts";
import { inOrgTransaction, inTransaction } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the job list keeps past runs: enough to see a quarter's failures. */
const JOB_RUNS_KEPT_DAYS = 90;

export async function purgeDeadCredentials(
  ctx: ServiceContext,
  principal: Principal,
): Promise<DeletedCredentials> {
  // Sessions and links belong to no organization, so no role can be checked: only Attest
  // itself clears them.
  if (principal.kind !== "system") {
    throw new AppError("FORBIDDEN", "only Attest's own jobs clear expired sign-ins");
  }
  const now = ctx.now();
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  return inTransaction(ctx.db, (tx) =>
    deleteDeadCredentials(tx, {
      now: now.toISOString(),
      idleBefore: ago(ctx.sessions.idleMinutes * 60_000),
      // Longer than any counting window (15 minutes for sign-ins, an hour for resets).
      countersBefore: ago(DAY_MS),
      runsBefore: ago(JOB_RUNS_KEPT_DAYS * DAY_MS),
    }),
  );
}

export interface PurgedGrants {
  invitations: number;
  downloadGrants: number;
}

export async function purgeExpiredGrants(ctx: ServiceContext, actor: Actor): Promise<PurgedGrants> {
  authorize(actor, "member:manage");
  authorize(actor, "report:share");
  const at = ctx.now();
  const scope = scopeOf(actor);
  return inOrgTransaction(ctx.db, scope, async (tx) => {
    const invitations = await deleteExpiredInvitations(tx, scope, at.toISOString());
    const grants = await voidExpiredDownloadGrants(tx, scope, at.toISOString());
    if (invitations.length > 0 || grants.length > 0) {
      await recordEvent(
        tx,
        actor,
        "expired.cleared",
        scope.organizationId,
        {
          invitations: invitations.map((i) => ({ id: i.id, email: i.email })),
          downloadGrants: grants,
        },
        at,
      );
    }
    return { invitations: invitations.length, downloadGrants: grants.length };
  });
}
