import { describe, expect, it } from "vitest";
import type { ControlSample, PopulationItem, SnapshotControl } from "./engagement.ts";
import {
  INQUIRY_ALONE_WORDING,
  NO_OCCURRENCES_WORDING,
  concludeControl,
  concludeCriteria,
} from "./test-results.ts";
import type { ControlTest, ControlToConclude, ItemResult } from "./test-results.ts";

const test: ControlTest = {
  controlRef: "CM-02",
  methods: ["inspection"],
  procedure: "Inspected pull requests.",
  tester: "Kim",
  testerEmail: "kim@audit.example",
  enteredBy: null,
  testedOn: "2026-10-20",
  design: null,
  designNotes: null,
};

const result = (itemKey: string, outcome: ItemResult["result"], ref = "CM-02"): ItemResult => ({
  controlRef: ref,
  itemKey,
  result: outcome,
  description: outcome === "exception" ? "No approval." : null,
  recordedBy: "Kim",
  recordedByEmail: "kim@audit.example",
  enteredBy: null,
  recordedAt: "2026-10-20T10:00:00.000Z",
  managementResponse: null,
  respondedBy: null,
  respondedAt: null,
});

const occurrence = (key: string, evidence = ["ev"]): PopulationItem => ({
  key,
  label: `the month ${key}`,
  from: "2026-01-01",
  to: "2026-01-31",
  evidence,
});

/** A sample of `items` from a population of those items plus `others`, `missing` unevidenced. */
function drawn(
  items: string[],
  missing: string[] = [],
  others: string[] = [],
): Pick<ControlSample, "items" | "population" | "missing"> {
  const all = [...items, ...others];
  return {
    items,
    population: all.map((key) => occurrence(key, missing.includes(key) ? [] : ["ev"])),
    missing,
  };
}

const type2 = (over: Partial<ControlToConclude> = {}): ControlToConclude => ({
  type: 2,
  control: { ref: "CM-02", status: "implemented" },
  sample: drawn(["a", "b"]),
  test,
  results: [],
  ...over,
});

describe("concludeControl", () => {
  it("is operating effectively only with a test and every sampled item passed", () => {
    const partial = concludeControl(type2({ results: [result("a", "pass")] }));
    expect(partial).toMatchObject({ conclusion: "not-tested", awaitingResult: ["b"] });
    expect(partial.note).toBe("1 sampled item of 2 still without a result.");
    expect(
      concludeControl(
        type2({ test: undefined, results: [result("a", "pass"), result("b", "pass")] }),
      ).conclusion,
    ).toBe("not-tested");
    const effective = concludeControl(
      type2({ results: [result("a", "pass"), result("b", "pass")] }),
    );
    expect(effective).toMatchObject({
      conclusion: "operating-effectively",
      deviations: 0,
      tested: 2,
      note: null,
      awaitingResult: [],
      summary: "0 deviations in 2 items (2 tested)",
    });
  });

  it("notes an exception, counting deviations over the sample size, and ignores items outside it", () => {
    const outcome = concludeControl(
      type2({
        sample: drawn(["a", "b", "c"]),
        results: [result("a", "exception"), result("b", "pass"), result("zzz", "exception")],
      }),
    );
    expect(outcome).toMatchObject({
      conclusion: "exception-noted",
      deviations: 1,
      sampleSize: 3,
      tested: 2,
      summary: "1 deviation in 3 items (2 tested)",
    });
  });

  it("counts a sampled occurrence with no evidence as a deviation, not as untested", () => {
    // Two quarters expected, neither evidenced, nothing recorded yet: two deviations.
    const outcome = concludeControl(
      type2({ sample: drawn(["q1", "q2"], ["q1", "q2"]), results: [] }),
    );
    expect(outcome).toMatchObject({
      conclusion: "exception-noted",
      deviations: 2,
      tested: 0,
      summary: "2 deviations in 2 items (0 tested)",
      missingOccurrences: [
        { itemKey: "q1", label: "the month q1" },
        { itemKey: "q2", label: "the month q2" },
      ],
      awaitingResult: ["q1", "q2"],
    });
    // Once recorded as an exception it is counted once, as the recorded exception.
    const recorded = concludeControl(
      type2({
        sample: drawn(["q1", "q2"], ["q1"]),
        results: [result("q1", "exception"), result("q2", "pass")],
      }),
    );
    expect(recorded).toMatchObject({ deviations: 1, missingOccurrences: [], awaitingResult: [] });
  });

  it("says a control with no occurrences was not tested because nothing called for it", () => {
    const outcome = concludeControl(type2({ sample: drawn([]), test: undefined }));
    expect(outcome).toMatchObject({
      conclusion: "no-occurrences",
      note: NO_OCCURRENCES_WORDING,
      sampleSize: 0,
    });
    expect(outcome.note).toContain("did not occur during the period");
  });

  it("never concludes operating effectively on inquiry alone", () => {
    const outcome = concludeControl(
      type2({
        test: { ...test, methods: ["inquiry"] },
        results: [result("a", "pass"), result("b", "pass")],
      }),
    );
    expect(outcome).toMatchObject({ conclusion: "not-tested", note: INQUIRY_ALONE_WORDING });
    expect(
      concludeControl(
        type2({
          test: { ...test, methods: ["inquiry", "observation"] },
          results: [result("a", "pass"), result("b", "pass")],
        }),
      ).conclusion,
    ).toBe("operating-effectively");
  });

  it("leaves out a control not in place at the freeze, whatever was recorded for it", () => {
    for (const status of ["not-started", "in-progress"] as const) {
      const outcome = concludeControl(
        type2({ control: { ref: "CM-02", status }, results: [result("a", "exception")] }),
      );
      expect(outcome).toMatchObject({
        conclusion: "not-implemented",
        deviations: 0,
        sampleSize: 0,
      });
    }
    expect(
      concludeControl({ ...type2(), type: 1, control: { ref: "X", status: "in-progress" } })
        .conclusion,
    ).toBe("not-implemented");
  });

  it("uses the design conclusion for a Type 1", () => {
    const type1 = { ...type2(), type: 1 as const, sample: undefined };
    expect(
      concludeControl({ ...type1, test: { ...test, design: "design-deficiency" } }).conclusion,
    ).toBe("design-deficiency");
    expect(concludeControl({ ...type1, test: undefined }).conclusion).toBe("not-evaluated");
  });
});

