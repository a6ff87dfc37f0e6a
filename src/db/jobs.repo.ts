/**
 * The embedded scheduler's tables (schedules and queued jobs) and the record of runs, which
 * both engines write. Claiming is only safe inside a write transaction: on SQLite that is
 * BEGIN IMMEDIATE, so two processes on one file take turns.
 */
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { JobRunsTable, JobsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export type QueuedJobState = "queued" | "running" | "done" | "failed";

export interface QueuedJob {
  id: string;
  name: string;
  data: string;
  state: QueuedJobState;
  runAt: string;
  attempt: number;
  maxAttempts: number;
  leaseUntil: string | null;
  lockedBy: string | null;
  lastError: string | null;
}

function toQueuedJob(row: Selectable<JobsTable>): QueuedJob {
  return {
    id: row.id,
    name: row.name,
    data: row.data,
    state: row.state as QueuedJobState,
    runAt: row.run_at,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    leaseUntil: row.lease_until,
    lockedBy: row.locked_by,
    lastError: row.last_error,
  };
}

export interface ScheduleRow {
  name: string;
  cron: string;
  lastSlot: string;
}

/** Registers a recurring job; a known one keeps its last slot and takes the new expression. */
export async function saveSchedule(
  tx: Tx,
  name: string,
  cron: string,
  firstSlot: string,
  at: string,
): Promise<void> {
  await tx
    .insertInto("job_schedules")
    .values({ name, cron, last_slot: firstSlot, updated_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ cron, updated_at: at }))
    .execute();
}

export async function listSchedules(tx: Tx): Promise<ScheduleRow[]> {
  const rows = await tx.selectFrom("job_schedules").selectAll().orderBy("name").execute();
  return rows.map((row) => ({ name: row.name, cron: row.cron, lastSlot: row.last_slot }));
}

/** Moves a schedule to `slot`; false when another process got there first. */
export async function advanceSchedule(tx: Tx, name: string, slot: string): Promise<boolean> {
  const result = await tx
    .updateTable("job_schedules")
    .set({ last_slot: slot })
    .where("name", "=", name)
    .where("last_slot", "<", slot)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface NewQueuedJob {
  id: string;
  name: string;
  data: string;
  runAt: string;
  maxAttempts: number;
  at: string;
}

export async function insertQueuedJob(tx: Tx, job: NewQueuedJob): Promise<void> {
  await tx
    .insertInto("jobs")
    .values({
      id: job.id,
      name: job.name,
      data: job.data,
      state: "queued",
      run_at: job.runAt,
      attempt: 0,
      max_attempts: job.maxAttempts,
      lease_until: null,
      locked_by: null,
      last_error: null,
      created_at: job.at,
      updated_at: job.at,
    })
    .execute();
}

/**
 * The next job of those named to run: a queued one that is due, or a running one whose holder
 * went silent.
 */
export async function findDueJob(
  tx: Tx,
  names: readonly string[],
  now: string,
): Promise<QueuedJob | undefined> {
  if (names.length === 0) return undefined;
  const row = await tx
    .selectFrom("jobs")
    .selectAll()
    .where("name", "in", names)
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "=", "queued"), eb("run_at", "<=", now)]),
        eb.and([eb("state", "=", "running"), eb("lease_until", "<=", now)]),
      ]),
    )
    .orderBy("run_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toQueuedJob(row);
}

