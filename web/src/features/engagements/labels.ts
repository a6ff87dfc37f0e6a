import type { Engagement } from "../../api/types.ts";
import { formatDay } from "../../lib/format.ts";

/** "E-3": how people refer to an engagement. */
export const engagementLabel = (engagement: Pick<Engagement, "number">) => `E-${engagement.number}`;

export function engagementWhen(engagement: Engagement): string {
  return engagement.type === 1
    ? `As of ${formatDay(engagement.asOf)}`
    : `${formatDay(engagement.periodFrom)} – ${formatDay(engagement.periodTo)}`;
}

/** Whole months between two calendar dates, inclusive of the last day (as the server counts). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  if ([fy, fm, fd, ty, tm, td].some((n) => n === undefined || Number.isNaN(n))) return 0;
  const end = new Date(Date.UTC(ty ?? 0, (tm ?? 1) - 1, (td ?? 1) + 1));
  let months = ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 1) - (fm ?? 1));
  while (months > 0 && new Date(Date.UTC(fy ?? 0, (fm ?? 1) - 1 + months, fd ?? 1)) > end)
    months -= 1;
  return Math.max(months, 0);
}

export const MIN_TYPE2_MONTHS = 6;
