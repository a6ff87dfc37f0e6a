/**
 * The dates of a new engagement: a sensible range, a Type 1's date or a Type 2's period, its
 * length (a reason under six months or over twelve, never over two years), and the gap it
 * would leave after the previous Type 2.
 */
import {
  MAX_TYPE2_MONTHS,
  MIN_TYPE2_MONTHS,
  USUAL_MAX_TYPE2_MONTHS,
} from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { invalidField } from "../../domain/errors.ts";
import {
  addDays,
  addMonths,
  longerThanMonths,
  periodLengthInMonths,
} from "../../domain/periods.ts";

/** The date fields of the parsed create input. */
export interface EngagementDates {
  asOf?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  periodReason?: string | undefined;
}

/** Engagements start no earlier than 2000 and no later than two years from today. */
export function checkRange(data: EngagementDates, now: Date): void {
  const latest = `${now.getUTCFullYear() + 2}${now.toISOString().slice(4, 10)}`;
  for (const field of ["asOf", "from", "to"] as const) {
    const value = data[field];
    if (value !== undefined && (value < "2000-01-01" || value > latest)) {
      throw invalidField(field, `${value} is outside a sensible range (2000-01-01 to ${latest})`);
    }
  }
}

export function checkDates(data: EngagementDates, type: 1 | 2): void {
  if (type === 1) {
    if (data.asOf === undefined) throw invalidField("asOf", "a Type 1 needs the date it is as of");
    if (data.from !== undefined || data.to !== undefined) {
      throw invalidField("from", "a Type 1 is as of one date; a period is for a Type 2");
    }
    return;
  }
  if (data.from === undefined || data.to === undefined) {
    throw invalidField(
      data.from === undefined ? "from" : "to",
      "a Type 2 needs a period: from and to",
    );
  }
  if (data.asOf !== undefined) throw invalidField("asOf", "a Type 2 covers a period, not one date");
  if (data.from > data.to)
    throw invalidField("to", `ends (${data.to}) before it starts (${data.from})`);
  const period = { from: data.from, to: data.to };
  if (longerThanMonths(period, MAX_TYPE2_MONTHS)) {
    throw invalidField(
      "to",
      `the period runs over ${MAX_TYPE2_MONTHS / 12} years (${data.from} to ${data.to}); ` +
        `no report covers that long: end it by ${addDays(addMonths(data.from, MAX_TYPE2_MONTHS), -1)}`,
    );
  }
  const months = periodLengthInMonths(period);
  if (months < MIN_TYPE2_MONTHS && data.periodReason === undefined) {
    throw invalidField(
      "periodReason",
      `the period covers ${months} whole months; a Type 2 covers at least ${MIN_TYPE2_MONTHS}, ` +
        "or give the reason for a shorter first period (--period-reason)",
    );
  }
  if (longerThanMonths(period, USUAL_MAX_TYPE2_MONTHS) && data.periodReason === undefined) {
    throw invalidField(
      "periodReason",
      `the period runs over ${USUAL_MAX_TYPE2_MONTHS} months; reports rarely cover more than a ` +
        "year, so give the reason for a longer one (--period-reason)",
    );
  }
}

/**
 * The days between the previous Type 2 (the one ending last before this period starts) and
 * this period, which no report would cover; undefined when the periods meet or overlap.
 */
export function gapBefore(
  engagements: readonly Engagement[],
  from: string,
): { from: string; to: string; after: Engagement } | undefined {
  const previous = engagements
    .filter((e) => e.type === 2 && e.periodTo !== null && e.periodTo < from)
    .sort((a, b) => ((a.periodTo ?? "") < (b.periodTo ?? "") ? 1 : -1))[0];
  if (previous?.periodTo == null) return undefined;
  const uncovered = addDays(previous.periodTo, 1);
  return uncovered < from ? { from: uncovered, to: addDays(from, -1), after: previous } : undefined;
}
