/**
 * The CI dependency check's verdict on `npm audit --json` answers, in the shape npm documents
 * (report format 2): it must fail on a fixable high or critical advisory and on nothing else.
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { assess } from "../../scripts/audit-deps.mjs";

interface Verdict {
  unavailable?: string;
  serious?: { name: string }[];
}
const verdict = (report: unknown) => assess(report) as Verdict;

const advisory = (name: string, severity: string, fixAvailable: unknown) => ({
  name,
  severity,
  isDirect: false,
  via: [],
  effects: [],
  range: "<1.2.3",
  nodes: [`node_modules/${name}`],
  fixAvailable,
});

describe("the dependency advisory check", () => {
  it("fails on fixable high and critical advisories only", () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        a: advisory("a", "critical", { name: "a", version: "1.2.3", isSemVerMajor: false }),
        b: advisory("b", "high", true),
        c: advisory("c", "high", false),
        d: advisory("d", "moderate", true),
      },
      metadata: { vulnerabilities: { moderate: 1, high: 2, critical: 1, total: 4 } },
    };
    expect(verdict(report).serious?.map((v) => v.name)).toEqual(["a", "b"]);
  });

  it("passes a clean report", () => {
    const report = { auditReportVersion: 2, vulnerabilities: {}, metadata: {} };
    expect(verdict(report).serious).toEqual([]);
  });

  it("says when the advisory service did not answer, rather than failing", () => {
    const refused = {
      message:
        "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      error: { summary: "", detail: "" },
    };
    expect(verdict(refused).unavailable).toContain("405");
    expect(verdict(undefined).unavailable).toBe("no answer");
  });
});
