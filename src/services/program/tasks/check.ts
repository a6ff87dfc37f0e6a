/**
 * Failing checks (issue 17): while a check's latest result fails on a connector, the owner of
 * each control it supports has a task to fix it (or to except the resource with a reason).
 * Derived from the latest results, so the run that finds the check passing again closes it.
 */
import { listControls } from "../../../db/controls.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { failingInWords } from "../../../domain/checks/outcome.ts";
import type { Task } from "../../../domain/task.ts";
import { checkById } from "../../../integrations/checks.ts";
import { latestOutcomes } from "../../checks/results.service.ts";
import type { TaskSourceModule } from "./source.ts";

export const checkTasks: TaskSourceModule = {
  source: "check",
  async load({ tx, actor, today }) {
    const failing = (await latestOutcomes(tx, actor, today)).filter((r) => r.status === "fail");
    if (failing.length === 0) return [];
    const controls = new Map((await listControls(tx, scopeOf(actor))).map((c) => [c.ref, c]));
    const tasks: Task[] = [];
    for (const result of failing) {
      const check = checkById(result.checkId);
      if (check === undefined) continue;
      for (const ref of check.controls) {
        const control = controls.get(ref);
        if (control === undefined) continue;
        const owner = control.owner?.trim().toLowerCase() ?? "";
        tasks.push({
          id: `check:${result.connector}:${check.id}:${ref}`,
          source: "check",
          title: `Fix failing check ${check.id} (${ref} ${control.title})`,
          reason:
            `${check.title} fails on ${result.connectorName} (${result.run}) for ` +
            `${result.failing}: ${failingInWords(result.resources)}`,
          subject: ref,
          link: `/checks?check=${encodeURIComponent(check.id)}`,
          assignee: owner === "" ? null : { userId: null, email: owner, name: null },
          // A failing control is work for now, not for a date.
          dueBy: null,
          status: "open",
        });
      }
    }
    return tasks;
  },
};
