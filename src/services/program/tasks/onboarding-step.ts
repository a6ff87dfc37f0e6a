/**
 * Onboarding and offboarding steps: each open step of a person's checklist is a task for its
 * owner (the step's control owner, the manager, or the person), due by the step's SLA.
 */
import { listPeople, listSteps } from "../../../db/people.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { checklistStep } from "../../../catalog/people/checklists.ts";
import { stepAssignee } from "../../../domain/person-checklists.ts";
import type { Task } from "../../../domain/task.ts";
import { isAssignee, taskStatus } from "../../../domain/task.ts";
import { controlOwnersByRef } from "../person-steps.ts";
import type { TaskSourceModule } from "./source.ts";

const OWN_STEP_PAGES: Readonly<Record<string, string>> = {
  "policy-acknowledgement": "/policies",
  training: "/training",
};

export const onboardingStepTasks: TaskSourceModule = {
  source: "onboarding-step",
  async load({ tx, actor, today, only }) {
    const scope = scopeOf(actor);
    const open = await listSteps(tx, scope, { open: true });
    if (open.length === 0) return [];
    const people = new Map((await listPeople(tx, scope)).map((p) => [p.id, p]));
    const owners = await controlOwnersByRef(tx, scope);
    const tasks: Task[] = [];
    for (const step of open) {
      const person = people.get(step.personId);
      const template = checklistStep(step.checklist, step.step);
      if (person === undefined || template === undefined) continue;
      const assignee = stepAssignee(step, person, owners);
      if (only !== undefined && !isAssignee(assignee, only)) continue;
      const joiner = step.checklist === "joiner";
      tasks.push({
        id: `onboarding-step:${step.id}`,
        source: "onboarding-step",
        title: `${template.title}: ${person.name}`,
        reason: joiner
          ? `${person.name} starts on ${step.anchorDate}`
          : `${person.name}'s last day is ${step.anchorDate}`,
        subject: template.control,
        // A person's own steps are done where they read policies and train (and close
        // themselves there); the others on the person's page.
        link: OWN_STEP_PAGES[step.step] ?? `/people/${encodeURIComponent(person.email)}`,
        assignee,
        dueBy: step.dueBy,
        status: taskStatus(step.dueBy, today),
      });
    }
    return tasks;
  },
};
