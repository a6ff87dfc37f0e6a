/**
 * The onboarding and offboarding steps as people read them: each step with its template's
 * words, its SLA, who it is for and whether it is late; and the writes that keep a person's
 * checklists in step with their dates (domain/person-checklists.ts decides, this applies).
 */
import { CHECKLISTS, checklistStep, slaWords } from "../../catalog/people/checklists.ts";
import type { ChecklistKind } from "../../catalog/people/checklists.ts";
import { listControls } from "../../db/controls.repo.ts";
import { deleteOpenSteps, insertSteps, rescheduleStep } from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { planChecklists, stepAssignee } from "../../domain/person-checklists.ts";
import type { Person, PersonStep } from "../../domain/person.ts";
import type { TaskAssignee } from "../../domain/task.ts";

export type StepState = "done" | "open" | "overdue";

export interface StepView {
  id: string;
  checklist: ChecklistKind;
  step: string;
  title: string;
  description: string;
  control: string;
  /** "within 1 business day of the end date". */
  sla: string;
  anchorDate: string;
  dueBy: string;
  state: StepState;
  assignee: TaskAssignee | null;
  completedAt: string | null;
  completedByName: string | null;
  /** Completed after its due day. */
  late: boolean;
  evidenceId: string | null;
  note: string | null;
}

export interface ChecklistView {
  kind: ChecklistKind;
  title: string;
  steps: StepView[];
}

/** Each control's named owner, by ref: who a step of that control falls to. */
export async function controlOwnersByRef(
  tx: Tx,
  scope: OrgScope,
): Promise<Map<string, string | null>> {
  return new Map((await listControls(tx, scope)).map((c) => [c.ref, c.owner]));
}

export function stepState(
  step: Pick<PersonStep, "completedAt" | "dueBy">,
  today: string,
): StepState {
  if (step.completedAt !== null) return "done";
  return step.dueBy < today ? "overdue" : "open";
}

export function viewStep(
  step: PersonStep,
  person: Person,
  owners: ReadonlyMap<string, string | null>,
  today: string,
): StepView {
  const template = checklistStep(step.checklist, step.step);
  return {
    id: step.id,
    checklist: step.checklist,
    step: step.step,
    title: template?.title ?? step.step,
    description: template?.description ?? "",
    control: template?.control ?? "",
    sla: template === undefined ? "" : slaWords(step.checklist, template),
    anchorDate: step.anchorDate,
    dueBy: step.dueBy,
    state: stepState(step, today),
    assignee: stepAssignee(step, person, owners),
    completedAt: step.completedAt,
    completedByName: step.completedName,
    late: step.completedAt !== null && step.completedAt.slice(0, 10) > step.dueBy,
    evidenceId: step.evidenceId,
    note: step.note,
  };
}

/** A person's checklists in template order, the joiner's first. */
export function viewChecklists(
  person: Person,
  steps: readonly PersonStep[],
  owners: ReadonlyMap<string, string | null>,
  today: string,
): ChecklistView[] {
  return (["joiner", "leaver"] as const).flatMap((kind) => {
    const mine = steps.filter((s) => s.checklist === kind);
    if (mine.length === 0) return [];
    const order = CHECKLISTS[kind].steps.map((s) => s.id);
    mine.sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
    return [
      {
        kind,
        title: CHECKLISTS[kind].title,
        steps: mine.map((s) => viewStep(s, person, owners, today)),
      },
    ];
  });
}

/**
 * Brings the checklists of these people in line with their dates, in the caller's
 * transaction. `stepsByPerson` holds the steps they have so far.
 */
export async function applyChecklists(
  tx: Tx,
  scope: OrgScope,
  people: readonly Person[],
  stepsByPerson: ReadonlyMap<string, readonly PersonStep[]>,
  today: string,
  at: Date,
): Promise<void> {
  const created: PersonStep[] = [];
  for (const person of people) {
    const plan = planChecklists(person, stepsByPerson.get(person.id) ?? [], today);
    for (const step of plan.create) {
      created.push({ ...step, id: newId(), createdAt: at.toISOString() });
    }
    for (const move of plan.reschedule) {
      await rescheduleStep(tx, scope, move.id, move.anchorDate, move.dueBy);
    }
    for (const kind of plan.close) await deleteOpenSteps(tx, scope, person.id, kind);
  }
  await insertSteps(tx, scope, created);
}
