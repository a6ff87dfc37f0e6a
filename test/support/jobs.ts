/**
 * A job runner for a test's context, as the server would start it: the embedded scheduler
 * polling often on SQLite, pg-boss in this process on PostgreSQL. It is set as the context's
 * queue, so requests that hand work to the jobs (a password reset's mail) reach it.
 */
import { listRuns } from "../../src/db/jobs.repo.ts";
import type { JobRun } from "../../src/db/jobs.repo.ts";
import { read } from "../../src/db/transaction.ts";
import { EmbeddedRunner } from "../../src/services/jobs/embedded-runner.ts";
import type { JobDefinition, JobLog, JobRunner } from "../../src/services/jobs/job.ts";
import { PgBossRunner } from "../../src/services/jobs/pgboss-runner.ts";
import type { JobQueue, ServiceContext } from "../../src/services/platform/service-context.ts";
import type { TestContext } from "./database.ts";

export const quietJobLog: JobLog = { info: () => undefined, error: () => undefined };

/**
 * Starts a runner for `jobs` only (a test that wants its reset mail should not also have
 * pg-boss fire the hourly expiry at the real clock's minute 23).
 */
export async function startTestJobs(
  t: TestContext,
  jobs: readonly JobDefinition[],
  log: JobLog = quietJobLog,
): Promise<JobRunner> {
  const target = t.database.target;
  const runner =
    target.engine === "postgres"
      ? new PgBossRunner(t.ctx, jobs, {
          url: target.url,
          instance: "test",
          pollSeconds: 0.5,
          stopGraceMs: 500,
          log,
        })
      : new EmbeddedRunner(t.ctx, jobs, {
          instance: "test",
          pollMs: 25,
          stopGraceMs: 500,
          log,
        });
  await runner.start();
  t.ctx.jobs = runner;
  return runner;
}

/** A queue that runs nothing: it keeps what was queued, for the test to run when it chooses. */
export function recordingQueue(): JobQueue & {
  queued: { name: string; data: Record<string, unknown> }[];
} {
  const queued: { name: string; data: Record<string, unknown> }[] = [];
  return {
    queued,
    enqueue: async (name, data = {}) => {
      queued.push({ name, data });
      return `queued-${queued.length}`;
    },
  };
}

/** Waits until the run record of `name` satisfies `done` (30 s at most). */
export async function waitForRuns(
  ctx: ServiceContext,
  name: string,
  done: (runs: JobRun[]) => boolean,
): Promise<JobRun[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const runs = await read(ctx.db, (tx) => listRuns(tx, name));
    if (done(runs)) return runs;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting on ${name}: ${JSON.stringify(runs)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
