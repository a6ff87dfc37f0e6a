/**
 * What training tells readiness about the controls the modules support (HR-03): how many
 * people in the training audience are past due on any module, in words.
 */
import { TRAINING_MODULES } from "../../catalog/training/index.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";
import { loadTrainingState } from "./training-standing.ts";

export async function loadTrainingSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const signals = new Map<string, ControlSignal[]>();
  const { people } = await loadTrainingState(tx, scopeOf(actor), day.now, {
    timeZone: day.timeZone,
  });
  if (people.length === 0) return signals;
  const late = people.filter((p) => p.modules.some((m) => m.standing.state === "overdue"));
  const signal: ControlSignal =
    late.length === 0
      ? {
          source: "training",
          ok: true,
          reason: `${people.length} of ${people.length} people are up to date with security training`,
        }
      : {
          source: "training",
          ok: false,
          reason: `${late.length} of ${people.length} people have not completed this year's training`,
        };
  for (const ref of new Set(TRAINING_MODULES.flatMap((m) => m.controls))) {
    signals.set(ref, [signal]);
  }
  return signals;
}
