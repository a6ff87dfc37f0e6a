/**
 * Jobs that exist only when ATTEST_TEST_JOBS=1, for the tests that run real server processes:
 * one that records which process ran it, and one that hangs on its first attempt so a test
 * can kill the process mid-job and watch another take it over. Its lease is short (3 s on
 * SQLite, pg-boss's 10 s floor on PostgreSQL) so the takeover happens within a test's patience.
 */
import type { JobDefinition } from "./job.ts";

export const TEST_ONCE_JOB = "test-once";
export const TEST_HANG_JOB = "test-hang";

export const TEST_JOBS: readonly JobDefinition[] = [
  {
    name: TEST_ONCE_JOB,
    schedule: null,
    leaseSeconds: 30,
    maxAttempts: 1,
    retryBaseSeconds: 1,
    async run() {
      // Long enough that a second process polling meanwhile would find the job if it could.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { pid: process.pid };
    },
  },
  {
    name: TEST_HANG_JOB,
    schedule: null,
    leaseSeconds: 3,
    maxAttempts: 3,
    retryBaseSeconds: 1,
    async run({ attempt, signal }) {
      if (attempt === 1) {
        // Waits for a kill -9 (or the runner stopping); never completes on its own.
        await new Promise((_resolve, reject) => {
          signal.addEventListener("abort", () => reject(new Error("stopped")), { once: true });
        });
      }
      return { pid: process.pid, attempt };
    },
  },
];
