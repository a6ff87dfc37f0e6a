/**
 * Sign-in attempts are counted per account and per address in the database, so every instance
 * sharing it sees the same counts. Past the limit the key is locked for a while; a success
 * clears the account's count.
 */
import {
  clearThrottle,
  countAttempt,
  lockThrottle,
  uncountAttempt,
} from "../../db/credentials.repo.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { AppError } from "../../domain/errors.ts";
import type { ServiceContext } from "../platform/context.ts";

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { account: `user:${email}`, address: address === null ? null : `addr:${address}` };
}

function keysOf(keys: ThrottleKeys): [string, number][] {
  const list: [string, number][] = [[keys.account, ACCOUNT_FAILURE_LIMIT]];
  if (keys.address !== null) list.push([keys.address, ADDRESS_FAILURE_LIMIT]);
  return list;
}

/** An attempt as counted: each key's count including it. */
export interface Attempt {
  keys: ThrottleKeys;
  counts: [key: string, failures: number, limit: number][];
}

function lockedError(lockedUntil: string, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  return new AppError(
    "RATE_LIMITED",
    `too many failed sign-ins; try again after ${lockedUntil.slice(11, 16)} UTC`,
    [],
    { retryAfterSeconds: seconds },
  );
}

/**
 * Counts this attempt before the secret is checked, and refuses it while the key is locked or
 * has had its limit in the window. Counting first, in one statement per key, keeps parallel
 * guesses from all passing a check that each made before any of them was counted. The caller
 * then reports the outcome: `recordFailure`, `giveBackAttempt` or `clearAccountFailures`.
 */
export async function takeAttempt(ctx: ServiceContext, keys: ThrottleKeys): Promise<Attempt> {
  const now = ctx.now();
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  type Counted = { lockedUntil: string } | { counts: Attempt["counts"] };
  const result = await inTransaction(ctx.db, async (tx): Promise<Counted> => {
    const counts: Attempt["counts"] = [];
    for (const [key, limit] of keysOf(keys)) {
      const counted = await countAttempt(tx, key, at, windowStart);
      if (counted.lockedUntil !== null && counted.lockedUntil > at) {
        return { lockedUntil: counted.lockedUntil };
      }
      if (counted.failures > limit) {
        const until = new Date(now.getTime() + LOCK_MS).toISOString();
        await lockThrottle(tx, key, until);
        return { lockedUntil: until };
      }
      counts.push([key, counted.failures, limit]);
    }
    return { counts };
  });
  if ("lockedUntil" in result) throw lockedError(result.lockedUntil, now);
  return { keys, counts: result.counts };
}

/** The secret was wrong: a key that reached its limit with this attempt is locked from now. */
export async function recordFailure(ctx: ServiceContext, attempt: Attempt): Promise<void> {
  const reached = attempt.counts.filter(([, failures, limit]) => failures >= limit);
  if (reached.length === 0) return;
  const until = new Date(ctx.now().getTime() + LOCK_MS).toISOString();
  await inTransaction(ctx.db, async (tx) => {
    for (const [key] of reached) await lockThrottle(tx, key, until);
  });
}

/** A step that was right but did not finish the sign-in (the password before a code). */
export async function giveBackAttempt(tx: Tx, keys: ThrottleKeys): Promise<void> {
  for (const [key] of keysOf(keys)) await uncountAttempt(tx, key);
}

/** After a success: the account starts afresh, and a shared address gets its attempt back. */
export async function clearAccountFailures(tx: Tx, keys: ThrottleKeys): Promise<void> {
  await clearThrottle(tx, keys.account);
  if (keys.address !== null) await uncountAttempt(tx, keys.address);
}
