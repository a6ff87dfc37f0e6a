/**
 * A joiner's own checklist steps close themselves: "policies acknowledged" once no published
 * policy asking them waits on their acknowledgement, "training completed" once every module
 * assigned to them has been passed. Run in the transaction that recorded the acknowledgement
 * or the completion, and recorded as `person.step-completed` by whoever acted: the person
 * (their acknowledgement, their quiz) or the owner who imported the provider's file.
 */
import { getOrganization } from "../../db/organizations.repo.ts";
import { completeStepRow, listPeople, listSteps } from "../../db/people.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";
import { recordEvent } from "../platform/audit.ts";
import { policyAcknowledgementTasks } from "./tasks/policy-acknowledgement.ts";
import { loadTrainingState } from "./training-standing.ts";

export type OwnStep = "policy-acknowledgement" | "training";

const NOTES: Record<OwnStep, string> = {
  "policy-acknowledgement": "Closed by their acknowledgement of every policy asked of them.",
  training: "Closed when every training module assigned to them was passed.",
};

async function isDone(
  tx: Tx,
  actor: Actor,
  step: OwnStep,
  person: { email: string },
  now: Date,
  timeZone: string,
): Promise<boolean> {
  if (step === "training") {
    const state = await loadTrainingState(tx, scopeOf(actor), now, {
      only: (trainee) => trainee.email === person.email,
    });
    const mine = state.people.find((p) => p.trainee.email === person.email);
    return (
      mine !== undefined && mine.modules.every(({ standing }) => standing.lastPassedOn !== null)
    );
  }
  // By email: an acknowledgement task names its person's email, account or not.
  const who = { id: "", email: person.email };
  const waiting = await policyAcknowledgementTasks.load({
    tx,
    actor,
    now,
    today: localDate(now, timeZone),
    timeZone,
    only: who,
  });
  return waiting.length === 0;
}

/** Closes the person's open own steps of these kinds that are now done. */
export async function closeOwnSteps(
  tx: Tx,
  actor: Actor,
  email: string,
  steps: readonly OwnStep[],
  now: Date,
): Promise<void> {
  const scope = scopeOf(actor);
  const person = (await listPeople(tx, scope)).find((p) => p.email === email.trim().toLowerCase());
  if (person === undefined) return;
  const open = (await listSteps(tx, scope, { personId: person.id, open: true })).filter(
    (s) => s.checklist === "joiner" && (steps as readonly string[]).includes(s.step),
  );
  if (open.length === 0) return;
  const { timeZone } = await getOrganization(tx, scope);
  const today = localDate(now, timeZone);
  for (const step of open) {
    const kind = step.step as OwnStep;
    if (!(await isDone(tx, actor, kind, person, now, timeZone))) continue;
    await completeStepRow(tx, scope, {
      ...step,
      completedAt: now.toISOString(),
      completedBy: actor.id,
      completedName: actor.name,
      evidenceId: null,
      note: NOTES[kind],
    });
    await recordEvent(
      tx,
      actor,
      "person.step-completed",
      person.id,
      {
        email: person.email,
        checklist: step.checklist,
        step: step.step,
        dueBy: step.dueBy,
        late: today > step.dueBy,
        evidence: null,
      },
      now,
    );
  }
}
