/**
 * What the AWS checks share: their type, the account as a resource, and day arithmetic
 * relative to the snapshot's collection time (never the clock).
 */
import type {
  CheckDefinition,
  ResourceResult,
  ResourceStatus,
} from "../../../domain/checks/check.ts";
import type { AwsSnapshot } from "../snapshot.ts";

export type AwsCheck = CheckDefinition<AwsSnapshot>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `then` to the snapshot's collection; 0 for a time after it. */
export function daysBefore(snapshot: AwsSnapshot, then: string): number {
  const elapsed = Date.parse(snapshot.collectedAt) - Date.parse(then);
  return Math.max(0, Math.floor(elapsed / DAY_MS));
}

export function result(
  resourceId: string,
  resourceName: string,
  status: ResourceStatus,
  reason: string,
): ResourceResult {
  return { resourceId, resourceName, status, reason };
}

/** The account itself, for account-wide settings (root user, password policy, trails). */
export function accountResult(
  snapshot: AwsSnapshot,
  status: ResourceStatus,
  reason: string,
): ResourceResult {
  return result(
    `arn:aws:iam::${snapshot.accountId}:root`,
    `account ${snapshot.accountId}`,
    status,
    reason,
  );
}

/** One region of the account, for per-region settings (EBS default encryption, GuardDuty). */
export function regionResult(
  snapshot: AwsSnapshot,
  region: string,
  status: ResourceStatus,
  reason: string,
): ResourceResult {
  return result(
    `aws:${snapshot.accountId}:${region}`,
    `${snapshot.accountId} ${region}`,
    status,
    reason,
  );
}

/** "alice, bob and carol". */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
