/** Loads what access reviews say about AC-06 (domain/access-review-readiness.ts). */
import { accountCounts, listCampaigns, listUndoneActions } from "../../db/access-reviews.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { campaignRef, removalDueBy } from "../../domain/access-review.ts";
import { accessReviewSignals } from "../../domain/access-review-readiness.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";

export async function loadAccessReviewSignals(
  tx: Tx,
  actor: Actor,
  { now, timeZone, today }: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const scope = scopeOf(actor);
  const campaigns = await listCampaigns(tx, scope);
  if (campaigns.length === 0) return new Map();
  const counts = await accountCounts(tx, scope);
  return accessReviewSignals({
    today,
    campaigns: campaigns.map((c) => {
      const counted = counts.get(c.id);
      return { ...c, undecided: (counted?.accounts ?? 0) - (counted?.decided ?? 0) };
    }),
    undone: (await listUndoneActions(tx, scope)).map((a) => ({
      ref: campaignRef(a.reviewNumber),
      account: a.account,
      dueBy: removalDueBy(localDate(new Date(a.decidedAt ?? now.toISOString()), timeZone)),
    })),
  });
}
