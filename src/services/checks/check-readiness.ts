/** Readiness signals from the latest check results (domain/checks/check-readiness.ts). */
import type { Tx } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import { checkSignals } from "../../domain/checks/check-readiness.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import { checkById } from "../../integrations/checks.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";
import { latestOutcomes } from "./results.service.ts";

export async function loadCheckSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const latest = await latestOutcomes(tx, actor, day.today);
  return checkSignals(
    latest.flatMap((r) => {
      const check = checkById(r.checkId);
      return check === undefined ? [] : [{ ...r, title: check.title, controls: check.controls }];
    }),
  );
}
