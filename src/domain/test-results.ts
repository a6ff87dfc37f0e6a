/**
 * Tests of controls in an engagement and what follows from them. A Type 2 control is
 * operating effectively only when every sampled item passed; one exception is reported.
 * A Type 1 has no samples: the auditor concludes on design alone.
 */
import type { EngagementType, SnapshotControl } from "./engagement.ts";

export const TEST_METHODS = ["inquiry", "observation", "inspection", "re-performance"] as const;
export type TestMethod = (typeof TEST_METHODS)[number];

export const ITEM_RESULTS = ["pass", "exception"] as const;
export type ItemResultValue = (typeof ITEM_RESULTS)[number];

export const DESIGN_CONCLUSIONS = ["suitably-designed", "design-deficiency"] as const;
export type DesignConclusion = (typeof DESIGN_CONCLUSIONS)[number];

export interface ControlTest {
  controlRef: string;
  methods: TestMethod[];
  procedure: string;
  tester: string;
  testedOn: string;
  /** Type 1 only. */
  design: DesignConclusion | null;
  designNotes: string | null;
}

export interface ItemResult {
  controlRef: string;
  itemKey: string;
  result: ItemResultValue;
  description: string | null;
  recordedBy: string;
  recordedAt: string;
  managementResponse: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
}

export const CONTROL_CONCLUSIONS = [
  "operating-effectively",
  "exception-noted",
  "not-tested",
  "suitably-designed",
  "design-deficiency",
  "not-evaluated",
] as const;
export type ControlConclusion = (typeof CONTROL_CONCLUSIONS)[number];

export interface ControlOutcome {
  controlRef: string;
  conclusion: ControlConclusion;
  sampleSize: number;
  tested: number;
  deviations: number;
  /** "1 deviation in 25 items" or "" when not applicable. */
  summary: string;
  exceptions: ItemResult[];
}

export function concludeControl(
  type: EngagementType,
  controlRef: string,
  sampleKeys: readonly string[],
  test: ControlTest | undefined,
  results: readonly ItemResult[],
): ControlOutcome {
  const base = { controlRef, sampleSize: sampleKeys.length };
  if (type === 1) {
    const conclusion = test?.design ?? "not-evaluated";
    return { ...base, conclusion, tested: 0, deviations: 0, summary: "", exceptions: [] };
  }
  const inSample = new Set(sampleKeys);
  const mine = results.filter((r) => r.controlRef === controlRef && inSample.has(r.itemKey));
  const exceptions = mine.filter((r) => r.result === "exception");
  const complete = test !== undefined && mine.length === sampleKeys.length && sampleKeys.length > 0;
  const conclusion: ControlConclusion =
    exceptions.length > 0 ? "exception-noted" : complete ? "operating-effectively" : "not-tested";
  const plural = exceptions.length === 1 ? "deviation" : "deviations";
  return {
    ...base,
    conclusion,
    tested: mine.length,
    deviations: exceptions.length,
    summary: `${exceptions.length} ${plural} in ${sampleKeys.length} items (${mine.length} tested)`,
    exceptions,
  };
}

export interface CriterionOutcome {
  criterionId: string;
  conclusion: ControlConclusion;
  controls: string[];
}

/** A criterion carries the worst of its controls' conclusions. */
export function concludeCriteria(
  type: EngagementType,
  controls: readonly SnapshotControl[],
  outcomes: ReadonlyMap<string, ControlOutcome>,
  criteria: readonly string[],
): CriterionOutcome[] {
  const pending: ControlConclusion = type === 1 ? "not-evaluated" : "not-tested";
  const severity: ControlConclusion[] =
    type === 1
      ? ["design-deficiency", pending, "suitably-designed"]
      : ["exception-noted", pending, "operating-effectively"];
  return criteria.map((criterionId) => {
    const mapped = controls.filter(
      (c) => c.criteria.includes(criterionId) && c.status !== "not-applicable",
    );
    const conclusions = mapped.map((c) => outcomes.get(c.ref)?.conclusion ?? pending);
    const worst = severity.find((s) => conclusions.includes(s)) ?? pending;
    return {
      criterionId,
      conclusion: mapped.length === 0 ? pending : worst,
      controls: mapped.map((c) => c.ref),
    };
  });
}
