import { describe, expect, it } from "vitest";
import type { SnapshotControl } from "./engagement.ts";
import { concludeControl, concludeCriteria } from "./test-results.ts";
import type { ControlTest, ItemResult } from "./test-results.ts";

const test: ControlTest = {
  controlRef: "CM-02",
  methods: ["inspection"],
  procedure: "Inspected pull requests.",
  tester: "Kim",
  testedOn: "2026-10-20",
  design: null,
  designNotes: null,
};

const result = (itemKey: string, outcome: ItemResult["result"]): ItemResult => ({
  controlRef: "CM-02",
  itemKey,
  result: outcome,
  description: outcome === "exception" ? "No approval." : null,
  recordedBy: "Kim",
  recordedAt: "2026-10-20T10:00:00.000Z",
  managementResponse: null,
  respondedBy: null,
  respondedAt: null,
});

describe("concludeControl", () => {
  it("is operating effectively only with a test and every sampled item passed", () => {
    const keys = ["a", "b"];
    expect(concludeControl(2, "CM-02", keys, test, [result("a", "pass")]).conclusion).toBe(
      "not-tested",
    );
    expect(
      concludeControl(2, "CM-02", keys, undefined, [result("a", "pass"), result("b", "pass")])
        .conclusion,
    ).toBe("not-tested");
    const effective = concludeControl(2, "CM-02", keys, test, [
      result("a", "pass"),
      result("b", "pass"),
    ]);
    expect(effective).toMatchObject({
      conclusion: "operating-effectively",
      deviations: 0,
      tested: 2,
    });
  });

  it("notes an exception, counting deviations over the sample size, and ignores items outside it", () => {
    const outcome = concludeControl(2, "CM-02", ["a", "b", "c"], test, [
      result("a", "exception"),
      result("b", "pass"),
      result("zzz", "exception"),
    ]);
    expect(outcome).toMatchObject({
      conclusion: "exception-noted",
      deviations: 1,
      sampleSize: 3,
      tested: 2,
      summary: "1 deviation in 3 items (2 tested)",
    });
  });

  it("uses the design conclusion for a Type 1", () => {
    expect(
      concludeControl(1, "CM-02", [], { ...test, design: "design-deficiency" }, []).conclusion,
    ).toBe("design-deficiency");
    expect(concludeControl(1, "CM-02", [], undefined, []).conclusion).toBe("not-evaluated");
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

  it("carries the worst conclusion of the criterion's controls, skipping not-applicable ones", () => {
    const controls = [
      control("A", ["CC8.1", "CC5.2"]),
      control("B", ["CC8.1"]),
      control("C", ["CC5.2"], "not-applicable"),
    ];
    const outcomes = new Map([
      [
        "A",
        concludeControl(2, "A", ["x"], { ...test, controlRef: "A" }, [
          { ...result("x", "pass"), controlRef: "A" },
        ]),
      ],
      [
        "B",
        concludeControl(2, "B", ["y"], { ...test, controlRef: "B" }, [
          { ...result("y", "exception"), controlRef: "B" },
        ]),
      ],
    ]);
    expect(concludeCriteria(2, controls, outcomes, ["CC8.1", "CC5.2", "CC1.1"])).toEqual([
      { criterionId: "CC8.1", conclusion: "exception-noted", controls: ["A", "B"] },
      { criterionId: "CC5.2", conclusion: "operating-effectively", controls: ["A"] },
      { criterionId: "CC1.1", conclusion: "not-tested", controls: [] },
    ]);
  });
});