export async function claimQueuedJob(
  tx: Tx,
  id: string,
  instance: string,
  leaseUntil: string,
  at: string,
): Promise<QueuedJob> {
  const row = await tx
    .updateTable("jobs")
    .set((eb) => ({
      state: "running",
      attempt: eb("attempt", "+", 1),
      lease_until: leaseUntil,
      locked_by: instance,
      updated_at: at,
    }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toQueuedJob(row);
}

/** Extends the lease of a job this instance still holds; false when it lost it. */
export async function extendLease(
  tx: Tx,
  id: string,
  instance: string,
  attempt: number,
  leaseUntil: string,
): Promise<boolean> {
  const result = await tx
    .updateTable("jobs")
    .set({ lease_until: leaseUntil })
    .where("id", "=", id)
    .where("locked_by", "=", instance)
    .where("attempt", "=", attempt)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface JobSettlement {
  state: "done" | "failed" | "queued";
  runAt?: string;
  lastError: string | null;
  at: string;
}

/** Records how an attempt ended, unless another instance has reclaimed the job since. */
export async function settleQueuedJob(
  tx: Tx,
  id: string,
  instance: string,
  attempt: number,
  settlement: JobSettlement,
): Promise<boolean> {
  const result = await tx
    .updateTable("jobs")
    .set({
      state: settlement.state,
      ...(settlement.runAt === undefined ? {} : { run_at: settlement.runAt }),
      lease_until: null,
      locked_by: null,
      last_error: settlement.lastError,
      updated_at: settlement.at,
    })
    .where("id", "=", id)
    .where("locked_by", "=", instance)
    .where("attempt", "=", attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findQueuedJob(tx: Tx, id: string): Promise<QueuedJob | undefined> {
  const row = await tx.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : toQueuedJob(row);
}

/** Finished queue rows older than `before`: the run record keeps their history. */
export async function pruneSettledJobs(tx: Tx, before: string): Promise<number> {
  const result = await tx
    .deleteFrom("jobs")
    .where("state", "in", ["done", "failed"])
    .where("updated_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type RunResult = "ok" | "failed";

export interface JobRun {
  id: string;
  jobId: string;
  name: string;
  attempt: number;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  result: RunResult | null;
  error: string | null;
  summary: string | null;
}

function toRun(row: Selectable<JobRunsTable>): JobRun {
  return {
    id: row.id,
    jobId: row.job_id,
    name: row.name,
    attempt: row.attempt,
    instance: row.instance,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result as RunResult | null,
    error: row.error,
    summary: row.summary,
  };
}

export async function insertRun(
  tx: Tx,
  run: Pick<JobRun, "id" | "jobId" | "name" | "attempt" | "instance" | "startedAt">,
): Promise<void> {
  await tx
    .insertInto("job_runs")
    .values({
      id: run.id,
      job_id: run.jobId,
      name: run.name,
      attempt: run.attempt,
      instance: run.instance,
      started_at: run.startedAt,
      finished_at: null,
      result: null,
      error: null,
      summary: null,
    })
    .execute();
}

export async function finishRun(
  tx: Tx,
  id: string,
  outcome: { result: RunResult; error: string | null; summary: string | null; at: string },
): Promise<void> {
  await tx
    .updateTable("job_runs")
    .set({
      finished_at: outcome.at,
      result: outcome.result,
      error: outcome.error,
      summary: outcome.summary,
    })
    .where("id", "=", id)
    .execute();
}

/** Earlier attempts of a job still marked as running died with their process. */
export async function closeInterruptedRuns(
  tx: Tx,
  jobId: string,
  error: string,
  at: string,
): Promise<number> {
  const result = await tx
    .updateTable("job_runs")
    .set({ finished_at: at, result: "failed", error })
    .where("job_id", "=", jobId)
    .where("result", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The newest run of each named job. */
export async function latestRuns(tx: Tx, names: readonly string[]): Promise<Map<string, JobRun>> {
  const found = new Map<string, JobRun>();
  for (const name of names) {
    const row = await tx
      .selectFrom("job_runs")
      .selectAll()
      .where("name", "=", name)
      .orderBy("started_at", "desc")
      .orderBy("attempt", "desc")
      .limit(1)
      .executeTakeFirst();
    if (row !== undefined) found.set(name, toRun(row));
  }
  return found;
}

export async function listRunNames(tx: Tx): Promise<string[]> {
  const rows = await tx.selectFrom("job_runs").select("name").distinct().execute();
  return rows.map((row) => row.name);
}

/** Runs, oldest first; of one job when `name` is given. */
export async function listRuns(tx: Tx, name?: string): Promise<JobRun[]> {
  let query = tx.selectFrom("job_runs").selectAll();
  if (name !== undefined) query = query.where("name", "=", name);
  const rows = await query.orderBy("started_at").orderBy("attempt").execute();
  return rows.map(toRun);
}

/** The schema unqualified names resolve to on PostgreSQL (where pg-boss's own schema goes). */
export async function currentSchema(tx: Tx): Promise<string> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(tx);
  return result.rows[0]?.schema ?? "public";
}
