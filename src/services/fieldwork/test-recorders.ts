/**
 * Whose test or result an entry is. Results are the auditor's: the assigned auditor records
 * them, or the owner enters them on that auditor's behalf, naming the auditor's account, and
 * the entry says so. Nobody records under a name that is not an assigned auditor's.
 */
import { listEngagementAssignees } from "../../db/users.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { invalidField } from "../../domain/errors.ts";

export interface Recorder {
  /** The auditor's name, as their account gives it. */
  name: string;
  email: string | null;
  /** The owner's name when the owner entered it for the auditor; null when the auditor did. */
  enteredBy: string | null;
}

/**
 * The auditor the entry is for. An auditor records as themselves (naming another is refused);
 * anyone else with the right (the owner) must name an auditor assigned to the engagement.
 */
export async function recorderOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  auditorEmail: string | undefined,
): Promise<Recorder> {
  const named = auditorEmail?.trim().toLowerCase();
  if (actor.role === "auditor") {
    const own = actor.email?.toLowerCase();
    if (named !== undefined && named !== own) {
      throw invalidField(
        "auditor",
        `an auditor records their own tests and results; ${auditorEmail ?? ""} is not you`,
      );
    }
    return { name: actor.name, email: actor.email ?? null, enteredBy: null };
  }
  const assigned = await listEngagementAssignees(tx, scopeOf(actor), engagement.id);
  const label = engagementLabel(engagement);
  const choices =
    assigned.length === 0
      ? `no auditor is assigned to ${label} yet: assign one first`
      : `assigned: ${assigned.map((a) => a.user.email).join(", ")}`;
  if (named === undefined) {
    throw invalidField(
      "auditor",
      "name the assigned auditor (by email) whose test or result you are entering; " +
        `results are the auditor's (${choices})`,
    );
  }
  const auditor = assigned.find((a) => a.user.email.toLowerCase() === named);
  if (auditor === undefined) {
    throw invalidField(
      "auditor",
      `${auditorEmail ?? ""} is not an auditor assigned to ${label} (${choices})`,
    );
  }
  return { name: auditor.user.name, email: auditor.user.email, enteredBy: actor.name };
}
