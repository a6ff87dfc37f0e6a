/**
 * The population of a control over an audit period: the windows in which the control is
 * expected to run once, laid out on the organization's own calendar.
 *
 * Windows are local calendar dates because that is how people (and auditors) reason about
 * "the March review" or "the week of 2 March". Each window also carries the UTC instants that
 * bound it, so evidence timestamps (stored in UTC) can be placed in the right window even on a
 * 23- or 25-hour day. Zone arithmetic uses only Intl.DateTimeFormat, which reads the IANA
 * database shipped with Node, so there is no date library to keep current.
 */
import { dateInWords } from "./words.ts";
import type { ControlFrequency } from "../catalog/types.ts";
import { invalidField } from "./errors.ts";

/** Local calendar dates "YYYY-MM-DD", both inclusive. */
export interface CalendarPeriod {
  from: string;
  to: string;
}

export interface Occurrence {
  /** Stable id of the window: "2026-03-08", "2026-W10", "2026-03", "2026-Q1", "2026", "period". */
  key: string;
  /** For people; names the whole calendar window even when the period clips it. */
  label: string;
  /** First local date of the window, clipped to the period. */
  from: string;
  /** Last local date of the window, clipped to the period, inclusive. */
  to: string;
  /** UTC instant of the local midnight that starts `from`. */
  startsAt: string;
  /** UTC instant of the local midnight after `to` (exclusive end). */
  endsAt: string;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
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

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

// Days since 1970-01-01 make date arithmetic plain integer arithmetic. setUTCFullYear is used
// instead of Date.UTC because Date.UTC reads years 0–99 as 1900–1999.
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

function civil(dayNo: number): CivilDate {
  const date = new Date(dayNo * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function formatDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

function readDate(value: unknown): CivilDate | undefined {
  const match = typeof value === "string" ? DATE_PATTERN.exec(value) : null;
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Year 0 would make Intl print "1 BC"; no audit period starts in antiquity anyway.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

/** True for a "YYYY-MM-DD" string naming a day that exists (not 2026-02-30 or 2026-02-29). */
export function isCalendarDate(value: unknown): value is string {
  return readDate(value) !== undefined;
}

function parseDate(value: string, field: string): CivilDate {
  const date = readDate(value);
  if (date !== undefined) return date;
  throw invalidField(
    field,
    typeof value === "string" && DATE_PATTERN.test(value)
      ? `"${value}" is not a calendar date`
      : `"${String(value)}" is not a date in the form YYYY-MM-DD`,
  );
}

function parsePeriod(period: CalendarPeriod): { fromDay: number; toDay: number } {
  const from = parseDate(period.from, "from");
  const to = parseDate(period.to, "to");
  const fromDay = dayNumber(from.year, from.month, from.day);
  const toDay = dayNumber(to.year, to.month, to.day);
  if (fromDay > toDay) {
    throw invalidField("to", `${period.to} is before the start of the period (${period.from})`);
  }
  return { fromDay, toDay };
}

// Building a formatter costs far more than using one, and a period of daily occurrences asks
// the same zone hundreds of times. Caching does not change any result.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw invalidField("timeZone", `"${String(timeZone)}" is not a known IANA time zone`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws when the zone is unknown; UTC is known without asking ICU. */
function checkZone(timeZone: string): void {
  if (timeZone !== "UTC") formatterFor(timeZone);
}

interface WallClock extends CivilDate {
  /** Milliseconds since midnight UTC of the same wall-clock date and time, read as if UTC. */
  wallMs: number;
}

/** UTC, the default zone, is read straight off the instant. */
function utcWallClock(instantMs: number): WallClock {
  const date = new Date(instantMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return { year, month, day, wallMs: instantMs };
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  // The first Intl formatter of a process costs some 12 ms (ICU starting up): a command run
  // for an organization on UTC should not pay it.
  if (timeZone === "UTC") return utcWallClock(instantMs);
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) parts[part.type] = part.value;
  const signedYear = Number(parts.year);
  const year = parts.era === "BC" || parts.era === "B" ? 1 - signedYear : signedYear;
  const month = Number(parts.month);
  const day = Number(parts.day);
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  // Intl drops milliseconds; every zone offset is whole seconds, so they carry over unchanged.
  const millis = ((instantMs % 1000) + 1000) % 1000;
  const wallMs = dayNumber(year, month, day) * DAY_MS + seconds * 1000 + millis;
  return { year, month, day, wallMs };
}

function offsetAt(instantMs: number, timeZone: string): number {
  return wallClock(instantMs, timeZone).wallMs - instantMs;
}

/** The calendar date of an instant on the wall clocks of the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw invalidField("instant", "is not a valid date and time");
  return formatDate(wallClock(ms, timeZone));
}

function firstInstantOfDay(dayNo: number, timeZone: string): number {
  const wallMidnight = dayNo * DAY_MS;
  // Any instant whose wall clock reads this midnight lies within about 14 h of it (the widest
  // offsets in use, plus old local mean times); sampling both sides and the middle finds every
  // offset in force there, assuming zones do not change offset twice within a day.
  const offsets = new Set(
    [-16, 0, 16].map((hours) => offsetAt(wallMidnight + hours * HOUR_MS, timeZone)),
  );
  const solutions = [...offsets]
    .map((offset) => wallMidnight - offset)
    .filter((candidate) => offsetAt(candidate, timeZone) + candidate === wallMidnight);
  // When the clocks fall back over midnight, it happens twice; the day starts at the first.
  if (solutions.length > 0) return Math.min(...solutions);
  // The clocks jumped over midnight (or, as in Samoa at the end of 2011, over the whole day):
  // the day starts at the jump, the first instant whose wall clock is at or past midnight.
  let before = wallMidnight - 16 * HOUR_MS;
  let after = wallMidnight + 16 * HOUR_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(middle, timeZone).wallMs >= wallMidnight) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * The UTC instant at which the local date begins: local 00:00, or, when a DST jump skips
 * midnight, the first instant of that day. For a date a zone skipped entirely, the instant at
 * which the next date began, so the day has zero length rather than a made-up one.
 */
export function zonedMidnight(date: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date, "date");
  checkZone(timeZone);
  return new Date(firstInstantOfDay(dayNumber(year, month, day), timeZone));
}

interface Window {
  key: string;
  label: string;
  firstDay: number;
  lastDay: number;
}

// Monday is 1 and Sunday 7, as in ISO 8601; 1970-01-01 was a Thursday.
function isoWeekday(dayNo: number): number {
  return ((((dayNo + 3) % 7) + 7) % 7) + 1;
}

function isoWeek(dayNo: number): Window {
  const monday = dayNo - (isoWeekday(dayNo) - 1);
  // An ISO week belongs to the year that holds its Thursday, so 1 January can sit in the last
  // week of the year before and 31 December in week 1 of the next.
  const thursday = civil(monday + 3);
  const week = Math.floor((monday + 3 - dayNumber(thursday.year, 1, 1)) / 7) + 1;
  return {
    key: `${pad(thursday.year, 4)}-W${pad(week)}`,
    label: `week of ${dateInWords(formatDate(civil(monday)))}`,
    firstDay: monday,
    lastDay: monday + 6,
  };
}

function monthWindow(year: number, firstMonth: number, months: number): [number, number] {
  const firstDay = dayNumber(year, firstMonth, 1);
  return [firstDay, dayNumber(year, firstMonth + months, 1) - 1];
}

export type CalendarFrequency = Exclude<ControlFrequency, "continuous" | "event-driven">;

function calendarWindow(frequency: CalendarFrequency, dayNo: number): Window {
  const { year, month } = civil(dayNo);
  const y = pad(year, 4);
  switch (frequency) {
    case "daily": {
      const date = formatDate(civil(dayNo));
      return { key: date, label: dateInWords(date), firstDay: dayNo, lastDay: dayNo };
    }
    case "weekly":
      return isoWeek(dayNo);
    case "monthly": {
      const [firstDay, lastDay] = monthWindow(year, month, 1);
      const label = `${MONTH_NAMES[month - 1] ?? ""} ${y}`;
      return { key: `${y}-${pad(month)}`, label, firstDay, lastDay };
    }
    case "quarterly": {
      const quarter = Math.floor((month - 1) / 3) + 1;
      const [firstDay, lastDay] = monthWindow(year, quarter * 3 - 2, 3);
      return { key: `${y}-Q${quarter}`, label: `Q${quarter} ${y}`, firstDay, lastDay };
    }
    case "annual": {
      const [firstDay, lastDay] = monthWindow(year, 1, 12);
      return { key: y, label: y, firstDay, lastDay };
    }
  }
}

/**
 * The windows in which a control of this frequency should have run during the period, in
 * order. Calendar windows (ISO weeks Monday–Sunday, months, quarters, years) that overlap the
 * period are clipped to it. A continuous control has one window, the whole period. An
 * event-driven control has none: its population is the events recorded, not the calendar.
 */
export function expectedOccurrences(
  frequency: ControlFrequency,
  period: CalendarPeriod,
  timeZone: string,
): Occurrence[] {
  const { fromDay, toDay } = parsePeriod(period);
  // Reject an unknown zone even when no window needs it, so a bad setting surfaces early.
  checkZone(timeZone);
  if (frequency === "event-driven") return [];
  const windows: Window[] = [];
  if (frequency === "continuous") {
    const label = `the whole period, ${period.from} to ${period.to}`;
    windows.push({ key: "period", label, firstDay: fromDay, lastDay: toDay });
  } else {
    for (let day = fromDay; day <= toDay;) {
      const window = calendarWindow(frequency, day);
      windows.push(window);
      day = window.lastDay + 1;
    }
  }
  // Adjacent windows share a boundary; compute each midnight once.
  const midnights = new Map<number, string>();
  const midnight = (dayNo: number): string => {
    let iso = midnights.get(dayNo);
    if (iso === undefined) {
      iso = new Date(firstInstantOfDay(dayNo, timeZone)).toISOString();
      midnights.set(dayNo, iso);
    }
    return iso;
  };
  return windows.map((window) => {
    const first = Math.max(window.firstDay, fromDay);
    const last = Math.min(window.lastDay, toDay);
    return {
      key: window.key,
      label: window.label,
      from: formatDate(civil(first)),
      to: formatDate(civil(last)),
      startsAt: midnight(first),
      endsAt: midnight(last + 1),
    };
  });
}

/**
 * Whole calendar months the period covers, counted from its first day: n months are covered
 * when the period reaches the day before the same day of the month n months later. When that
 * month is too short to have that day, the n months run to its last day (2026-08-31 needs to
 * reach 2027-02-28 for six), so a short month never lets a period count a month it lacks.
 */
export function periodLengthInMonths(period: CalendarPeriod): number {
  const { toDay } = parsePeriod(period);
  const from = parseDate(period.from, "from");
  const to = parseDate(period.to, "to");
  const endExclusive = (months: number): number => {
    const index = from.month - 1 + months;
    const year = from.year + Math.floor(index / 12);
    const month = (index % 12) + 1;
    return from.day <= daysInMonth(year, month)
      ? dayNumber(year, month, from.day)
      : dayNumber(year, month + 1, 1);
  };
  let months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  while (months > 0 && endExclusive(months) > toDay + 1) months -= 1;
  return months;
}

/** The window that holds a local date, if any. */
export function occurrenceForDate(
  occurrences: readonly Occurrence[],
  date: string,
): Occurrence | undefined {
  parseDate(date, "date");
  // Dates in YYYY-MM-DD compare correctly as strings.
  return occurrences.find((occurrence) => occurrence.from <= date && date <= occurrence.to);
}

/** The date `days` days after (or before, if negative) a local date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date, "date");
  return formatDate(civil(dayNumber(year, month, day) + days));
}

/**
 * The whole calendar window (not clipped to any period) of a calendar frequency that holds
 * a date: the ISO week, month, quarter or year around it, or the day itself.
 */
export function windowAround(
  frequency: CalendarFrequency,
  date: string,
): { key: string; label: string; from: string; to: string } {
  const { year, month, day } = parseDate(date, "date");
  const window = calendarWindow(frequency, dayNumber(year, month, day));
  return {
    key: window.key,
    label: window.label,
    from: formatDate(civil(window.firstDay)),
    to: formatDate(civil(window.lastDay)),
  };
}

/** Whole days from one local date to another (0 for the same date). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from, "from");
  const b = parseDate(to, "to");
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day);
}

/**
 * The same day `months` months later; a day the month lacks (31 August + 1 month) becomes
 * the first of the month after, as whole months are counted in periodLengthInMonths.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date, "date");
  const index = month - 1 + months;
  const toYear = year + Math.floor(index / 12);
  const toMonth = (((index % 12) + 12) % 12) + 1;
  const target =
    day <= daysInMonth(toYear, toMonth)
      ? dayNumber(toYear, toMonth, day)
      : dayNumber(toYear, toMonth + 1, 1);
  return formatDate(civil(target));
}

/** A period that runs past `months` whole months (1 January to 1 January is over twelve). */
export function longerThanMonths(period: CalendarPeriod, months: number): boolean {
  return period.to >= addMonths(period.from, months);
}
