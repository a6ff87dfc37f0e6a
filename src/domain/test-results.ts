/**
 * Tests of controls in an engagement and what follows from them. A Type 2 control is
 * operating effectively only when it was tested by more than inquiry and every sampled item
 * passed; one deviation is reported, and a sampled occurrence with no evidence is a deviation.
 * A Type 1 has no samples: the auditor concludes on design alone. A control that was not in
 * place when the scope was frozen is left out of the controls tested, in both types.
 */
import type { ControlSample, EngagementType, SnapshotControl } from "./engagement.ts";

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
  /** The auditor who performed the test, by name. */
  tester: string;
  /** The auditor's account; null on tests recorded before results were tied to accounts. */
  testerEmail: string | null;
  /** Set when the owner entered the test on the auditor's behalf: the owner's name. */
  enteredBy: string | null;
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
  /** The auditor whose result this is, by name. */
  recordedBy: string;
  /** The auditor's account; null on results recorded before results were tied to accounts. */
  recordedByEmail: string | null;
  /** Set when the owner entered the result on the auditor's behalf: the owner's name. */
  enteredBy: string | null;
  recordedAt: string;
  managementResponse: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
}

export const CONTROL_CONCLUSIONS = [
  "operating-effectively",
  "exception-noted",
  "not-tested",
  /** Type 2: nothing in the period called for the control, so there was nothing to test. */
  "no-occurrences",
  /** Not in place when the scope was frozen: left out of the controls tested. */
  "not-implemented",
  "suitably-designed",
  "design-deficiency",
  "not-evaluated",
] as const;
export type ControlConclusion = (typeof CONTROL_CONCLUSIONS)[number];

/** Our wording of the phrase reports use for a control that had nothing to act on. */
export const NO_OCCURRENCES_WORDING =
  "The circumstances that call for this control did not occur during the period, so its " +
  "operating effectiveness was not tested.";

export const NOT_IMPLEMENTED_WORDING =
  "The control was not in place when the scope was frozen; it is not among the controls " +
  "described or tested.";

/**
 * Inquiry alone never supports "operating effectively": what people say about a control is not
 * evidence that it ran. Auditing standards ask for inquiry to be combined with observation,
 * inspection or re-performance, and a demanding auditor would not sign on less. So a test
 * resting on inquiry alone is refused where items were sampled (testing.service.ts), and, for
 * tests recorded before that rule, the conclusion is held at "not tested" with this reason
 * rather than silently passed or turned into a deviation the auditor never found.
 */
export const INQUIRY_ALONE_WORDING =
  "The test recorded rests on inquiry alone, which cannot support a conclusion that the " +
  "control operated effectively; observation, inspection or re-performance is needed.";

export function inquiryOnly(methods: readonly TestMethod[]): boolean {
  return methods.length > 0 && methods.every((m) => m === "inquiry");
}

/** A sampled occurrence for which no evidence was found and no result was recorded. */
export interface MissingOccurrence {
  itemKey: string;
  label: string;
}

export interface ControlOutcome {
  controlRef: string;
  conclusion: ControlConclusion;
  sampleSize: number;
  /** Sampled items with a recorded result. */
  tested: number;
  /** Recorded exceptions and sampled occurrences with no evidence and no result. */
  deviations: number;
  /** "1 deviation in 25 items (25 tested)", or "" when not applicable. */
  summary: string;
  /** Why the conclusion is not a plain count, in words; null when it is. */
  note: string | null;
  exceptions: ItemResult[];
  /** Deviations the sample shows by itself: the occurrence expected had no evidence. */
  missingOccurrences: MissingOccurrence[];
  /** Sampled items still waiting for a result (leaving fieldwork needs none). */
  awaitingResult: string[];
}

