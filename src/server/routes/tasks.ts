/** Tasks: what people have to do, from every source (evidence, policies, …). */
import { z } from "zod";
import { pageOf } from "../../contracts/common.ts";
import { task } from "../../contracts/tasks.ts";
import { TASK_SOURCES } from "../../domain/task.ts";
import { listTasks } from "../../services/program/tasks.service.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

export function registerTaskRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/tasks",
    tag: "tasks",
    summary: "Tasks: mine (the default), or everyone's with mine=false",
    response: pageOf(task),
    query: {
      ...pageQuery,
      mine: z
        .enum(["true", "false"])
        .default("true")
        .transform((value) => value === "true")
        .describe("false: everyone's tasks (owners and admins)"),
      source: z.enum(TASK_SOURCES).optional(),
    },
    handler: async ({ actor, query }) =>
      paginate(
        await listTasks(ctx, actor, {
          mine: query.mine,
          ...(query.source === undefined ? {} : { source: query.source }),
        }),
        query,
        (t) => t.id,
      ),
  });
}
