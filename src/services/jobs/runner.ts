/**
 * Picks the job runner for the database: pg-boss on PostgreSQL (several instances share its
 * queues), the embedded scheduler on SQLite (processes on one file share its table).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { DatabaseTarget } from "../../db/connect.ts";
import type { ServiceContext } from "../platform/context.ts";
import { STANDARD_JOBS } from "./catalog.ts";
import { EmbeddedRunner } from "./embedded-runner.ts";
import type { JobDefinition, JobLog, JobRunner } from "./job.ts";
import { PgBossRunner, sendThroughPgBoss } from "./pgboss-runner.ts";
import { TEST_JOBS } from "./test-jobs.ts";

export interface RunnerSettings {
  database: DatabaseTarget;
  /** Adds the test-only jobs and polls often (ATTEST_TEST_JOBS=1). */
  testJobs: boolean;
  log: JobLog;
}

export function registeredJobs(testJobs: boolean): readonly JobDefinition[] {
  return testJobs ? [...STANDARD_JOBS, ...TEST_JOBS] : STANDARD_JOBS;
}

/** Names this process in the run record, so a run can be traced to a host and process. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export function createJobRunner(ctx: ServiceContext, settings: RunnerSettings): JobRunner {
  const jobs = registeredJobs(settings.testJobs);
  const instance = instanceName();
  const fast = settings.testJobs;
  if (settings.database.engine === "postgres") {
    return new PgBossRunner(ctx, jobs, {
      url: settings.database.url,
      instance,
      pollSeconds: fast ? 1 : 5,
      stopGraceMs: fast ? 500 : 10_000,
      log: settings.log,
    });
  }
  return new EmbeddedRunner(ctx, jobs, {
    instance,
    pollMs: fast ? 250 : 2_000,
    stopGraceMs: fast ? 500 : 10_000,
    log: settings.log,
  });
}

/** Queues a one-off job from a process that runs no jobs itself; the servers pick it up. */
export async function enqueueJob(
  ctx: ServiceContext,
  settings: Omit<RunnerSettings, "log">,
  name: string,
  data: Record<string, unknown> = {},
): Promise<string> {
  if (settings.database.engine === "postgres") {
    return sendThroughPgBoss(ctx, settings.database.url, name, data);
  }
  const quiet = { info: () => undefined, error: () => undefined };
  const producer = new EmbeddedRunner(ctx, registeredJobs(settings.testJobs), {
    instance: instanceName(),
    pollMs: 0,
    stopGraceMs: 0,
    log: quiet,
  });
  return producer.enqueue(name, data);
}
