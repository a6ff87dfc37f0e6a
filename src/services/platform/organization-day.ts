/** The organization's calendar date: due days, reviews and freshness all count in its zone. */
import { getOrganization } from "../../db/organizations.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";

export interface OrganizationDay {
  now: Date;
  timeZone: string;
  /** The calendar date at `now` on the organization's wall clocks. */
  today: string;
}

export async function organizationDay(tx: Tx, actor: Actor, now: Date): Promise<OrganizationDay> {
  const { timeZone } = await getOrganization(tx, scopeOf(actor));
  return { now, timeZone, today: localDate(now, timeZone) };
}

export async function organizationToday(tx: Tx, actor: Actor, at: Date): Promise<string> {
  return (await organizationDay(tx, actor, at)).today;
}
