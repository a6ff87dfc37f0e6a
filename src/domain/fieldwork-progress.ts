/**
 * How far an engagement's testing has come: controls concluded and sampled items given a
 * result. The auditor's home shows it per engagement; pure, over the per-control outcomes.
 */
import type { ControlConclusion, ControlOutcome } from "./test-results.ts";

export interface FieldworkProgress {
  /**
   * Controls to conclude on: those of the frozen scope that apply and were in place (one not
   * in place at the freeze is left out of the controls tested, so there is nothing to do).
   */
  controls: number;
  concluded: number;
  /** Sampled items (Type 2), and how many have a result. */
  items: number;
  tested: number;
}

/** Still open: nothing is concluded about these yet. */
const OPEN: readonly ControlConclusion[] = ["not-tested", "not-evaluated"];

export function fieldworkProgress(
  outcomes: readonly Pick<
    ControlOutcome,
    "conclusion" | "sampleSize" | "tested" | "awaitingResult"
  >[],
): FieldworkProgress {
  const tested = outcomes.filter((o) => o.conclusion !== "not-implemented");
  return {
    controls: tested.length,
    // Sampled items still waiting keep a control open, whatever their missing evidence
    // already shows: the auditor has not finished with it.
    concluded: tested.filter((o) => !OPEN.includes(o.conclusion) && o.awaitingResult.length === 0)
      .length,
    items: outcomes.reduce((sum, o) => sum + o.sampleSize, 0),
    tested: outcomes.reduce((sum, o) => sum + o.tested, 0),
  };
}

/** "52 of 87 controls concluded, 412 of 530 items tested" (items left out for a Type 1). */
export function progressWords(p: FieldworkProgress): string {
  const controls = `${p.concluded} of ${p.controls} control${p.controls === 1 ? "" : "s"} concluded`;
  return p.items === 0 ? controls : `${controls}, ${p.tested} of ${p.items} items tested`;
}
