/**
 * A control's population for a Type 2 period: the occurrences its frequency calls for, each
 * with the evidence found for it, or for an event-driven control the events recorded.
 */
import type { ControlFrequency } from "../catalog/types.ts";
import { dateInWords } from "./words.ts";
import type { PopulationItem, PopulationSource } from "./engagement.ts";
import {
  addDays,
  daysBetween,
  expectedOccurrences,
  isCalendarDate,
  windowAround,
  zonedMidnight,
} from "./periods.ts";
import type { CalendarPeriod, Occurrence } from "./periods.ts";

export interface DatedEvidence {
  id: string;
  title: string;
  from: string;
  to: string;
}

export interface Population {
  items: PopulationItem[];
  /** Keys of expected occurrences for which no evidence was found. */
  missing: string[];
}

/**
 * Evidence counts for an occurrence when its dates touch the occurrence's window and it is
 * not a blanket: an item spanning more than a week must fit within the window's length, so
 * one "January to June" item cannot stand for 181 daily occurrences. (A weekly report still
 * evidences each day of its week, as a backup summary does.)
 */
const BLANKET_DAYS = 7;

function evidences(
  item: { from: string; to: string },
  window: { from: string; to: string },
): boolean {
  if (item.from > window.to || window.from > item.to) return false;
  const span = daysBetween(item.from, item.to);
  return span < BLANKET_DAYS || span <= daysBetween(window.from, window.to);
}

/** The day before the same date a year later (a 29 February start runs to 28 February). */
function yearEnd(from: string): string {
  const [year, rest] = [Number(from.slice(0, 4)), from.slice(4)];
  const anniversary = `${String(year + 1).padStart(4, "0")}${rest}`;
  return addDays(isCalendarDate(anniversary) ? anniversary : `${year + 1}-03-01`, -1);
}

/**
 * A yearly control is expected once in each twelve months of the period, counted from its
 * first day, whatever calendar years the period straddles; a shorter period expects it once.
 */
function yearlyOccurrences(period: CalendarPeriod, timeZone: string): Occurrence[] {
  const windows: { from: string; to: string }[] = [];
  for (let from = period.from; from <= period.to; from = addDays(yearEnd(from), 1)) {
    windows.push({ from, to: yearEnd(from) });
  }
  const complete = windows.filter((w) => w.to <= period.to);
  const chosen = complete.length > 0 ? complete : [{ from: period.from, to: period.to }];
  return chosen.map((w, index) => ({
    key: `year-${index + 1}`,
    label: `the year from ${dateInWords(w.from)} to ${dateInWords(w.to)}`,
    from: w.from,
    to: w.to,
    startsAt: zonedMidnight(w.from, timeZone).toISOString(),
    endsAt: zonedMidnight(addDays(w.to, 1), timeZone).toISOString(),
  }));
}

/**
 * The occurrences that fall due within the period: a window the period's end cuts short (the
 * last quarter of a period ending in October) is not due until after it, so it is left out.
 * A window that began before the period but ends inside it is due inside it and stays. When
 * no window ends inside the period (an annual control in a six-month period), the windows
 * that overlap it are expected: the control must still have operated once.
 */
export function dueOccurrences(
  frequency: Exclude<ControlFrequency, "event-driven">,
  period: CalendarPeriod,
  timeZone: string,
): Occurrence[] {
  if (frequency === "annual") return yearlyOccurrences(period, timeZone);
  // A control that runs all the time is inspected at points in the period: its quarters, the
  // cadence its evidence is refreshed at (domain/freshness.ts).
  const cadence = frequency === "continuous" ? "quarterly" : frequency;
  const windows = expectedOccurrences(cadence, period, timeZone);
  const due = windows.filter((w) => windowAround(cadence, w.from).to <= period.to);
  return due.length > 0 ? due : windows;
}

/**
 * Where a control's population comes from. Calendar frequencies expect windows; event-driven
 * controls (hires, leavers, changes, vendors onboarded) are the events recorded as evidence.
 * The extension point for registers of people, vendors and systems is `PopulationSource`.
 */
export function populationSource(frequency: ControlFrequency): PopulationSource {
  return frequency === "event-driven" ? "events" : "calendar";
}

export function eventKey(evidenceId: string): string {
  return `ev-${evidenceId.replaceAll("-", "").slice(0, 12)}`;
}

/**
 * The control's population over the period as it stands on `today` (the organization's local
 * date, when given): an occurrence that has not ended by today is not in the population yet,
 * so a period still running is sampled only up to today (a week running past today, or a
 * quarter not yet over, waits for a later draw). Without `today` the whole period counts.
 */
export function buildPopulation(
  frequency: ControlFrequency,
  period: CalendarPeriod,
  timeZone: string,
  evidence: readonly DatedEvidence[],
  today?: string,
): Population {
  const ended = (occurrence: { to: string }) => today === undefined || occurrence.to <= today;
  if (frequency === "event-driven") {
    // Each recorded event is one occurrence, keyed by its evidence id (which never changes),
    // shortened so people can type it: 48 bits will not collide within one control's events.
    const items = evidence
      .filter((e) => e.from >= period.from && e.from <= period.to)
      .filter((e) => today === undefined || e.from <= today)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1))
      .map((e) => ({
        key: eventKey(e.id),
        label: `${e.title} (${dateInWords(e.from)})`,
        from: e.from,
        to: e.to,
        evidence: [e.id],
      }));
    return { items, missing: [] };
  }
  const items = dueOccurrences(frequency, period, timeZone)
    .filter(ended)
    .map((occurrence) => ({
      key: occurrence.key,
      label: occurrence.label,
      from: occurrence.from,
      to: occurrence.to,
      evidence: evidence.filter((e) => evidences(e, occurrence)).map((e) => e.id),
    }));
  return { items, missing: items.filter((i) => i.evidence.length === 0).map((i) => i.key) };
}
