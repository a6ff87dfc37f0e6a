/**
 * The table-backed scheduler, driven pass by pass on a test clock: two runners on one
 * database (two connections, as two processes would hold) share the schedule and the queue.
 * Their passes take turns here: two SQLite connections in one thread cannot wait on each
 * other's lock. Real processes racing are in test/e2e/jobs.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { claimQueuedJob, insertRun, listRuns } from "../../db/jobs.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { closeContext, openContext } from "../platform/context.ts";
import type { ServiceContext } from "../platform/context.ts";
import { EmbeddedRunner } from "./embedded-runner.ts";
import type { JobDefinition } from "./job.ts";

let t: TestContext;
let other: ServiceContext;
const quiet = { info: () => undefined, error: () => undefined };

beforeEach(async () => {
  t = await createTestContext(new Date("2026-03-02T06:59:30Z"));
  other = await openContext({
    database: t.database.target,
    dataDir: t.database.dataDir,
    blobStore: t.database.blobStore,
    now: t.ctx.now,
  });
});
afterEach(async () => {
  await closeContext(other);
  await t.close();
});

function job(overrides: Partial<JobDefinition> & Pick<JobDefinition, "run">): JobDefinition {
  return {
    name: "probe",
    schedule: null,
    leaseSeconds: 60,
    maxAttempts: 3,
    retryBaseSeconds: 10,
    ...overrides,
  };
}

function runner(ctx: ServiceContext, jobs: JobDefinition[], instance: string): EmbeddedRunner {
  return new EmbeddedRunner(ctx, jobs, { instance, pollMs: 1000, stopGraceMs: 100, log: quiet });
}

const runs = (name = "probe") => read(t.ctx.db, (tx) => listRuns(tx, name));

describe("the embedded scheduler", () => {
  it("runs a scheduled job once per slot, however many processes poll, and catches up once", async () => {
    const ranBy: string[] = [];
    const daily = (who: string) =>
      job({ schedule: "0 7 * * *", run: async () => (ranBy.push(who), { who }) });
    const first = runner(t.ctx, [daily("first")], "first");
    const second = runner(other, [daily("second")], "second");
    await first.register();
    await second.register();
    const both = async (a: EmbeddedRunner, b: EmbeddedRunner) => [await a.tick(), await b.tick()];

    // Registered at 06:59:30: yesterday's 07:00 is not run now, today's is not due yet.
    expect(await both(first, second)).toEqual([0, 0]);
    t.advance(31_000);
    expect(await both(first, second)).toEqual([1, 0]);
    expect(await both(first, second)).toEqual([0, 0]);

    t.advance(24 * 60 * 60 * 1000);
    expect(await both(second, first)).toEqual([1, 0]);
    expect(ranBy).toEqual(["first", "second"]);
    // Three days with every process down: one catch-up run, not three.
    t.advance(3 * 24 * 60 * 60 * 1000);
    expect(await both(first, second)).toEqual([1, 0]);
    expect(await both(first, second)).toEqual([0, 0]);
    const recorded = await runs();
    expect(recorded.map((r) => [r.result, r.attempt, r.error])).toEqual([
      ["ok", 1, null],
      ["ok", 1, null],
      ["ok", 1, null],
    ]);
    expect(recorded.map((r) => r.startedAt)).toEqual([
      "2026-03-02T07:00:01.000Z",
      "2026-03-03T07:00:01.000Z",
      "2026-03-06T07:00:01.000Z",
    ]);
  });

  it("retries a failing job after a doubling wait, and keeps each failure with its error", async () => {
    let calls = 0;
    const flaky = runner(
      t.ctx,
      [
        job({
          run: async ({ attempt }) => {
            calls += 1;
            if (attempt < 3) throw new Error(`mail server refused (try ${attempt})`);
            return { attempt };
          },
        }),
      ],
      "one",
    );
    await flaky.enqueue("probe");
    expect(await flaky.tick()).toBe(1);
    // The retry waits 10 s, then 20 s.
    t.advance(9_000);
    expect(await flaky.tick()).toBe(0);
    t.advance(1_000);
    expect(await flaky.tick()).toBe(1);
    t.advance(19_000);
    expect(await flaky.tick()).toBe(0);
    t.advance(1_000);
    expect(await flaky.tick()).toBe(1);
    expect(calls).toBe(3);
    expect((await runs()).map((r) => [r.attempt, r.result, r.error])).toEqual([
      [1, "failed", "mail server refused (try 1)"],
      [2, "failed", "mail server refused (try 2)"],
      [3, "ok", null],
    ]);
  });

  it("gives up after the last attempt and runs the job no more", async () => {
    const broken = runner(
      t.ctx,
      [job({ maxAttempts: 2, run: () => Promise.reject(new Error("no such table")) })],
      "one",
    );
    await broken.enqueue("probe");
    await broken.tick();
    t.advance(10_000);
    await broken.tick();
    t.advance(60 * 60 * 1000);
    expect(await broken.tick()).toBe(0);
    expect((await runs()).map((r) => [r.attempt, r.result])).toEqual([
      [1, "failed"],
      [2, "failed"],
    ]);
  });

  it("takes over a job whose process died once its lease lapses", async () => {
    const survivor = runner(other, [job({ run: async ({ attempt }) => ({ attempt }) })], "alive");
    const id = await survivor.enqueue("probe");
    // What a process leaves behind when killed mid-run: the job claimed, its run still open.
    await inTransaction(t.ctx.db, async (tx) => {
      const lease = new Date(t.ctx.now().getTime() + 60_000).toISOString();
      await claimQueuedJob(tx, id, "dead", lease, t.ctx.now().toISOString());
      await insertRun(tx, {
        id: "00000000-0000-4000-8000-000000000001",
        jobId: id,
        name: "probe",
        attempt: 1,
        instance: "dead",
        startedAt: t.ctx.now().toISOString(),
      });
    });
    expect(await survivor.tick()).toBe(0);
    t.advance(60_000);
    expect(await survivor.tick()).toBe(1);
    expect((await runs()).map((r) => [r.instance, r.attempt, r.result, r.error])).toEqual([
      ["dead", 1, "failed", "interrupted: the process running it stopped before it finished"],
      ["alive", 2, "ok", null],
    ]);
    t.advance(60 * 60 * 1000);
    expect(await survivor.tick()).toBe(0);
  });

  it("fails a job whose last allowed attempt died, rather than running it again", async () => {
    let ran = 0;
    const survivor = runner(
      other,
      [job({ maxAttempts: 1, run: async () => ((ran += 1), {}) })],
      "alive",
    );
    const id = await survivor.enqueue("probe");
    await inTransaction(t.ctx.db, (tx) =>
      claimQueuedJob(tx, id, "dead", t.ctx.now().toISOString(), t.ctx.now().toISOString()),
    );
    t.advance(1_000);
    expect(await survivor.tick()).toBe(0);
    expect(ran).toBe(0);
  });
});
