/**
 * Who must train: the same workforce policy acknowledgements ask (policy-audience.ts): members
 * and the people register's people still employed on `today`, with the register's department
 * and start date where it knows them. This is the one place the training engine learns who
 * the people are.
 */
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { normalizeEmail } from "../../domain/account.ts";
import type { Trainee } from "../../domain/training.ts";
import { loadWorkforce } from "./policy-audience.ts";

export async function trainingAudience(
  tx: Tx,
  scope: OrgScope,
  timeZone: string,
  today: string,
): Promise<Trainee[]> {
  const workforce = await loadWorkforce(tx, scope, timeZone, today);
  return workforce.map((person) => ({
    email: normalizeEmail(person.email),
    userId: person.userId,
    name: person.name,
    department: person.department ?? null,
    startedOn: person.joinedOn,
  }));
}
