/**
 * When a person's checklists exist and when their steps are due. A joiner checklist is opened
 * for a start date, a leaver checklist for an end date; a date that moves moves the open
 * steps' SLAs, and an end date withdrawn closes the leaver steps not yet done. Dates long past
 * when the register first hears of them (an existing workforce imported for the first time)
 * open nothing: that onboarding happened before the register.
 */
import { CHECKLISTS, CHECKLIST_KINDS, checklistStep } from "../catalog/people/checklists.ts";
import type { ChecklistKind, ChecklistStep } from "../catalog/people/checklists.ts";
import { addDays } from "./periods.ts";
import { addBusinessDays } from "./person.ts";
import type { Person, PersonStep } from "./person.ts";
import type { TaskAssignee } from "./task.ts";

/** A start or end date this many days before today or earlier opens no checklist. */
export const CHECKLIST_LOOKBACK_DAYS = 90;

export interface ChecklistPlan {
  create: Omit<PersonStep, "id" | "createdAt">[];
  reschedule: { id: string; anchorDate: string; dueBy: string }[];
  /** Checklists whose open steps are no longer called for. */
  close: ChecklistKind[];
}

function anchorOf(person: Pick<Person, "startDate" | "endDate">, kind: ChecklistKind) {
  return kind === "joiner" ? person.startDate : person.endDate;
}

export function stepDue(step: ChecklistStep, anchorDate: string): string {
  return addBusinessDays(anchorDate, step.businessDays);
}

/** What to write so the person's checklists match their dates, given their steps so far. */
export function planChecklists(
  person: Pick<Person, "id" | "startDate" | "endDate">,
  steps: readonly PersonStep[],
  today: string,
): ChecklistPlan {
  const plan: ChecklistPlan = { create: [], reschedule: [], close: [] };
  for (const kind of CHECKLIST_KINDS) {
    const anchor = anchorOf(person, kind);
    const existing = steps.filter((s) => s.checklist === kind);
    if (anchor === null) {
      if (existing.some((s) => s.completedAt === null)) plan.close.push(kind);
      continue;
    }
    if (existing.length === 0) {
      if (anchor <= addDays(today, -CHECKLIST_LOOKBACK_DAYS)) continue;
      for (const step of CHECKLISTS[kind].steps) {
        plan.create.push({
          personId: person.id,
          checklist: kind,
          step: step.id,
          anchorDate: anchor,
          dueBy: stepDue(step, anchor),
          owner: null,
          completedAt: null,
          completedBy: null,
          completedName: null,
          evidenceId: null,
          note: null,
        });
      }
      continue;
    }
    for (const step of existing) {
      const template = checklistStep(kind, step.step);
      if (step.completedAt !== null || template === undefined || step.anchorDate === anchor) {
        continue;
      }
      plan.reschedule.push({ id: step.id, anchorDate: anchor, dueBy: stepDue(template, anchor) });
    }
  }
  return plan;
}

/**
 * Who a step is for: the person named on it, or else the template's owner (the owner of the
 * step's control, the person's manager, or the person). Null while nobody is named.
 */
export function stepAssignee(
  step: Pick<PersonStep, "checklist" | "step" | "owner">,
  person: Pick<Person, "email" | "name" | "managerEmail">,
  controlOwners: ReadonlyMap<string, string | null>,
): TaskAssignee | null {
  if (step.owner !== null) return { userId: null, email: step.owner, name: null };
  const template = checklistStep(step.checklist, step.step);
  if (template === undefined) return null;
  if (template.owner === "person") return { userId: null, email: person.email, name: person.name };
  if (template.owner === "manager") {
    return person.managerEmail === null
      ? null
      : { userId: null, email: person.managerEmail, name: null };
  }
  const owner = controlOwners.get(template.control)?.trim().toLowerCase() ?? "";
  return owner === "" ? null : { userId: null, email: owner, name: null };
}
