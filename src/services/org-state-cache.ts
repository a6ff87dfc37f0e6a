/**
 * Results computed from an organization's records, reused while nothing was written. Every
 * write that can change them appends to the organization's audit chain in its own
 * transaction, so the chain head (with the local date, for anything that ages) names the
 * state a result was computed from. A result is never served once the head has moved; an
 * instance sharing PostgreSQL with others sees their writes the same way.
 */
import { getOrganizationState } from "../db/organizations.repo.ts";
import { readOnce } from "../db/transaction.ts";
import { scopeOf } from "../domain/actor.ts";
import type { Actor } from "../domain/actor.ts";
import { localDate } from "../domain/periods.ts";
import type { ServiceContext } from "./context.ts";

interface Entry<T> {
  state: string;
  value: T;
}

export class OrgStateCache<T> {
  readonly #entries = new WeakMap<ServiceContext, Map<string, Entry<T>>>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** `key` names the question within the organization (filters, page). */
  async get(ctx: ServiceContext, actor: Actor, key: string, compute: () => Promise<T>): Promise<T> {
    const now = ctx.now();
    const org = await readOnce(ctx.db, (tx) => getOrganizationState(tx, scopeOf(actor)));
    const state = `${org.auditHeadHash ?? "empty"}:${localDate(now, org.timeZone)}`;
    const entries = this.#entries.get(ctx) ?? new Map<string, Entry<T>>();
    this.#entries.set(ctx, entries);
    const slot = `${actor.organizationId}:${key}`;
    const cached = entries.get(slot);
    if (cached?.state === state) return cached.value;
    const value = await compute();
    entries.delete(slot);
    entries.set(slot, { state, value });
    // A Map keeps insertion order: the first entry is the one computed longest ago.
    if (entries.size > this.#limit) entries.delete(entries.keys().next().value ?? "");
    return value;
  }
}
