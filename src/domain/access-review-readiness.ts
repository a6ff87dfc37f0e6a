/**
 * What access reviews add to readiness and to the auditor's population of AC-06. Readiness: a
 * campaign completed within the last quarter keeps AC-06 current without an upload; a campaign
 * past its due day, and removals left undone past their five business days, are reasons it is
 * not. Population: each completed campaign in the period is one occurrence, named with its
 * reviewers and dates, with the evidence filed from it, so the auditor samples campaigns.
 * An organization that runs no campaign here gets neither: its uploads speak for it.
 */
import { completedWithinQuarter, isOverdue } from "./access-review.ts";
import type { Campaign } from "./access-review.ts";
import type { PopulationItem } from "./engagement.ts";
import type { CalendarPeriod } from "./periods.ts";
import type { Population } from "./population.ts";
import type { ControlSignal } from "./readiness.ts";
import { dateInWords } from "./words.ts";

export const ACCESS_REVIEW_CONTROL = "AC-06";

export interface AccessReviewReadinessInput {
  today: string;
  campaigns: readonly (Pick<Campaign, "ref" | "status" | "dueOn" | "completedOn"> & {
    undecided: number;
  })[];
  /** Removals and changes decided but not recorded done, with their due day. */
  undone: readonly { ref: string; account: string; dueBy: string }[];
}

export function accessReviewSignals(
  input: AccessReviewReadinessInput,
): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  if (input.campaigns.length === 0) return signals;
  const completed = input.campaigns
    .filter((c) => c.completedOn !== null)
    .map((c) => ({ ref: c.ref, on: c.completedOn ?? "" }))
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  const last = completed[0];
  const recent = last !== undefined && completedWithinQuarter(last.on, input.today);
  const list: ControlSignal[] = [
    {
      source: "access-review",
      ok: recent,
      reason: recent
        ? `access review ${last?.ref ?? ""} was completed on ${last?.on ?? ""}`
        : last === undefined
          ? "no access review has been completed yet"
          : `no access review was completed in the last quarter (the last, ${last.ref}, on ${last.on})`,
    },
  ];
  for (const campaign of input.campaigns.filter((c) => isOverdue(c, input.today))) {
    list.push({
      source: "access-review",
      ok: false,
      reason:
        `access review ${campaign.ref} was due by ${campaign.dueOn} and ` +
        `${campaign.undecided === 1 ? "1 account is" : `${campaign.undecided} accounts are`} not decided`,
    });
  }
  const late = input.undone.filter((u) => u.dueBy < input.today);
  if (late.length > 0) {
    list.push({
      source: "access-review",
      ok: false,
      reason:
        `${late.length === 1 ? "1 removal or change is" : `${late.length} removals or changes are`} ` +
        `past their five business days (${late
          .slice(0, 3)
          .map((u) => `${u.account} in ${u.ref}`)
          .join(", ")}${late.length > 3 ? ` and ${late.length - 3} more` : ""})`,
    });
  }
  signals.set(ACCESS_REVIEW_CONTROL, list);
  return signals;
}

/**
 * AC-06's population from completed campaigns: one occurrence per campaign completed in the
 * period (and by `today`), keyed by its label, dated its completion, with its evidence item.
 * Undefined for another control, or when no campaign was completed in the period.
 */
export function accessReviewPopulation(
  ref: string,
  period: CalendarPeriod,
  campaigns: readonly Pick<
    Campaign,
    "ref" | "name" | "reviewers" | "periodFrom" | "periodTo" | "completedOn" | "evidenceId"
  >[],
  today?: string,
): Population | undefined {
  if (ref !== ACCESS_REVIEW_CONTROL) return undefined;
  const items: PopulationItem[] = campaigns
    .flatMap((c) => {
      const on = c.completedOn;
      if (on === null || on < period.from || on > period.to) return [];
      if (today !== undefined && on > today) return [];
      return [
        {
          key: `access-review-${c.ref.toLowerCase()}`,
          label:
            `Access review ${c.ref} ${c.name}, reviewed by ${c.reviewers.join(", ")}: ` +
            `${dateInWords(c.periodFrom)} to ${dateInWords(c.periodTo)}, completed ${dateInWords(on)}`,
          from: on,
          to: on,
          evidence: c.evidenceId === null ? [] : [c.evidenceId],
        },
      ];
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.key < b.key ? -1 : 1));
  if (items.length === 0) return undefined;
  return { items, missing: items.filter((i) => i.evidence.length === 0).map((i) => i.key) };
}