export interface ControlToConclude {
  type: EngagementType;
  control: Pick<SnapshotControl, "ref" | "status">;
  /** The control's part of the current sample; undefined before one is drawn. */
  sample: Pick<ControlSample, "items" | "population" | "missing"> | undefined;
  test: ControlTest | undefined;
  results: readonly ItemResult[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function concludeControl(input: ControlToConclude): ControlOutcome {
  const { type, control, sample, test } = input;
  const empty = {
    controlRef: control.ref,
    tested: 0,
    deviations: 0,
    summary: "",
    exceptions: [],
    missingOccurrences: [],
    awaitingResult: [],
  };
  if (control.status !== "implemented") {
    return {
      ...empty,
      conclusion: "not-implemented",
      sampleSize: 0,
      note: NOT_IMPLEMENTED_WORDING,
    };
  }
  if (type === 1) {
    return { ...empty, conclusion: test?.design ?? "not-evaluated", sampleSize: 0, note: null };
  }
  if (sample === undefined) {
    return { ...empty, conclusion: "not-tested", sampleSize: 0, note: "No sample drawn yet." };
  }
  if (sample.population.length === 0) {
    return { ...empty, conclusion: "no-occurrences", sampleSize: 0, note: NO_OCCURRENCES_WORDING };
  }
  const inSample = new Set(sample.items);
  const mine = input.results.filter((r) => r.controlRef === control.ref && inSample.has(r.itemKey));
  const recorded = new Set(mine.map((r) => r.itemKey));
  const exceptions = mine.filter((r) => r.result === "exception");
  const missing = new Set(sample.missing);
  const missingOccurrences = sample.items
    .filter((key) => missing.has(key) && !recorded.has(key))
    .map((key) => ({
      itemKey: key,
      label: sample.population.find((p) => p.key === key)?.label ?? key,
    }));
  const awaitingResult = sample.items.filter((key) => !recorded.has(key));
  const deviations = exceptions.length + missingOccurrences.length;
  const size = sample.items.length;
  let conclusion: ControlConclusion = "operating-effectively";
  let note: string | null = null;
  if (deviations > 0) conclusion = "exception-noted";
  else if (size === 0) [conclusion, note] = ["not-tested", "No item was sampled."];
  else if (test === undefined) [conclusion, note] = ["not-tested", "No test is recorded."];
  else if (awaitingResult.length > 0) {
    conclusion = "not-tested";
    note = `${plural(awaitingResult.length, "sampled item")} of ${size} still without a result.`;
  } else if (inquiryOnly(test.methods)) [conclusion, note] = ["not-tested", INQUIRY_ALONE_WORDING];
  return {
    ...empty,
    conclusion,
    sampleSize: size,
    tested: mine.length,
    deviations,
    summary: `${plural(deviations, "deviation")} in ${plural(size, "item")} (${mine.length} tested)`,
    note,
    exceptions,
    missingOccurrences,
    awaitingResult,
  };
}

export interface CriterionOutcome {
  criterionId: string;
  conclusion: ControlConclusion;
  /** Refs of the controls in place mapped to it: those its conclusion rests on. */
  controls: string[];
  /** Refs of mapped controls left out because they were not in place at the freeze. */
  notImplemented: string[];
  /** What leaving those controls out does to the criterion, in words; null when nothing. */
  effect: string | null;
}

function exclusionEffect(criterionId: string, inPlace: string[], left: string[]): string | null {
  if (left.length === 0) return null;
  const were = `${left.join(", ")} ${left.length === 1 ? "was" : "were"} not in place when the scope was frozen`;
  return inPlace.length === 0
    ? `No control in place addresses ${criterionId}: ${were}.`
    : `${were}; ${criterionId} rests on ${inPlace.join(", ")} alone.`;
}

/**
 * A criterion carries the worst conclusion of the controls in place that address it. A control
 * with no occurrences neither helps nor harms a criterion others were tested for; only when
 * every control had none does the criterion say so.
 */
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
      : ["exception-noted", pending, "operating-effectively", "no-occurrences"];
  return criteria.map((criterionId) => {
    const mapped = controls.filter(
      (c) => c.criteria.includes(criterionId) && c.status !== "not-applicable",
    );
    const inPlace = mapped.filter((c) => c.status === "implemented").map((c) => c.ref);
    const notImplemented = mapped.filter((c) => c.status !== "implemented").map((c) => c.ref);
    const conclusions = inPlace.map((ref) => outcomes.get(ref)?.conclusion ?? pending);
    const worst = severity.find((s) => conclusions.includes(s)) ?? pending;
    const conclusion: ControlConclusion =
      inPlace.length > 0 ? worst : notImplemented.length > 0 ? "not-implemented" : pending;
    return {
      criterionId,
      conclusion,
      controls: inPlace,
      notImplemented,
      effect: exclusionEffect(criterionId, inPlace, notImplemented),
    };
  });
}
