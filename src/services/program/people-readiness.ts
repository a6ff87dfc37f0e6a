/** Loads the checklist steps and names for domain/people-readiness.ts. */
import { listPeople, listSteps } from "../../db/people.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { peopleSignals } from "../../domain/people-readiness.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";

export async function loadPeopleSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const scope = scopeOf(actor);
  const steps = await listSteps(tx, scope);
  if (steps.length === 0) return new Map();
  const names = new Map((await listPeople(tx, scope)).map((p) => [p.id, p.name]));
  return peopleSignals(steps, names, day.today);
}
