/**
 * What the risk register adds to readiness, as signals on the controls it evidences: RM-01
 * (the yearly risk assessment) needs an assessment in the last 12 months; RM-02 (the register
 * with treatment decisions) needs every risk reviewed by its date and every high residual risk
 * that is accepted to say who accepted it and why. An organization that keeps no register in
 * Attest (no risk, no assessment) gets no signal: its uploaded evidence speaks for it.
 */
import { addDays } from "./periods.ts";
import type { ControlSignal } from "./readiness.ts";
import { isHighScore } from "./risk.ts";
import type { Risk } from "./risk.ts";

export const ASSESSMENT_CONTROL = "RM-01";
export const REGISTER_CONTROL = "RM-02";

export interface RiskReadinessInput {
  today: string;
  /** The date of the newest assessment, or null. */
  lastAssessmentOn: string | null;
  risks: readonly Pick<
    Risk,
    "ref" | "treatment" | "residualScore" | "reviewDate" | "acceptanceNote"
  >[];
}

const SHOWN = 5;

function refs(list: readonly { ref: string }[]): string {
  const shown = list.slice(0, SHOWN).map((r) => r.ref);
  return list.length > SHOWN
    ? `${shown.join(", ")} and ${list.length - SHOWN} more`
    : shown.join(", ");
}

/** Signals by control ref; empty when the organization keeps no register here. */
export function riskSignals(input: RiskReadinessInput): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  if (input.risks.length === 0 && input.lastAssessmentOn === null) return signals;

  const recent =
    input.lastAssessmentOn !== null && addDays(input.lastAssessmentOn, 365) >= input.today;
  signals.set(ASSESSMENT_CONTROL, [
    {
      source: "risk",
      ok: recent,
      reason: recent
        ? `the last risk assessment was held on ${input.lastAssessmentOn ?? ""}`
        : input.lastAssessmentOn === null
          ? "there has been no risk assessment in the last 12 months (none is recorded)"
          : `there has been no risk assessment in the last 12 months (the last was held on ${input.lastAssessmentOn})`,
    },
  ]);

  const pastReview = input.risks.filter((r) => r.reviewDate < input.today);
  const unacceptedHigh = input.risks.filter(
    (r) =>
      r.treatment === "accept" &&
      isHighScore(r.residualScore) &&
      (r.acceptanceNote === null || r.acceptanceNote.trim() === ""),
  );
  signals.set(REGISTER_CONTROL, [
    {
      source: "risk",
      ok: pastReview.length === 0,
      reason:
        pastReview.length === 0
          ? "every risk is within its review date"
          : `${pastReview.length === 1 ? "1 risk is" : `${pastReview.length} risks are`} past ` +
            `their review date (${refs(pastReview)})`,
    },
    {
      source: "risk",
      ok: unacceptedHigh.length === 0,
      reason:
        unacceptedHigh.length === 0
          ? "every accepted high residual risk has an acceptance note"
          : `${unacceptedHigh.length === 1 ? "1 high residual risk is" : `${unacceptedHigh.length} high residual risks are`} ` +
            `accepted without a note saying who accepted it and why (${refs(unacceptedHigh)})`,
    },
  ]);
  return signals;
}
