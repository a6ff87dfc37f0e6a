/**
 * Dates as reports and the share page read them, "2 March 2026": the same style as the PDF and
 * HTML reports (src/domain/words.ts). A calendar date is formatted from its digits, so it stays
 * the day it names in every time zone.
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

export function dayInWords(day: string | null | undefined): string {
  if (day === null || day === undefined || day === "") return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  const month = match === null ? undefined : MONTHS[Number(match[2]) - 1];
  if (match === null || month === undefined) return day;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** An instant as the reader's local date in words and time: "2 March 2026, 14:05". */
export function instantInWords(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${dayInWords(day)}, ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
