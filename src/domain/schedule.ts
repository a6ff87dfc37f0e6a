/**
 * When recurring jobs are due. Schedules are cron expressions read in UTC (five fields, or six
 * with seconds first), so every instance and the job list agree whatever the host's zone.
 */
import { CronExpressionParser } from "cron-parser";
import { AppError } from "./errors.ts";

function parse(cron: string, at: Date) {
  try {
    return CronExpressionParser.parse(cron, { currentDate: at, tz: "UTC" });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError("VALIDATION_FAILED", `invalid schedule "${cron}": ${why}`);
  }
}

/** Throws VALIDATION_FAILED for an expression cron-parser cannot read. */
export function checkSchedule(cron: string): void {
  parse(cron, new Date(0));
}

/** The first time strictly after `after` that the schedule names. */
export function nextRunAfter(cron: string, after: Date): Date {
  return parse(cron, after).next().toDate();
}

/** The newest time at or before `now` that the schedule names. */
export function latestSlot(cron: string, now: Date): Date {
  // prev() looks strictly before its start; a slot falling exactly on `now` is due now.
  return parse(cron, new Date(now.getTime() + 1))
    .prev()
    .toDate();
}

/**
 * How long to wait before attempt `attempt + 1` after attempt `attempt` failed: doubling from
 * `baseMs`, so a flaky dependency gets room to recover.
 */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
