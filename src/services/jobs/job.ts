/** What a background job is, whichever engine runs it. */
import type { ServiceContext } from "../platform/context.ts";

export interface JobCall {
  ctx: ServiceContext;
  /** 1 for the first attempt; a retry after a failure or a crash counts up. */
  attempt: number;
  data: unknown;
  /** Aborted when this instance stops or loses the job to another instance. */
  signal: AbortSignal;
}

/** A few counts that say what a run did; kept with the run. */
export type JobSummary = Record<string, number | string>;

export interface JobDefinition {
  name: string;
  /** A cron expression read in UTC; null for a job that only runs when enqueued. */
  schedule: string | null;
  /**
   * How long an attempt may go without news before another instance takes it over: the lease
   * on SQLite, the heartbeat interval on pg-boss (which allows no less than 10 s). Running
   * attempts renew it, so only a dead one lapses.
   */
  leaseSeconds: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The wait before the first retry; it doubles for each further one. */
  retryBaseSeconds: number;
  run(call: JobCall): Promise<JobSummary>;
}

/** Where a runner reports what it cannot throw to anyone (pino's logger fits). */
export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunner {
  start(): Promise<void>;
  /** Stops taking work and waits a little for the running attempt; a lapsed lease covers the rest. */
  stop(): Promise<void>;
  /** Queues a one-off run of a registered job. */
  enqueue(name: string, data?: Record<string, unknown>): Promise<string>;
}
