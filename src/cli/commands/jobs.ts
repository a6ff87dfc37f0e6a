import type { Command } from "commander";
import { listJobs } from "../../services/jobs/jobs.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

/** Lists the server's background jobs; the CLI only reads their record and never runs one. */
export function registerJobs(program: Command, runtime: Runtime): void {
  program
    .command("jobs")
    .description("Background jobs: schedule (cron, UTC), last run and result, next run")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const jobs = await withActor(runtime, globals, listJobs);
      if (globals.json) return printJson(runtime.io, jobs);
      runtime.io.out(
        formatTable(
          ["JOB", "SCHEDULE (UTC)", "LAST RUN", "RESULT", "NEXT RUN"],
          jobs.map((job) => [
            job.name,
            job.schedule ?? "when queued",
            job.lastRunAt ?? "never",
            job.lastResult === "failed" ? `failed: ${job.lastError ?? ""}` : (job.lastResult ?? ""),
            job.nextRunAt ?? "",
          ]),
        ),
      );
    });
}
