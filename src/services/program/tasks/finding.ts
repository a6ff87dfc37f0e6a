/**
 * Findings to work: for each control that imported findings measure (OP-03, OP-02, OP-09), its
 * open findings are one task of its owner, due by the earliest deadline among them.
 */
import { listControls } from "../../../db/controls.repo.ts";
import { openFindingSummary } from "../../../db/findings.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { FINDING_CONTROLS } from "../../../domain/findings/finding-readiness.ts";
import { taskStatus } from "../../../domain/task.ts";
import type { Task } from "../../../domain/task.ts";
import type { TaskSourceModule } from "./source.ts";

export const findingTasks: TaskSourceModule = {
  source: "finding",
  async load({ tx, actor, today }) {
    const summary = await openFindingSummary(tx, scopeOf(actor), today);
    if (summary.length === 0) return [];
    const controls = new Map((await listControls(tx, scopeOf(actor))).map((c) => [c.ref, c]));
    const byControl = new Map<string, { open: number; overdue: number; due: string | null }>();
    for (const s of summary) {
      for (const ref of FINDING_CONTROLS[s.source]) {
        const sum = byControl.get(ref) ?? { open: 0, overdue: 0, due: null };
        sum.open += s.open;
        sum.overdue += s.overdue;
        if (s.earliestDue !== null && (sum.due === null || s.earliestDue < sum.due))
          sum.due = s.earliestDue;
        byControl.set(ref, sum);
      }
    }
    const tasks: Task[] = [];
    for (const [ref, sum] of byControl) {
      const control = controls.get(ref);
      if (control === undefined) continue;
      const owner = control.owner?.trim().toLowerCase() ?? "";
      tasks.push({
        id: `finding:${ref}`,
        source: "finding",
        title: `Work the open findings of ${ref} ${control.title}`,
        reason:
          `${sum.open === 1 ? "1 open finding" : `${sum.open} open findings`}` +
          (sum.overdue === 0 ? "" : `, ${sum.overdue} past their deadline`),
        subject: ref,
        link: `/findings?control=${ref}`,
        assignee: owner === "" ? null : { userId: null, email: owner, name: null },
        dueBy: sum.due,
        status: taskStatus(sum.due, today),
      });
    }
    return tasks;
  },
};
