import { describe, expect, it } from "vitest";
import { computeReadiness } from "./readiness.ts";
import type { ReadinessControl } from "./readiness.ts";

function control(ref: string, criteria: string[], status: ReadinessControl["status"]) {
  return { ref, title: `Control ${ref}`, status, statusReason: null, criteria };
}

const securityOnly = { categories: ["security" as const], exclusions: [] };

describe("computeReadiness", () => {
  it("reports every security criterion as a gap when no control exists", () => {
    const report = computeReadiness({ ...securityOnly, controls: [] });
    expect(report.criteria).toHaveLength(33);
    expect(report.criteria.every((c) => c.status === "gap")).toBe(true);
    expect(report.criteria[0]?.reasons).toEqual(["No control is mapped to this criterion."]);
    expect(report.overall).toMatchObject({ percent: 0, gap: 33, covered: 0 });
  });

  it("moves a criterion from gap to partial to covered as its controls are implemented", () => {
    const statuses = (a: ReadinessControl["status"], b: ReadinessControl["status"]) =>
      computeReadiness({
        ...securityOnly,
        controls: [control("AC-01", ["CC6.1"], a), control("AC-02", ["CC6.1"], b)],
      }).criteria.find((c) => c.id === "CC6.1");
    expect(statuses("not-started", "in-progress")?.status).toBe("gap");
    const partial = statuses("implemented", "in-progress");
    expect(partial?.status).toBe("partial");
    expect(partial?.score).toBe(0.5);
    expect(partial?.reasons).toEqual([
      "1 of 2 applicable controls are in place (missing: AC-02).",
      "AC-02 (Control AC-02) is in progress.",
    ]);
    const covered = statuses("implemented", "implemented");
    expect(covered?.status).toBe("covered");
    expect(covered?.reasons).toEqual(["All 2 applicable controls are in place."]);
  });

  it("leaves not-applicable controls out of the count, and says so when none applies", () => {
    const na = { ...control("AS-02", ["CC6.4"], "not-applicable"), statusReason: "fully remote" };
    const onlyNa = computeReadiness({ ...securityOnly, controls: [na] });
    const cc64 = onlyNa.criteria.find((c) => c.id === "CC6.4");
    expect(cc64?.status).toBe("gap");
    expect(cc64?.reasons[0]).toContain("AS-02: fully remote");
    const withOther = computeReadiness({
      ...securityOnly,
      controls: [na, control("AS-03", ["CC6.4"], "implemented")],
    });
    expect(withOther.criteria.find((c) => c.id === "CC6.4")?.status).toBe("covered");
  });

  it("marks excluded criteria not relevant with their reason and leaves them out of the percent", () => {
    const report = computeReadiness({
      categories: ["security"],
      exclusions: [{ criterionId: "CC6.4", reason: "no offices; cloud provider carved out" }],
      controls: [control("AC-01", ["CC6.1"], "implemented")],
    });
    const cc64 = report.criteria.find((c) => c.id === "CC6.4");
    expect(cc64?.status).toBe("not-relevant");
    expect(cc64?.reasons).toEqual(["Marked not relevant: no offices; cloud provider carved out"]);
    // 1 covered out of 32 relevant criteria.
    expect(report.overall.percent).toBe(3.1);
    expect(report.overall.notRelevant).toBe(1);
  });

  it("ignores mappings to criteria outside the scope and tallies each category", () => {
    const report = computeReadiness({
      categories: ["security", "availability"],
      exclusions: [],
      controls: [
        control("BC-01", ["A1.1", "A1.2"], "implemented"),
        control("PV-01", ["P1.1"], "implemented"),
      ],
    });
    expect(report.criteria.map((c) => c.id)).not.toContain("P1.1");
    const availability = report.categories.find((c) => c.id === "availability");
    expect(availability).toMatchObject({ criteria: 3, covered: 2, gap: 1, percent: 66.7 });
  });

  it("lets a failing evidence or test signal keep an implemented control from counting", () => {
    const stale: ReadinessControl = {
      ...control("AC-05", ["CC6.2"], "implemented"),
      signals: [
        { source: "evidence", ok: false, reason: "its evidence is overdue since 2026-01-31" },
      ],
    };
    const cc62 = computeReadiness({ ...securityOnly, controls: [stale] }).criteria.find(
      (c) => c.id === "CC6.2",
    );
    expect(cc62?.status).toBe("gap");
    expect(cc62?.reasons).toContain(
      "AC-05 (Control AC-05) is implemented but its evidence is overdue since 2026-01-31.",
    );
  });

  it("orders gaps: unmapped criteria first, then closest to done, then partial ones", () => {
    const report = computeReadiness({
      ...securityOnly,
      controls: [
        control("X-01", ["CC1.1"], "not-started"),
        control("X-02", ["CC1.1"], "not-started"),
        control("X-03", ["CC1.2"], "not-started"),
        control("X-04", ["CC1.3"], "implemented"),
        control("X-05", ["CC1.3"], "in-progress"),
        ...[
          "CC1.4 CC1.5 CC2.1 CC2.2 CC2.3 CC3.1 CC3.2 CC3.3 CC3.4 CC4.1 CC4.2 CC5.1 CC5.2",
          "CC5.3 CC6.1 CC6.2 CC6.3 CC6.4 CC6.5 CC6.6 CC6.7 CC6.8 CC7.1 CC7.2 CC7.3 CC7.4",
          "CC7.5 CC8.1 CC9.1",
        ]
          .join(" ")
          .split(" ")
          .map((id, i) => control(`Y-${i}`, [id], "implemented")),
      ],
    });
    expect(report.gaps.map((g) => g.id)).toEqual(["CC9.2", "CC1.2", "CC1.1", "CC1.3"]);
    expect(report.nextControls[0]).toMatchObject({ ref: "X-05", criteria: ["CC1.3"] });
  });

  it("ranks the controls that would help the most open criteria first", () => {
    const report = computeReadiness({
      ...securityOnly,
      controls: [
        control("A-01", ["CC6.1"], "not-started"),
        control("B-01", ["CC6.1", "CC6.2", "CC6.3"], "not-started"),
        control("C-01", ["CC6.2"], "implemented"),
      ],
    });
    expect(report.nextControls.map((n) => [n.ref, n.criteria.length])).toEqual([
      ["B-01", 3],
      ["A-01", 1],
    ]);
  });

  it("counts a control mapped twice to one criterion once, and reads exclusions in any case", () => {
    const report = computeReadiness({
      categories: ["security"],
      exclusions: [{ criterionId: "cc6.4", reason: "no offices at all" }],
      controls: [
        control("A-1", ["CC6.1", "cc6.1"], "implemented"),
        control("B-1", ["CC6.1"], "not-started"),
      ],
    });
    const cc61 = report.criteria.find((c) => c.id === "CC6.1");
    expect(cc61).toMatchObject({
      controls: ["A-1", "B-1"],
      applicable: 2,
      effective: 1,
      score: 0.5,
    });
    expect(report.criteria.find((c) => c.id === "CC6.4")).toMatchObject({
      status: "not-relevant",
      score: null,
    });
  });

  it("explains not-applicable controls even on a covered criterion", () => {
    const na = { ...control("AS-02", ["CC6.4"], "not-applicable"), statusReason: "no offices" };
    const report = computeReadiness({
      ...securityOnly,
      controls: [na, control("AS-03", ["CC6.4"], "implemented")],
    });
    expect(report.criteria.find((c) => c.id === "CC6.4")?.reasons).toEqual([
      "All 1 applicable controls are in place.",
      "AS-02 (Control AS-02) is not applicable: no offices.",
    ]);
  });

  it("reports 100% for a category whose criteria are all excluded", () => {
    const report = computeReadiness({
      categories: ["security", "confidentiality"],
      exclusions: [
        { criterionId: "C1.1", reason: "we hold no confidential data" },
        { criterionId: "C1.2", reason: "we hold no confidential data" },
      ],
      controls: [],
    });
    expect(report.categories.find((c) => c.id === "confidentiality")?.percent).toBe(100);
    expect(report.overall.percent).toBe(0);
  });
});
