/**
 * A control's population for a Type 2 period: the occurrences its frequency calls for, each
 * with the evidence found for it, or for an event-driven control the events recorded.
 */
import type { ControlFrequency } from "../catalog/types.ts";
import type { PopulationItem } from "./engagement.ts";
import { expectedOccurrences, windowAround } from "./periods.ts";
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

function overlaps(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
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
  const windows = expectedOccurrences(frequency, period, timeZone);
  if (frequency === "continuous") return windows;
  const due = windows.filter((w) => windowAround(frequency, w.from).to <= period.to);
  return due.length > 0 ? due : windows;
}

export function eventKey(evidenceId: string): string {
  return `ev-${evidenceId.replaceAll("-", "").slice(0, 12)}`;
}

export function buildPopulation(
  frequency: ControlFrequency,
  period: CalendarPeriod,
  timeZone: string,
  evidence: readonly DatedEvidence[],
): Population {
  if (frequency === "event-driven") {
    // Each recorded event is one occurrence, keyed by its evidence id (which never changes),
    // shortened so people can type it: 48 bits will not collide within one control's events.
    const items = evidence
      .filter((e) => e.from >= period.from && e.from <= period.to)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1))
      .map((e) => ({
        key: eventKey(e.id),
        label: `${e.title} (${e.from})`,
        from: e.from,
        to: e.to,
        evidence: [e.id],
      }));
    return { items, missing: [] };
  }
  const items = dueOccurrences(frequency, period, timeZone).map((occurrence) => ({
    key: occurrence.key,
    label: occurrence.label,
    from: occurrence.from,
    to: occurrence.to,
    evidence: evidence.filter((e) => overlaps(e, occurrence)).map((e) => e.id),
  }));
  return { items, missing: items.filter((i) => i.evidence.length === 0).map((i) => i.key) };
}
