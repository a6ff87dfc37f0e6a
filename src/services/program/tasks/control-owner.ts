/**
 * Control owner: a control someone owns that is not yet in place is that person's task until
 * it is implemented (or found not applicable). Once implemented, its evidence is the work
 * (evidence-due). Controls nobody owns are not tasks: assigning owners is (bulk assignment).
 */
import { listControls } from "../../../db/controls.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Task } from "../../../domain/task.ts";
import { isAssignee } from "../../../domain/task.ts";
import type { TaskSourceModule } from "./source.ts";

const WORDS: Record<string, string> = {
  "not-started": "it is not started",
  "in-progress": "it is in progress",
};

export const controlOwnerTasks: TaskSourceModule = {
  source: "control-owner",
  async load({ tx, actor, only }) {
    const controls = await listControls(tx, scopeOf(actor));
    return controls.flatMap((control): Task[] => {
      const owner = control.owner?.trim().toLowerCase() ?? "";
      const reason = WORDS[control.status];
      if (owner === "" || reason === undefined) return [];
      const assignee = { userId: null, email: owner, name: null };
      if (only !== undefined && !isAssignee(assignee, only)) return [];
      return [
        {
          id: `control-owner:${control.ref}`,
          source: "control-owner",
          title: `Put ${control.ref} ${control.title} in place`,
          reason: `you own this control and ${reason}`,
          subject: control.ref,
          link: `/controls/${control.ref}`,
          assignee,
          dueBy: null,
          status: "open",
        },
      ];
    });
  },
};
