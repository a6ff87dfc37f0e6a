/**
 * Whether a control's evidence is current. Evidence for one window of the control's cadence
 * (a month, for a monthly control) makes the next window's evidence due by that next
 * window's last day; the day after, the control is overdue. Yearly evidence is due again a
 * year after the date it is for.
 */
import type { ControlFrequency } from "../catalog/types.ts";
import { addDays, windowAround } from "./periods.ts";
import type { CalendarFrequency } from "./periods.ts";
import type { ControlSignal } from "./readiness.ts";

export type FreshnessState = "current" | "overdue" | "missing";

export interface Freshness {
  state: FreshnessState;
  /** Last date any current evidence is for, or null. */
  lastEvidenceFor: string | null;
  /** Last day the next evidence may be for before the control is overdue; null if unscheduled. */
  dueBy: string | null;
  reason: string;
}

/**
 * How often evidence must be refreshed. A continuous control (enforced by a system) still
 * needs its configuration shown again each quarter; an event-driven one has no calendar.
 */
export function evidenceCadence(frequency: ControlFrequency): CalendarFrequency | null {
  if (frequency === "event-driven") return null;
  return frequency === "continuous" ? "quarterly" : frequency;
}

export function computeFreshness(
  frequency: ControlFrequency,
  evidence: readonly { from: string; to: string }[],
  today: string,
): Freshness {
  const last = evidence.reduce<string | null>(
    (max, e) => (max === null || e.to > max ? e.to : max),
    null,
  );
  if (last === null) {
    return {
      state: "missing",
      lastEvidenceFor: null,
      dueBy: null,
      reason: "it has no evidence yet",
    };
  }
  const cadence = evidenceCadence(frequency);
  if (cadence === null) {
    return {
      state: "current",
      lastEvidenceFor: last,
      dueBy: null,
      reason: `its latest evidence is for ${last} (event-driven: due when events occur)`,
    };
  }
  // A yearly task is due a year after it was last done, not at the end of next calendar
  // year (which could be almost two years on).
  const next =
    cadence === "annual"
      ? { label: "the yearly occurrence", to: addDays(last, 365) }
      : windowAround(cadence, addDays(windowAround(cadence, last).to, 1));
  if (today > next.to) {
    return {
      state: "overdue",
      lastEvidenceFor: last,
      dueBy: next.to,
      reason: `its evidence is overdue: the latest is for ${last}, and ${next.label} was due by ${next.to}`,
    };
  }
  return {
    state: "current",
    lastEvidenceFor: last,
    dueBy: next.to,
    reason: `its latest evidence is for ${last}; the next is due by ${next.to}`,
  };
}

/** What readiness needs to know: an implemented control counts only with current evidence. */
export function freshnessSignal(freshness: Freshness): ControlSignal {
  return { source: "evidence", ok: freshness.state === "current", reason: freshness.reason };
}
