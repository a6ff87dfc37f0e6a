/**
 * Pure rules over check results: a check's status from its resources and the exceptions in
 * force, what a replay compares, and the words readiness and tasks use. No clock: "today" is
 * always given.
 */
import type { ResourceResult, ResourceStatus } from "./check.ts";

export const CHECK_STATUSES = ["pass", "fail", "not-applicable"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** An exception excuses one resource on one check, through its expiry day (inclusive). */
export interface CheckException {
  id: string;
  ref: string;
  checkId: string;
  resourceId: string;
  reason: string;
  approver: string;
  expiresOn: string;
  createdBy: string;
  createdAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export function exceptionRef(number: number): string {
  return `CE-${number}`;
}

export const EXCEPTION_REF_PATTERN = /^CE-(\d+)$/i;

export function isInForce(exception: CheckException, today: string): boolean {
  return exception.revokedAt === null && exception.expiresOn >= today;
}

/** A resource's result as stored: what the check said, and the exception that excused it. */
export interface StoredResourceResult extends ResourceResult {
  /** The exception (CE-n) in force when it failed, or null. */
  exception: string | null;
}

export interface CheckCounts {
  passing: number;
  failing: number;
  excepted: number;
  notApplicable: number;
}

export interface CheckOutcome extends CheckCounts {
  status: CheckStatus;
  resources: StoredResourceResult[];
}

/** The exception of `checkId` in force on `today` for each resource, by resource id. */
function exceptionsFor(
  checkId: string,
  exceptions: readonly CheckException[],
  today: string,
): Map<string, CheckException> {
  const map = new Map<string, CheckException>();
  for (const e of exceptions) {
    if (e.checkId === checkId && isInForce(e, today)) map.set(e.resourceId, e);
  }
  return map;
}

/**
 * Applies the exceptions in force on `today`: an excepted failing resource counts as
 * excepted, not failing. The check fails when any resource still fails, passes when some
 * resource passes or is excepted, and is not applicable when nothing it reads applies.
 */
export function checkOutcome(
  checkId: string,
  results: readonly ResourceResult[],
  exceptions: readonly CheckException[],
  today: string,
): CheckOutcome {
  const inForce = exceptionsFor(checkId, exceptions, today);
  const counts: CheckCounts = { passing: 0, failing: 0, excepted: 0, notApplicable: 0 };
  const resources: StoredResourceResult[] = results.map((r) => {
    const exception = r.status === "fail" ? (inForce.get(r.resourceId)?.ref ?? null) : null;
    if (r.status === "pass") counts.passing += 1;
    else if (r.status === "not-applicable") counts.notApplicable += 1;
    else if (exception !== null) counts.excepted += 1;
    else counts.failing += 1;
    return { ...r, exception };
  });
  return { ...counts, status: statusOf(counts), resources };
}

export function statusOf(counts: CheckCounts): CheckStatus {
  if (counts.failing > 0) return "fail";
  return counts.passing + counts.excepted > 0 ? "pass" : "not-applicable";
}

/** The same stored resources seen with today's exceptions (one revoked or expired since). */
export function outcomeToday(
  checkId: string,
  stored: readonly StoredResourceResult[],
  exceptions: readonly CheckException[],
  today: string,
): CheckOutcome {
  return checkOutcome(
    checkId,
    stored.map(({ exception: _exception, ...result }) => result),
    exceptions,
    today,
  );
}

export interface ResourceDifference {
  resourceId: string;
  stored: { status: ResourceStatus; reason: string } | null;
  replayed: { status: ResourceStatus; reason: string } | null;
}

/**
 * What a replay found different from the stored result, resource by resource (order kept as
 * the check gives it, so a reordering is a difference too): empty when they agree.
 */
export function compareResults(
  stored: readonly ResourceResult[],
  replayed: readonly ResourceResult[],
): ResourceDifference[] {
  const differences: ResourceDifference[] = [];
  const length = Math.max(stored.length, replayed.length);
  for (let i = 0; i < length; i += 1) {
    const a = stored[i];
    const b = replayed[i];
    if (
      a !== undefined &&
      b !== undefined &&
      a.resourceId === b.resourceId &&
      a.resourceName === b.resourceName &&
      a.status === b.status &&
      a.reason === b.reason
    ) {
      continue;
    }
    const side = (r: ResourceResult | undefined) =>
      r === undefined ? null : { status: r.status, reason: r.reason };
    if (a !== undefined && b !== undefined && a.resourceId !== b.resourceId) {
      differences.push({ resourceId: a.resourceId, stored: side(a), replayed: null });
      differences.push({ resourceId: b.resourceId, stored: null, replayed: side(b) });
      continue;
    }
    differences.push({
      resourceId: (a ?? b)?.resourceId ?? "",
      stored: side(a),
      replayed: side(b),
    });
  }
  return differences;
}

const SHOWN = 3;

/** "3 failing: alice, bob, ci-deploy" (names of the failing resources, a few, then a count). */
export function failingInWords(resources: readonly StoredResourceResult[]): string {
  const failing = resources.filter((r) => r.status === "fail" && r.exception === null);
  const names = failing.slice(0, SHOWN).map((r) => r.resourceName);
  const more = failing.length - names.length;
  return `${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

const MINUTE_MS = 60 * 1000;
/** The first retry after a failed run; each further failure doubles it, up to the interval. */
export const FIRST_RETRY_MINUTES = 5;

/**
 * When a connector runs next. After a success, one interval on. After its n-th failure in a
 * row, 5, 10, 20… minutes on, never later than the interval and never sooner than the API
 * said to come back (a rate limit's Retry-After).
 */
export function nextRunAt(
  now: Date,
  intervalMinutes: number,
  failures: number,
  retryAfterSeconds: number | null,
): Date {
  if (failures === 0) return new Date(now.getTime() + intervalMinutes * MINUTE_MS);
  const backoff = Math.min(FIRST_RETRY_MINUTES * 2 ** Math.min(failures - 1, 16), intervalMinutes);
  const wait = Math.max(backoff * MINUTE_MS, (retryAfterSeconds ?? 0) * 1000);
  return new Date(now.getTime() + wait);
}
