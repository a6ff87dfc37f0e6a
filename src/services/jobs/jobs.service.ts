/**
 * The job list that `attest jobs` and the API show: each job's schedule, its newest run and
 * when the schedule next comes due. Read from the run record, so it reads the same on both
 * engines and from any instance (or from the CLI, which never runs jobs itself).
 */
import { latestRuns, listRunNames, listSchedules } from "../../db/jobs.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import { authorize } from "../../domain/permissions.ts";
import { nextRunAfter } from "../../domain/schedule.ts";
import type { ServiceContext } from "../platform/context.ts";
import { STANDARD_JOBS } from "./catalog.ts";

export interface JobStatus {
  name: string;
  /** Cron, in UTC; null for a job that runs only when queued. */
  schedule: string | null;
  lastRunAt: string | null;
  /** "running" while the newest attempt has not ended. */
  lastResult: "ok" | "failed" | "running" | null;
  lastError: string | null;
  lastAttempt: number | null;
  nextRunAt: string | null;
}

export async function listJobs(ctx: ServiceContext, actor: Actor): Promise<JobStatus[]> {
  authorize(actor, "job:read");
  const now = ctx.now();
  const { schedules, runNames, runs } = await read(ctx.db, async (tx) => {
    const schedules = await listSchedules(tx);
    const runNames = await listRunNames(tx);
    const names = new Set([
      ...STANDARD_JOBS.map((job) => job.name),
      ...schedules.map((s) => s.name),
      ...runNames,
    ]);
    return { schedules, runNames, runs: await latestRuns(tx, [...names]) };
  });
  const cron = new Map<string, string | null>(STANDARD_JOBS.map((job) => [job.name, job.schedule]));
  for (const schedule of schedules) cron.set(schedule.name, schedule.cron);
  for (const name of runNames) if (!cron.has(name)) cron.set(name, null);
  return [...cron.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schedule]) => {
      const run = runs.get(name);
      return {
        name,
        schedule,
        lastRunAt: run?.startedAt ?? null,
        lastResult: run === undefined ? null : (run.result ?? "running"),
        lastError: run?.error ?? null,
        lastAttempt: run?.attempt ?? null,
        nextRunAt: schedule === null ? null : nextRunAfter(schedule, now).toISOString(),
      };
    });
}