describe("concludeCriteria", () => {
  const control = (
    ref: string,
    criteria: string[],
    status: SnapshotControl["status"] = "implemented",
  ): SnapshotControl => ({
    id: ref,
    ref,
    title: ref,
    frequency: "monthly",
    automation: "manual",
    status,
    testProcedure: "",
    criteria,
  });
  const conclude = (ref: string, over: Partial<ControlToConclude>) =>
    concludeControl(
      type2({
        control: { ref, status: "implemented" },
        test: { ...test, controlRef: ref },
        ...over,
      }),
    );

  it("carries the worst conclusion of the criterion's controls, skipping not-applicable ones", () => {
    const controls = [
      control("A", ["CC8.1", "CC5.2"]),
      control("B", ["CC8.1"]),
      control("C", ["CC5.2"], "not-applicable"),
    ];
    const outcomes = new Map([
      ["A", conclude("A", { sample: drawn(["x"]), results: [result("x", "pass", "A")] })],
      ["B", conclude("B", { sample: drawn(["y"]), results: [result("y", "exception", "B")] })],
    ]);
    expect(concludeCriteria(2, controls, outcomes, ["CC8.1", "CC5.2", "CC1.1"])).toEqual([
      {
        criterionId: "CC8.1",
        conclusion: "exception-noted",
        controls: ["A", "B"],
        notImplemented: [],
        effect: null,
      },
      {
        criterionId: "CC5.2",
        conclusion: "operating-effectively",
        controls: ["A"],
        notImplemented: [],
        effect: null,
      },
      {
        criterionId: "CC1.1",
        conclusion: "not-tested",
        controls: [],
        notImplemented: [],
        effect: null,
      },
    ]);
  });

  it("shows what leaving out a control not in place does to its criteria", () => {
    const controls = [
      control("A", ["CC6.1", "CC6.2"]),
      control("N", ["CC6.1", "CC6.3"], "in-progress"),
      control("Z", ["CC7.4"]),
    ];
    const outcomes = new Map([
      ["A", conclude("A", { sample: drawn(["x"]), results: [result("x", "pass", "A")] })],
      ["Z", conclude("Z", { sample: drawn([]) })],
    ]);
    const [cc61, cc63, cc74] = concludeCriteria(2, controls, outcomes, ["CC6.1", "CC6.3", "CC7.4"]);
    expect(cc61).toEqual({
      criterionId: "CC6.1",
      conclusion: "operating-effectively",
      controls: ["A"],
      notImplemented: ["N"],
      effect: "N was not in place when the scope was frozen; CC6.1 rests on A alone.",
    });
    expect(cc63).toEqual({
      criterionId: "CC6.3",
      conclusion: "not-implemented",
      controls: [],
      notImplemented: ["N"],
      effect: "No control in place addresses CC6.3: N was not in place when the scope was frozen.",
    });
    expect(cc74?.conclusion).toBe("no-occurrences");
  });

  it("lets a tested control carry a criterion beside one that had no occurrences", () => {
    const controls = [control("A", ["CC7.4"]), control("Z", ["CC7.4"])];
    const outcomes = new Map([
      ["A", conclude("A", { sample: drawn(["x"]), results: [result("x", "pass", "A")] })],
      ["Z", conclude("Z", { sample: drawn([]) })],
    ]);
    expect(concludeCriteria(2, controls, outcomes, ["CC7.4"])[0]?.conclusion).toBe(
      "operating-effectively",
    );
  });
});
