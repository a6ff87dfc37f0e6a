/** Answers of the background-jobs routes: each job's schedule and last run, owners' notices. */
import { z } from "zod";
import { day, instant } from "./common.ts";

export const jobStatus = z.object({
  name: z.string(),
  schedule: z.string().nullable().describe("cron, UTC; null when the job runs only when queued"),
  lastRunAt: instant.nullable(),
  lastResult: z.enum(["ok", "failed", "running"]).nullable(),
  lastError: z.string().nullable(),
  lastAttempt: z.number().int().nullable(),
  nextRunAt: instant.nullable(),
});
export type JobStatus = z.output<typeof jobStatus>;

export const notice = z.object({
  id: z.string(),
  kind: z.string(),
  day,
  title: z.string(),
  body: z.string(),
  createdAt: instant,
  mailedAt: instant.nullable(),
});
export type Notice = z.output<typeof notice>;
