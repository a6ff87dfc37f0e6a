/**
 * Working a checklist: completing a step (by whoever did it, when, with optional evidence) and
 * naming who a step is for. Owners and admins complete any step; anyone else only a step that
 * is theirs. Each is one transaction with its audit event.
 */
import { z } from "zod";
import { completeStepRow, findStep } from "../../db/people.repo.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import type { PersonStep } from "../../domain/person.ts";
import { isAssignee } from "../../domain/task.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { completeStepInput } from "./people-inputs.ts";
import type { CompleteStepInput } from "./people-inputs.ts";
import { loadPerson, personDetail, resolveEvidence } from "./people.service.ts";
import type { PersonDetail } from "./people.service.ts";
import { controlOwnersByRef, viewStep } from "./person-steps.ts";
import { organizationToday } from "../platform/organization-day.ts";

export const assignStepInput = z
  .object({
    owner: z
      .union([email, z.literal(""), z.null()])
      .transform((value) => (value === "" ? null : value)),
  })
  .strict();
export type AssignStepInput = z.input<typeof assignStepInput>;

async function loadStep(tx: Tx, actor: Actor, id: string): Promise<PersonStep> {
  const trimmed = id.trim().toLowerCase();
  const step = /^[0-9a-f-]{36}$/.test(trimmed)
    ? await findStep(tx, scopeOf(actor), trimmed)
    : undefined;
  if (step === undefined) throw notFound("step", id);
  return step;
}

/**
 * Marks a step done, by whoever did it and when, with optional evidence. Owners and admins
 * complete any step; anyone else only a step that is theirs (its assignee).
 */
export async function completeStep(
  ctx: ServiceContext,
  actor: Actor,
  stepId: string,
  input: CompleteStepInput = {},
): Promise<PersonDetail> {
  authorize(actor, "people:complete-step");
  const data = parseInput(completeStepInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const step = await loadStep(tx, actor, stepId);
    const person = await loadPerson(tx, actor, step.personId);
    const owners = await controlOwnersByRef(tx, scope);
    const today = await organizationToday(tx, actor, at);
    const view = viewStep(step, person, owners, today);
    const everyone = actor.role === "owner" || actor.role === "admin";
    if (!everyone && !isAssignee(view.assignee, { id: actor.id, email: actor.email })) {
      throw new AppError(
        "FORBIDDEN",
        `"${view.title}" for ${person.name} is not yours to complete; its owner or an admin completes it`,
      );
    }
    if (step.completedAt !== null) {
      throw new AppError(
        "CONFLICT",
        `"${view.title}" for ${person.name} was completed on ${step.completedAt.slice(0, 10)} by ${step.completedName ?? "someone"}`,
      );
    }
    const evidenceId = await resolveEvidence(tx, actor, data.evidenceId);
    const done: PersonStep = {
      ...step,
      completedAt: at.toISOString(),
      completedBy: actor.id,
      completedName: actor.name,
      evidenceId,
      note: data.note,
    };
    await completeStepRow(tx, scope, done);
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
        evidence: evidenceId,
      },
      at,
    );
    return personDetail(tx, actor, person, at);
  });
}

/** Names who an open step is for (an email), or gives it back to the template's owner (null). */
export async function assignStep(
  ctx: ServiceContext,
  actor: Actor,
  stepId: string,
  input: AssignStepInput,
): Promise<PersonDetail> {
  authorize(actor, "people:manage");
  const data = parseInput(assignStepInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const step = await loadStep(tx, actor, stepId);
    const person = await loadPerson(tx, actor, step.personId);
    if (step.completedAt !== null) {
      throw new AppError("CONFLICT", `the step was completed on ${step.completedAt.slice(0, 10)}`);
    }
    if (step.owner === data.owner) return personDetail(tx, actor, person, at);
    await completeStepRow(tx, scope, { ...step, owner: data.owner });
    await recordEvent(
      tx,
      actor,
      "person.step-assigned",
      person.id,
      {
        email: person.email,
        checklist: step.checklist,
        step: step.step,
        from: step.owner,
        to: data.owner,
      },
      at,
    );
    return personDetail(tx, actor, person, at);
  });
}
