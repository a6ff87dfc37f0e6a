/** Evidence due: an implemented control whose evidence is missing or overdue, for its owner. */
import { listControls } from "../../../db/controls.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { taskStatus } from "../../../domain/task.ts";
import { loadFreshness } from "../readiness.service.ts";
import type { TaskSourceModule } from "./source.ts";

export const evidenceDueTasks: TaskSourceModule = {
  source: "evidence-due",
  async load({ tx, actor, today }) {
    const owners = new Map(
      (await listControls(tx, scopeOf(actor))).map((c) => [c.ref, c.owner?.trim() ?? null]),
    );
    const freshness = await loadFreshness(tx, actor, today);
    return freshness
      .filter((f) => f.status === "implemented" && f.state !== "current")
      .map((f) => {
        const owner = owners.get(f.ref) ?? null;
        return {
          id: `evidence-due:${f.ref}`,
          source: "evidence-due" as const,
          title: `Add evidence for ${f.ref} ${f.title}`,
          reason: f.reason,
          subject: f.ref,
          link: `/controls/${f.ref}`,
          assignee:
            owner === null || owner === ""
              ? null
              : { userId: null, email: owner.toLowerCase(), name: null },
          dueBy: f.dueBy,
          // Missing evidence has no due day but is already late for an implemented control.
          status: f.state === "missing" ? "overdue" : taskStatus(f.dueBy, today),
        };
      });
  },
};
