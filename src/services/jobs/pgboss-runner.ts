/**
 * Jobs on PostgreSQL through pg-boss: its queues, cron schedules, retries with backoff and
 * expiry are shared by every instance on the database, so each job runs once however many
 * servers there are, and an attempt whose process died expires and is retried elsewhere.
 */
import type { ConstructorOptions, PgBoss } from "pg-boss";
import { currentSchema, saveSchedule } from "../../db/jobs.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { latestSlot } from "../../domain/schedule.ts";
import type { ServiceContext } from "../platform/context.ts";
import type { JobDefinition, JobLog, JobRunner } from "./job.ts";
import { runRecorded } from "./run-record.ts";

export interface PgBossRunnerOptions {
  url: string;
  instance: string;
  /** Seconds between polls, and between the checks that expire dead attempts. */
  pollSeconds: number;
  stopGraceMs: number;
  log: JobLog;
}

/** pg-boss refuses heartbeats under this many seconds. */
const MIN_HEARTBEAT_SECONDS = 10;
const MAX_ATTEMPT_SECONDS = 60 * 60;

/**
 * pg-boss keeps its tables in a schema of its own. An installation in `public` gets `pgboss`;
 * one pointed at another schema (each test has its own) keeps pg-boss's tables beside its own
 * there, so two installations on one server never share queues, and dropping the schema
 * removes both.
 */
export function pgBossSchemaFor(schema: string): string {
  return schema === "public" ? "pgboss" : schema;
}

export class PgBossRunner implements JobRunner {
  readonly #ctx: ServiceContext;
  readonly #jobs: readonly JobDefinition[];
  readonly #options: PgBossRunnerOptions;
  #boss: PgBoss | undefined;

  constructor(ctx: ServiceContext, jobs: readonly JobDefinition[], options: PgBossRunnerOptions) {
    this.#ctx = ctx;
    this.#jobs = jobs;
    this.#options = options;
  }

  async start(): Promise<void> {
    const { pollSeconds, log } = this.#options;
    const schema = pgBossSchemaFor(await read(this.#ctx.db, currentSchema));
    const settings: ConstructorOptions = {
      connectionString: this.#options.url,
      schema,
      max: 4,
      application_name: `attest-jobs ${this.#options.instance}`,
      superviseIntervalSeconds: Math.max(1, pollSeconds),
      monitorIntervalSeconds: Math.max(1, pollSeconds),
      cronMonitorIntervalSeconds: Math.min(30, Math.max(1, pollSeconds)),
      cronWorkerIntervalSeconds: Math.min(5, Math.max(1, pollSeconds)),
    };
    const boss = new (await loadPgBoss())(settings);
    boss.on("error", (error) => log.error({ err: error }, "background jobs: pg-boss error"));
    await boss.start();
    this.#boss = boss;
    const now = this.#ctx.now();
    for (const job of this.#jobs) {
      const queue = {
        retryLimit: job.maxAttempts - 1,
        retryDelay: job.retryBaseSeconds,
        retryBackoff: true,
        // The lease, as pg-boss keeps it: a live worker beats every half interval, and an
        // attempt whose beats stop (its process died) is failed and retried after one.
        heartbeatSeconds: Math.max(MIN_HEARTBEAT_SECONDS, job.leaseSeconds),
        // Beating or not, no attempt runs longer than this.
        expireInSeconds: MAX_ATTEMPT_SECONDS,
      };
      await boss.createQueue(job.name, queue);
      // A queue made by an earlier start keeps its options unless told.
      await boss.updateQueue(job.name, queue);
      await boss.work<Record<string, unknown>>(
        job.name,
        { pollingIntervalSeconds: Math.max(0.5, pollSeconds), batchSize: 1 },
        async ([claimed]) => {
          if (claimed === undefined) return;
          await runRecorded(this.#ctx, job, {
            jobId: claimed.id,
            attempt: claimed.retryCount + 1,
            instance: this.#options.instance,
            data: claimed.data,
            signal: claimed.signal,
          });
        },
      );
      if (job.schedule !== null) {
        // As on SQLite: slots missed while every server was down are caught up with one run.
        await boss.schedule(job.name, job.schedule, {}, { tz: "UTC", missed: "once" });
        const slot = latestSlot(job.schedule, now).toISOString();
        await inTransaction(this.#ctx.db, (tx) =>
          saveSchedule(tx, job.name, job.schedule ?? "", slot, now.toISOString()),
        );
      }
    }
    log.info({ schema, jobs: this.#jobs.map((job) => job.name) }, "background jobs: pg-boss");
  }

  async stop(): Promise<void> {
    const boss = this.#boss;
    this.#boss = undefined;
    await boss?.stop({ graceful: true, close: true, timeout: this.#options.stopGraceMs });
  }

  async enqueue(name: string, data: Record<string, unknown> = {}): Promise<string> {
    const boss = this.#boss;
    if (boss === undefined) throw new Error("the job runner is not started");
    if (!this.#jobs.some((job) => job.name === name)) {
      throw new Error(`no background job is called "${name}"`);
    }
    const id = await boss.send(name, data);
    if (id === null) throw new Error(`pg-boss did not queue "${name}"`);
    return id;
  }
}

/**
 * Queues one job through pg-boss without working any queue or running schedules: for a
 * process that is not a server (the tests that drive real servers).
 */
/** pg-boss loads only when PostgreSQL runs the jobs: a server on SQLite never pays for it. */
async function loadPgBoss(): Promise<typeof PgBoss> {
  return (await import("pg-boss")).PgBoss;
}

export async function sendThroughPgBoss(
  ctx: ServiceContext,
  url: string,
  name: string,
  data: Record<string, unknown>,
): Promise<string> {
  const schema = pgBossSchemaFor(await read(ctx.db, currentSchema));
  const boss = new (await loadPgBoss())({
    connectionString: url,
    schema,
    max: 1,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    const id = await boss.send(name, data);
    if (id === null) throw new Error(`pg-boss did not queue "${name}"`);
    return id;
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
