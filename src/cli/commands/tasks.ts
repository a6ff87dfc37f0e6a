/** `attest tasks`: what people have to do, from every source. */
import type { Command } from "commander";
import type { Task } from "../../domain/task.ts";
import { TASK_SOURCES } from "../../domain/task.ts";
import { listTasks } from "../../services/program/tasks.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

export function registerTasks(program: Command, runtime: Runtime): void {
  program
    .command("tasks")
    .description("Everyone's tasks (overdue first), or only mine")
    .option("--mine", "only the tasks assigned to me")
    .option("--source <source>", `one source: ${TASK_SOURCES.join(", ")}`)
    .action(async (options: { mine?: boolean; source?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const source = TASK_SOURCES.find((s) => s === options.source);
      if (options.source !== undefined && source === undefined) {
        throw new UsageError(`--source must be one of ${TASK_SOURCES.join(", ")}`);
      }
      const tasks: Task[] = await withActor(runtime, globals, (ctx, actor) =>
        listTasks(ctx, actor, {
          mine: options.mine === true,
          ...(source === undefined ? {} : { source }),
        }),
      );
      if (globals.json) return printJson(runtime.io, tasks);
      runtime.io.out(
        formatTable(
          ["STATUS", "DUE", "WHO", "SUBJECT", "TASK"],
          tasks.map((t) => [
            t.status,
            t.dueBy ?? "-",
            t.assignee?.email ?? "(unassigned)",
            t.subject,
            t.title,
          ]),
        ),
      );
    });
}
