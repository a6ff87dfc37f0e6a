/** The people register as a population source: loaded only when the organization keeps one. */
import { listPeople, listSteps } from "../../db/people.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Person, PersonStep } from "../../domain/person.ts";

export async function loadPeopleForPopulations(
  tx: Tx,
  actor: Actor,
): Promise<{ people: Person[]; steps: PersonStep[] } | undefined> {
  const people = await listPeople(tx, scopeOf(actor));
  if (people.length === 0) return undefined;
  return { people, steps: await listSteps(tx, scopeOf(actor)) };
}
