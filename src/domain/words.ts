/**
 * Words a report reads in. Dates: "2 March 2026". Reports and the share page use this one style;
 * JSON keeps ISO dates. Calendar dates are formatted from their digits, never through a Date
 * in some time zone, so a day stays the day it names.
 */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "2026-03-02" (or an ISO timestamp) → "2 March 2026"; anything else is returned as given. */
export function dateInWords(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const month = match === null ? undefined : MONTHS[Number(match[2]) - 1];
  if (match === null || month === undefined) return value;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "1 item", "8 items": a count with its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
