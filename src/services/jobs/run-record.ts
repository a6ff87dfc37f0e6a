/**
 * One attempt of a job, recorded the same way on both engines: a `job_runs` row when it
 * starts, its result and error when it ends. An attempt whose process died stays open until
 * the next attempt of the same job closes it as interrupted.
 */
import { closeInterruptedRuns, finishRun, insertRun } from "../../db/jobs.repo.ts";
import { newId } from "../../db/portable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { ServiceContext } from "../platform/context.ts";
import type { JobDefinition, JobSummary } from "./job.ts";

export interface Attempt {
  jobId: string;
  attempt: number;
  instance: string;
  data: unknown;
  signal: AbortSignal;
}

const INTERRUPTED = "interrupted: the process running it stopped before it finished";

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** Runs the attempt and records it; rethrows the job's error so the engine can retry. */
export async function runRecorded(
  ctx: ServiceContext,
  job: JobDefinition,
  attempt: Attempt,
): Promise<JobSummary> {
  const runId = newId();
  const startedAt = ctx.now().toISOString();
  await inTransaction(ctx.db, async (tx) => {
    await closeInterruptedRuns(tx, attempt.jobId, INTERRUPTED, startedAt);
    await insertRun(tx, {
      id: runId,
      jobId: attempt.jobId,
      name: job.name,
      attempt: attempt.attempt,
      instance: attempt.instance,
      startedAt,
    });
  });
  let summary: JobSummary;
  try {
    summary = await job.run({
      ctx,
      attempt: attempt.attempt,
      data: attempt.data,
      signal: attempt.signal,
    });
  } catch (error) {
    await inTransaction(ctx.db, (tx) =>
      finishRun(tx, runId, {
        result: "failed",
        error: errorText(error),
        summary: null,
        at: ctx.now().toISOString(),
      }),
    );
    throw error;
  }
  await inTransaction(ctx.db, (tx) =>
    finishRun(tx, runId, {
      result: "ok",
      error: null,
      summary: JSON.stringify(summary),
      at: ctx.now().toISOString(),
    }),
  );
  return summary;
}

/** Closes the open run of an attempt that will not be retried (its lease lapsed on the last try). */
export async function closeAbandoned(ctx: ServiceContext, jobId: string): Promise<void> {
  await inTransaction(ctx.db, (tx) =>
    closeInterruptedRuns(tx, jobId, INTERRUPTED, ctx.now().toISOString()),
  );
}
