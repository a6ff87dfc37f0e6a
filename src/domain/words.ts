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

/** A sampled item as people name it; the dates it covers come with it. */
export interface ItemToName {
  key: string;
  label: string;
  from: string;
  to: string;
}

function dayAndMonth(date: string): string {
  return dateInWords(date).replace(/ \d{4}$/, "");
}

/** "16–22 March", "30 March – 5 April", with the year after when asked for. */
function span(from: string, to: string, year: boolean): string {
  const end = year ? dateInWords(to) : dayAndMonth(to);
  if (from === to) return end;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))}–${end}`;
  const start =
    from.slice(0, 4) === to.slice(0, 4) || !year ? dayAndMonth(from) : dateInWords(from);
  return `${start} – ${end}`;
}

/**
 * A sampled item in words, for the testing screen and the report alike: "March 2026",
 * "week 12 (16–22 March)", "Pull request #4105 (2 March)", "Q1 2026 (January to March)".
 * Keys stay as they are in JSON and the CLI; this is only how people read them. The testing
 * screen reads within its period and leaves the year off days and weeks; a report, read on
 * its own, asks for the year. Labels stored before words were used (an event's ISO date)
 * read the same as new ones.
 */
export function itemInWords(item: ItemToName, options: { year?: boolean } = {}): string {
  const year = options.year ?? false;
  const month = /^(\d{4})-(\d{2})$/.exec(item.key);
  if (month !== null) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const week = /^\d{4}-W(\d{2})$/.exec(item.key);
  if (week !== null) return `week ${Number(week[1])} (${span(item.from, item.to, year)})`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(item.key)) return dateInWords(item.key);
  if (/^\d{4}$/.test(item.key)) return `the year ${item.key}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(item.key);
  if (quarter !== null) {
    const first = MONTHS[(Number(quarter[2]) - 1) * 3] ?? "";
    const last = MONTHS[Number(quarter[2]) * 3 - 1] ?? "";
    return `Q${quarter[2]} ${quarter[1]} (${first} to ${last})`;
  }
  if (/^year-\d+$/.test(item.key) || item.key === "period") {
    const what = item.key === "period" ? "the whole period" : "the year";
    return `${what} (${span(item.from, item.to, true)})`;
  }
  const day = year ? dateInWords(item.from) : dayAndMonth(item.from);
  if (item.key.startsWith("ev-")) {
    // An event: its title, then the day it happened (a stored "(…)" date is replaced).
    const title = item.label.replace(/ \([^()]*\)$/, "");
    return `${title} (${day})`;
  }
  // An imported row or a person, labelled with its day in full: within the period, the day.
  const stored = ` (${dateInWords(item.from)})`;
  if (item.from === item.to && item.label.endsWith(stored)) {
    return `${item.label.slice(0, -stored.length)} (${day})`;
  }
  return item.label;
}
