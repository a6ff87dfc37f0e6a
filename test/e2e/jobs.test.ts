/**
 * Background jobs across real server processes on one database (a SQLite file, or PostgreSQL
 * when TEST_DATABASE_URL is set): a queued job runs exactly once however many servers poll,
 * and a job whose process is killed with SIGKILL mid-run is taken over and completed once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listRuns } from "../../src/db/jobs.repo.ts";
import type { JobRun } from "../../src/db/jobs.repo.ts";
import { closeContext, openContext } from "../../src/services/platform/context.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { enqueueJob } from "../../src/services/jobs/runner.ts";
import { TEST_HANG_JOB, TEST_ONCE_JOB } from "../../src/services/jobs/test-jobs.ts";
import { createTestDatabase } from "../support/database.ts";
import type { TestDatabase } from "../support/database.ts";
import { startServerProcess } from "../support/processes.ts";
import type { ServerProcess } from "../support/processes.ts";

let database: TestDatabase;
let ctx: ServiceContext;
let servers: ServerProcess[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
  });
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await closeContext(ctx);
  await database.drop();
});

async function startServers(count: number): Promise<ServerProcess[]> {
  const env = { ...database.env, ATTEST_TEST_JOBS: "1" };
  servers = await Promise.all(Array.from({ length: count }, () => startServerProcess(env)));
  return servers;
}

const enqueue = (name: string) =>
  enqueueJob(ctx, { database: database.target, testJobs: true }, name);

const runsOf = (name: string) => listRuns(ctx.db.kysely, name);

/** Polls the run record until `done` holds; fails with what it saw if it never does. */
async function waitForRuns(name: string, done: (runs: JobRun[]) => boolean): Promise<JobRun[]> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const runs = await runsOf(name);
    if (done(runs)) return runs;
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting on ${name}: ${JSON.stringify(runs)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pid in an instance name ("host:pid:random"). */
const pidOf = (run: JobRun) => Number(run.instance.split(":").at(-2));

describe("background jobs across server processes", () => {
  it(
    "run each queued job exactly once with two servers polling",
    { timeout: 120_000 },
    async () => {
      const [first, second] = await startServers(2);
      const ids = [];
      for (let i = 0; i < 4; i += 1) ids.push(await enqueue(TEST_ONCE_JOB));
      const runs = await waitForRuns(
        TEST_ONCE_JOB,
        (seen) => seen.filter((run) => run.result === "ok").length >= ids.length,
      );
      expect(runs.map((run) => run.jobId).sort()).toEqual([...ids].sort());
      expect(runs.every((run) => run.result === "ok" && run.attempt === 1)).toBe(true);
      const pids = new Set([first?.child.pid, second?.child.pid]);
      expect(runs.every((run) => pids.has(pidOf(run)))).toBe(true);
      expect(await Promise.all(servers.map((server) => server.stop()))).toEqual([0, 0]);
      servers = [];
      // Nothing ran again after both stopped cleanly.
      expect(await runsOf(TEST_ONCE_JOB)).toHaveLength(ids.length);
    },
  );

  it(
    "retry a job once, to completion, after its process is killed mid-run",
    { timeout: 120_000 },
    async () => {
      await startServers(2);
      const id = await enqueue(TEST_HANG_JOB);
      const [started] = await waitForRuns(TEST_HANG_JOB, (seen) => seen.length > 0);
      expect(started).toMatchObject({ jobId: id, attempt: 1, result: null });
      const victim = servers.find((server) => server.child.pid === pidOf(started!));
      const survivor = servers.find((server) => server !== victim);
      expect(victim).toBeDefined();
      victim!.child.kill("SIGKILL");
      await new Promise((resolve) => victim!.child.once("close", resolve));
      servers = [survivor!];

      const runs = await waitForRuns(TEST_HANG_JOB, (seen) =>
        seen.some((run) => run.result === "ok"),
      );
      expect(runs.map((run) => [run.attempt, run.result, pidOf(run)])).toEqual([
        [1, "failed", victim!.child.pid],
        [2, "ok", survivor!.child.pid],
      ]);
      expect(runs[0]?.error).toContain("interrupted");
      expect(await survivor!.stop()).toBe(0);
      servers = [];
      expect(await runsOf(TEST_HANG_JOB)).toHaveLength(2);
    },
  );
});
