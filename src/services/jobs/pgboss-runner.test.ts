/**
 * The pg-boss runner in this process, on PostgreSQL only: a failing attempt is kept with its
 * error and retried after pg-boss's backoff, and schedules are registered for the job list.
 * (Several processes, and a process killed mid-job, are in test/e2e/jobs.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, testEngine } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { listRuns, listSchedules } from "../../db/jobs.repo.ts";
import type { JobRun } from "../../db/jobs.repo.ts";
import { read } from "../../db/transaction.ts";
import type { JobDefinition } from "./job.ts";
import { PgBossRunner, pgBossSchemaFor } from "./pgboss-runner.ts";

const quiet = { info: () => undefined, error: () => undefined };

describe.skipIf(testEngine !== "postgres")("the pg-boss runner", () => {
  let t: TestContext;
  let runner: PgBossRunner | undefined;
  beforeEach(async () => {
    t = await createTestContext(new Date());
  });
  afterEach(async () => {
    await runner?.stop();
    await t.close();
  });

  async function waitForRuns(done: (runs: JobRun[]) => boolean): Promise<JobRun[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const runs = await read(t.ctx.db, (tx) => listRuns(tx, "flaky"));
      if (done(runs)) return runs;
      if (Date.now() > deadline) throw new Error(`gave up: ${JSON.stringify(runs)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it(
    "keeps a failed attempt with its error and retries it to completion",
    { timeout: 60_000 },
    async () => {
      const flaky: JobDefinition = {
        name: "flaky",
        schedule: "0 7 * * *",
        leaseSeconds: 30,
        maxAttempts: 3,
        retryBaseSeconds: 1,
        run: async ({ attempt }) => {
          if (attempt === 1) throw new Error("the mail server said 421");
          return { attempt };
        },
      };
      const target = t.database.target;
      if (target.engine !== "postgres") throw new Error("PostgreSQL only");
      runner = new PgBossRunner(t.ctx, [flaky], {
        url: target.url,
        instance: "here",
        pollSeconds: 1,
        stopGraceMs: 500,
        log: quiet,
      });
      await runner.start();
      await runner.enqueue("flaky");
      const runs = await waitForRuns((seen) => seen.some((run) => run.result === "ok"));
      expect(runs.map((run) => [run.attempt, run.result, run.error])).toEqual([
        [1, "failed", "the mail server said 421"],
        [2, "ok", null],
      ]);
      const schedules = await read(t.ctx.db, listSchedules);
      expect(schedules.map((s) => [s.name, s.cron])).toEqual([["flaky", "0 7 * * *"]]);
    },
  );

  it("keeps pg-boss in a schema of its own, or beside Attest's when that is not public", () => {
    expect(pgBossSchemaFor("public")).toBe("pgboss");
    expect(pgBossSchemaFor("t_0123abcd")).toBe("t_0123abcd");
  });
});
