/**
 * Endpoints that are down: each is a task for the availability control's owner (BC-01), open
 * from the probe that found it down until one finds it up again, which closes it.
 */
import { findControlByRef } from "../../../db/controls.repo.ts";
import { listEndpoints } from "../../../db/monitors.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { MONITOR_CONTROL } from "../../../domain/monitor.ts";
import { localDate } from "../../../domain/periods.ts";
import { taskStatus } from "../../../domain/task.ts";
import type { TaskSourceModule } from "./source.ts";

export const monitorDownTasks: TaskSourceModule = {
  source: "monitor-down",
  async load({ tx, actor, today, timeZone }) {
    const down = (await listEndpoints(tx, scopeOf(actor))).filter((e) => e.state === "down");
    if (down.length === 0) return [];
    const control = await findControlByRef(tx, scopeOf(actor), MONITOR_CONTROL);
    const owner = control?.owner?.trim().toLowerCase() ?? "";
    return down.map((endpoint) => {
      // Due the day it went down: an outage is never "not yet due".
      const due = localDate(new Date(endpoint.stateSince), timeZone);
      return {
        id: `monitor-down:${endpoint.ref}`,
        source: "monitor-down" as const,
        title: `Restore ${endpoint.ref} ${endpoint.name}`,
        reason:
          `down since ${endpoint.stateSince.slice(0, 16).replace("T", " ")} UTC` +
          (endpoint.lastError === null ? "" : `: ${endpoint.lastError}`),
        subject: endpoint.ref,
        link: `/monitors?monitor=${endpoint.ref}`,
        assignee: owner === "" ? null : { userId: null, email: owner, name: null },
        dueBy: due,
        status: taskStatus(due, today),
      };
    });
  },
};
