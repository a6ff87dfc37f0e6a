/**
 * The scheduler for the embedded database: a queue table polled by every server process on
 * the file. Claiming happens inside BEGIN IMMEDIATE (every write transaction on SQLite), so
 * of two processes polling one file, one takes a due job and the other finds it taken. A
 * running attempt renews its lease; when its process dies the lease lapses and the next poll
 * anywhere takes the job again, as a new attempt.
 */
import {
  advanceSchedule,
  claimQueuedJob,
  extendLease,
  findDueJob,
  insertQueuedJob,
  listSchedules,
  pruneSettledJobs,
  saveSchedule,
  settleQueuedJob,
} from "../../db/jobs.repo.ts";
import type { QueuedJob } from "../../db/jobs.repo.ts";
import { newId } from "../../db/portable.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { latestSlot, retryDelayMs } from "../../domain/schedule.ts";
import type { ServiceContext } from "../platform/context.ts";
import type { JobDefinition, JobLog, JobRunner } from "./job.ts";
import { closeAbandoned, runRecorded } from "./run-record.ts";

export interface EmbeddedRunnerOptions {
  instance: string;
  /** How often to look for due work. */
  pollMs: number;
  /** How long stop() waits for a running attempt before leaving it to its lease. */
  stopGraceMs: number;
  log: JobLog;
}

/** Settled queue rows are kept this long; the run record keeps the history beyond. */
const KEEP_SETTLED_MS = 7 * 24 * 60 * 60 * 1000;

type Claim =
  | { kind: "run"; job: QueuedJob; definition: JobDefinition }
  | { kind: "abandoned"; id: string }
  | { kind: "none" };

export class EmbeddedRunner implements JobRunner {
  readonly #ctx: ServiceContext;
  readonly #jobs: Map<string, JobDefinition>;
  readonly #options: EmbeddedRunnerOptions;
  #timer: NodeJS.Timeout | undefined;
  #stopping = false;
  #current: Promise<unknown> | undefined;
  readonly #abort = new AbortController();
  readonly #names: string[];

  constructor(ctx: ServiceContext, jobs: readonly JobDefinition[], options: EmbeddedRunnerOptions) {
    this.#ctx = ctx;
    this.#jobs = new Map(jobs.map((job) => [job.name, job]));
    this.#options = options;
    this.#names = [...this.#jobs.keys()];
  }

  async start(): Promise<void> {
    await this.register();
    this.#schedule(0);
  }

