/** Readiness signals from findings (domain/findings/finding-readiness.ts). */
import { importedSources, overdueFindings } from "../../../db/findings.repo.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { findingSignals } from "../../../domain/findings/finding-readiness.ts";
import type { ControlSignal } from "../../../domain/readiness.ts";
import type { OrganizationDay } from "../../platform/organization-day.ts";

export async function loadFindingSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const imported = await importedSources(tx, scopeOf(actor));
  if (imported.size === 0) return new Map();
  return findingSignals(imported, await overdueFindings(tx, scopeOf(actor), day.today));
}
