/**
 * The tasks list: what people have to do, gathered from every source module each time it is
 * read. One's own tasks are open to every member; everyone's need task:read-all.
 */
import { z } from "zod";
import { read } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import { authorize } from "../../domain/permissions.ts";
import { TASK_SOURCES, compareTasks, isAssignedTo } from "../../domain/task.ts";
import type { Task, TaskSource } from "../../domain/task.ts";
import type { ServiceContext } from "../platform/context.ts";
import { organizationDay } from "../platform/organization-day.ts";
import { parseInput } from "../platform/validation.ts";
import { TASK_SOURCE_MODULES } from "./tasks/index.ts";

export const taskQueryInput = z
  .object({
    mine: z.boolean().default(true),
    source: z.enum(TASK_SOURCES).optional(),
  })
  .strict();

export interface TaskCounts {
  open: number;
  overdue: number;
  bySource: Record<TaskSource, number>;
}

export async function listTasks(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof taskQueryInput> = {},
): Promise<Task[]> {
  const query = parseInput(taskQueryInput, input);
  authorize(actor, query.mine ? "organization:read" : "task:read-all");
  const now = ctx.now();
  const tasks = await read(ctx.db, async (tx) => {
    const context = {
      tx,
      actor,
      ...(await organizationDay(tx, actor, now)),
      ...(query.mine ? { only: { id: actor.id, email: actor.email } } : {}),
    };
    const modules = TASK_SOURCE_MODULES.filter(
      (m) => query.source === undefined || m.source === query.source,
    );
    const gathered: Task[] = [];
    for (const module of modules) gathered.push(...(await module.load(context)));
    return gathered;
  });
  const chosen = query.mine ? tasks.filter((task) => isAssignedTo(task, actor)) : tasks;
  return chosen.sort(compareTasks);
}

export function countTasks(tasks: readonly Task[]): TaskCounts {
  const bySource = Object.fromEntries(TASK_SOURCES.map((s) => [s, 0])) as Record<
    TaskSource,
    number
  >;
  for (const task of tasks) bySource[task.source] += 1;
  return {
    open: tasks.length,
    overdue: tasks.filter((t) => t.status === "overdue").length,
    bySource,
  };
}