  /** Records every recurring job; a new one starts from now, so no past slot is run. */
  async register(): Promise<void> {
    const now = this.#ctx.now();
    await inTransaction(this.#ctx.db, async (tx) => {
      for (const job of this.#jobs.values()) {
        if (job.schedule === null) continue;
        const slot = latestSlot(job.schedule, now).toISOString();
        await saveSchedule(tx, job.name, job.schedule, slot, now.toISOString());
      }
    });
  }

  #schedule(delay: number): void {
    if (this.#stopping) return;
    this.#timer = setTimeout(() => {
      const pass = this.tick().catch((error: unknown) =>
        this.#options.log.error({ err: error }, "background jobs: poll failed"),
      );
      this.#current = pass;
      void pass.then(() => this.#schedule(this.#options.pollMs));
    }, delay);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    this.#abort.abort();
    if (this.#current === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#current,
      new Promise((resolve) => (timer = setTimeout(resolve, this.#options.stopGraceMs))),
    ]);
    clearTimeout(timer);
  }

  async enqueue(name: string, data: Record<string, unknown> = {}): Promise<string> {
    const job = this.#definition(name);
    const id = newId();
    const at = this.#ctx.now().toISOString();
    await inTransaction(this.#ctx.db, (tx) =>
      insertQueuedJob(tx, {
        id,
        name: job.name,
        data: JSON.stringify(data),
        runAt: at,
        maxAttempts: job.maxAttempts,
        at,
      }),
    );
    return id;
  }

  /** One pass: queue the slots that came due, then run due jobs until none is left. */
  async tick(): Promise<number> {
    await this.#enqueueDueSlots();
    let ran = 0;
    while (!this.#stopping) {
      const claim = await this.#claim();
      if (claim.kind === "none") break;
      if (claim.kind === "abandoned") {
        await closeAbandoned(this.#ctx, claim.id);
        continue;
      }
      await this.#run(claim.job, claim.definition);
      ran += 1;
    }
    return ran;
  }

  #definition(name: string): JobDefinition {
    const job = this.#jobs.get(name);
    if (job === undefined) throw new Error(`no background job is called "${name}"`);
    return job;
  }

  async #enqueueDueSlots(): Promise<void> {
    const now = this.#ctx.now();
    const schedules = await read(this.#ctx.db, listSchedules);
    for (const schedule of schedules) {
      const job = this.#jobs.get(schedule.name);
      if (job?.schedule == null) continue;
      const slot = latestSlot(job.schedule, now).toISOString();
      if (slot <= schedule.lastSlot) continue;
      // Moving the schedule and queueing its job in one transaction: of two processes seeing
      // the same slot, the one that moves it second changes nothing and queues nothing.
      await inTransaction(this.#ctx.db, async (tx) => {
        if (!(await advanceSchedule(tx, job.name, slot))) return;
        await insertQueuedJob(tx, {
          id: newId(),
          name: job.name,
          data: JSON.stringify({ slot }),
          runAt: slot,
          maxAttempts: job.maxAttempts,
          at: now.toISOString(),
        });
      });
    }
  }

  async #claim(): Promise<Claim> {
    const now = this.#ctx.now();
    const at = now.toISOString();
    // A plain read first: most polls find nothing, and need not take the write lock.
    if ((await read(this.#ctx.db, (tx) => findDueJob(tx, this.#names, at))) === undefined) {
      return { kind: "none" };
    }
    return inTransaction(this.#ctx.db, async (tx): Promise<Claim> => {
      const due = await findDueJob(tx, this.#names, at);
      if (due === undefined) return { kind: "none" };
      const definition = this.#jobs.get(due.name);
      if (due.state === "running" && due.attempt >= due.maxAttempts) {
        // The last allowed attempt died with its process: the job fails rather than loops.
        await settleQueuedJob(tx, due.id, due.lockedBy ?? "", due.attempt, {
          state: "failed",
          lastError: "interrupted on its last attempt",
          at,
        });
        return { kind: "abandoned", id: due.id };
      }
      if (definition === undefined) return { kind: "none" };
      const lease = new Date(now.getTime() + definition.leaseSeconds * 1000).toISOString();
      const job = await claimQueuedJob(tx, due.id, this.#options.instance, lease, at);
      await pruneSettledJobs(tx, new Date(now.getTime() - KEEP_SETTLED_MS).toISOString());
      return { kind: "run", job, definition };
    });
  }

  async #run(job: QueuedJob, definition: JobDefinition): Promise<void> {
    const { instance } = this.#options;
    const lost = new AbortController();
    const signal = AbortSignal.any([lost.signal, this.#abort.signal]);
    const renewEvery = Math.max(250, (definition.leaseSeconds * 1000) / 3);
    const renew = setInterval(() => {
      const until = new Date(this.#ctx.now().getTime() + definition.leaseSeconds * 1000);
      void inTransaction(this.#ctx.db, (tx) =>
        extendLease(tx, job.id, instance, job.attempt, until.toISOString()),
      ).then(
        (held) => {
          if (!held) lost.abort();
        },
        (error: unknown) =>
          this.#options.log.error({ err: error }, "background jobs: renew failed"),
      );
    }, renewEvery);
    try {
      await runRecorded(this.#ctx, definition, {
        jobId: job.id,
        attempt: job.attempt,
        instance,
        data: JSON.parse(job.data) as unknown,
        signal,
      });
      await this.#settle(job, { state: "done", lastError: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#options.log.error(
        { job: job.name, attempt: job.attempt, err: error },
        "background job failed",
      );
      if (job.attempt < job.maxAttempts) {
        const wait = retryDelayMs(job.attempt, definition.retryBaseSeconds * 1000);
        const runAt = new Date(this.#ctx.now().getTime() + wait).toISOString();
        await this.#settle(job, { state: "queued", runAt, lastError: message });
      } else {
        await this.#settle(job, { state: "failed", lastError: message });
      }
    } finally {
      clearInterval(renew);
    }
  }

  async #settle(
    job: QueuedJob,
    settlement: { state: "done" | "failed" | "queued"; runAt?: string; lastError: string | null },
  ): Promise<void> {
    const at = this.#ctx.now().toISOString();
    await inTransaction(this.#ctx.db, (tx) =>
      settleQueuedJob(tx, job.id, this.#options.instance, job.attempt, { ...settlement, at }),
    );
  }
}
