/**
 * Failed sign-ins are counted per account and per address in the database, so every instance
 * sharing it sees the same counts. Past the limit the key is locked for a while; a success
 * clears the account's count.
 */
import { clearThrottle, findThrottle, saveThrottle } from "../../db/credentials.repo.ts";
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

export async function assertNotLocked(tx: Tx, keys: ThrottleKeys, now: Date): Promise<void> {
  for (const [key] of keysOf(keys)) {
    const state = await findThrottle(tx, key);
    if (
      state?.lockedUntil !== null &&
      state !== undefined &&
      state.lockedUntil > now.toISOString()
    ) {
      throw new AppError(
        "RATE_LIMITED",
        `too many failed sign-ins; try again after ${state.lockedUntil.slice(11, 16)} UTC`,
      );
    }
  }
}

/** In its own transaction: the failed attempt's own transaction is rolled back. */
export async function recordFailure(ctx: ServiceContext, keys: ThrottleKeys): Promise<void> {
  const now = ctx.now();
  await inTransaction(ctx.db, async (tx) => {
    for (const [key, limit] of keysOf(keys)) {
      const state = await findThrottle(tx, key);
      const fresh =
        state === undefined || now.getTime() - Date.parse(state.windowStartedAt) > WINDOW_MS;
      const failures = fresh ? 1 : state.failures + 1;
      await saveThrottle(tx, key, {
        failures,
        windowStartedAt: fresh ? now.toISOString() : state.windowStartedAt,
        lockedUntil: failures >= limit ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
      });
    }
  });
}

export async function clearAccountFailures(tx: Tx, keys: ThrottleKeys): Promise<void> {
  await clearThrottle(tx, keys.account);
}
