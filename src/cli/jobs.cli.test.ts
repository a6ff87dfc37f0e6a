/** `attest jobs`: the run record as the CLI shows it (the CLI lists jobs, never runs them). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../test/support/cli.ts";
import { createTestDatabase, tamperWith } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function attestJobs(...argv: string[]): Promise<string> {
  const result = await cli(database.env, "jobs", ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result.out;
}

describe("attest jobs", () => {
  it("lists each job with its UTC schedule, newest run, result and next run", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    // A failed run, as a server would have recorded it.
    await tamperWith(
      database,
      `insert into job_runs (id, job_id, name, attempt, instance, started_at, finished_at,
         result, error, summary)
       values ('run-1', 'job-1', 'expiry', 2, 'host:1:ab', '2026-03-02T08:23:00.000Z',
         '2026-03-02T08:23:01.000Z', 'failed', 'database is locked', null)`,
    );

    expect(JSON.parse(await attestJobs("--json"))).toEqual([
      {
        name: "availability-monitor",
        schedule: "* * * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-03-02T09:01:00.000Z",
      },
      {
        name: "expiry",
        schedule: "23 * * * *",
        lastRunAt: "2026-03-02T08:23:00.000Z",
        lastResult: "failed",
        lastError: "database is locked",
        lastAttempt: 2,
        nextRunAt: "2026-03-02T09:23:00.000Z",
      },
      {
        name: "notification-deliveries",
        schedule: "* * * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-03-02T09:01:00.000Z",
      },
      {
        name: "notification-digest",
        schedule: "30 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-03-03T07:30:00.000Z",
      },
      {
        name: "owner-notices",
        schedule: "0 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-03-03T07:00:00.000Z",
      },
      {
        name: "password-reset-mail",
        schedule: null,
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: null,
      },
      {
        name: "request-reminders",
        schedule: "30 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-03-03T07:30:00.000Z",
      },
    ]);
    const table = await attestJobs();
    expect(table).toMatch(
      /expiry\s+23 \* \* \* \*\s+2026-03-02T08:23:00.000Z\s+failed: database is locked/,
    );
    expect(table).toMatch(/owner-notices\s+0 7 \* \* \*\s+never/);
  });
});
