/**
 * What an auditor's engagements cover: the one definition the services narrow an auditor's
 * reads by (the audit log, controls and their history).
 */
import { criteriaInCategories } from "../../catalog/index.ts";
import type { AuditReach } from "../../db/audit.repo.ts";
import { listEngagements } from "../../db/engagements.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { evidenceWindow } from "../../domain/engagement.ts";

/**
 * What an auditor may read: the engagements assigned to them (and their reports), the
 * controls these test (frozen at fieldwork, else those mapped now to criteria of their
 * categories) and the evidence dated inside their periods. Nothing organization-wide; with no
 * assignment, nothing at all. Undefined for every other role: all of it.
 */
export async function auditorReach(tx: Tx, actor: Actor): Promise<AuditReach | undefined> {
  if (actor.role !== "auditor") return undefined;
  const assigned = new Set(actor.engagements ?? []);
  const engagements = (await listEngagements(tx, scopeOf(actor))).filter((e) => assigned.has(e.id));
  const controlRefs = new Set<string>();
  const criteria = new Set<string>();
  for (const engagement of engagements) {
    if (engagement.snapshot !== null) {
      for (const control of engagement.snapshot.controls) controlRefs.add(control.ref);
    } else {
      for (const criterion of criteriaInCategories(engagement.categories)) {
        criteria.add(criterion.id);
      }
    }
  }
  return {
    engagementIds: engagements.map((e) => e.id),
    controlRefs: [...controlRefs],
    criteria: [...criteria],
    evidenceWindows: engagements.map(evidenceWindow),
  };
}

/** Whether a control is one the reach covers: frozen by an engagement, or mapped to its criteria. */
export function reachCoversControl(
  reach: Pick<AuditReach, "controlRefs" | "criteria">,
  control: { ref: string; criteria: readonly string[] },
): boolean {
  return (
    reach.controlRefs.includes(control.ref) ||
    control.criteria.some((criterion) => reach.criteria.includes(criterion))
  );
}
