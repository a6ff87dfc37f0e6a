/**
 * The auditor's home: their engagements, each with how far testing has come, the requests
 * still open, and the next sampled items waiting for a result. Owners and admins read the
 * same for every engagement; an auditor sees only those assigned to them.
 */
import { listRequests } from "../../db/audit-requests.repo.ts";
import { listEngagements as listEngagementRows } from "../../db/engagements.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel, statusIndex } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { fieldworkProgress } from "../../domain/fieldwork-progress.ts";
import type { FieldworkProgress } from "../../domain/fieldwork-progress.ts";
import { authorize } from "../../domain/permissions.ts";
import { itemInWords } from "../../domain/words.ts";
import type { ServiceContext } from "../platform/context.ts";
import { visibleTo } from "./engagements.service.ts";
import { resultsOf } from "./results.ts";

/** How many items the home lists per engagement: the next few, not the whole backlog. */
export const NEXT_ITEMS_SHOWN = 5;

export interface NextItem {
  control: string;
  controlTitle: string;
  item: string;
  label: string;
}

export interface HomeEngagement {
  engagement: Engagement;
  label: string;
  /** Null before fieldwork: nothing is frozen or sampled yet. */
  progress: FieldworkProgress | null;
  /** Requests not yet accepted: waiting on the company (open, returned) or on the auditor. */
  openRequests: number | null;
  nextItems: NextItem[];
  /** Sampled items waiting for a result, all told (the list shows the first few). */
  itemsAwaiting: number;
}

/** Engagements being worked on first (by step, then newest), distributed ones last. */
function order(a: Engagement, b: Engagement): number {
  const done = (e: Engagement) => (e.status === "distributed" ? 1 : 0);
  return done(a) - done(b) || statusIndex(a.status) - statusIndex(b.status) || b.number - a.number;
}

export async function auditorHome(ctx: ServiceContext, actor: Actor): Promise<HomeEngagement[]> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) => {
    const engagements = (await listEngagementRows(tx, scopeOf(actor)))
      .filter((e) => visibleTo(actor, e))
      .sort(order);
    const open = await listRequests(tx, scopeOf(actor), {
      statuses: ["open", "submitted", "returned"],
    });
    const home: HomeEngagement[] = [];
    for (const engagement of engagements) {
      const results = await resultsOf(tx, actor, engagement);
      const labels = new Map(
        (results.sample?.controls ?? []).map((c) => [
          c.controlRef,
          // In words, as the testing screen names them: "March 2026", "week 12 (16–22 March)".
          new Map(c.population.map((item) => [item.key, itemInWords(item)])),
        ]),
      );
      const awaiting = results.controls
        .filter((c) => c.conclusion !== "not-implemented" && c.conclusion !== "no-occurrences")
        .flatMap((c) =>
          c.awaitingResult.map((item) => ({
            control: c.controlRef,
            controlTitle: c.title,
            item,
            label: labels.get(c.controlRef)?.get(item) ?? item,
          })),
        );
      home.push({
        engagement,
        label: engagementLabel(engagement),
        progress: engagement.snapshot === null ? null : fieldworkProgress(results.controls),
        openRequests: open.filter((r) => r.engagementId === engagement.id).length,
        nextItems: awaiting.slice(0, NEXT_ITEMS_SHOWN),
        itemsAwaiting: awaiting.length,
      });
    }
    return home;
  });
}
