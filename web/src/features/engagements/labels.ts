import type { Engagement } from "../../api/types.ts";
import { formatDay } from "../../lib/format.ts";

/** "E-3": how people refer to an engagement. */
export const engagementLabel = (engagement: Pick<Engagement, "number">) => `E-${engagement.number}`;

export function engagementWhen(engagement: Engagement): string {
  return engagement.type === 1
    ? `As of ${formatDay(engagement.asOf)}`
    : `${formatDay(engagement.periodFrom)} – ${formatDay(engagement.periodTo)}`;
}

const dayNumber = (year: number, month: number, day: number) =>
  Math.round(Date.UTC(year, month - 1, day) / 86_400_000);

/**
 * Whole months a period covers, both ends included, counted as the server counts them:
 * 2026-01-01 to 2026-06-30 is six months.
 */
export function monthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 1, fd = 1] = from.split("-").map(Number);
  const [ty = 0, tm = 1, td = 1] = to.split("-").map(Number);
  const dayAfterEnd = dayNumber(ty, tm, td) + 1;
  const endExclusive = (months: number) => {
    const index = fm - 1 + months;
    const year = fy + Math.floor(index / 12);
    const month = (index % 12) + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return fd <= daysInMonth ? dayNumber(year, month, fd) : dayNumber(year, month + 1, 1);
  };
  let months = (ty - fy) * 12 + (tm - fm) + 1;
  while (months > 0 && endExclusive(months) > dayAfterEnd) months -= 1;
  return Math.max(months, 0);
}

export const MIN_TYPE2_MONTHS = 6;
/** Over this, a Type 2 needs a reason (the server refuses over two years outright). */
export const USUAL_MAX_TYPE2_MONTHS = 12;
