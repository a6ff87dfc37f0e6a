import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, operator } from "../../../test/support/fixtures.ts";
import { verifyAuditLog } from "../platform/audit-log.service.ts";
import { loadDemo } from "./demo.ts";
import { listEvidence } from "../program/evidence.service.ts";
import { operatorActor } from "../access/organizations.service.ts";
import { getReadiness } from "../program/readiness.service.ts";
import { listRiskAssessments } from "../program/risk-assessments.service.ts";
import { listRiskRegister } from "../program/risks.service.ts";
import { getScope } from "../program/scope.service.ts";
import { listShareLinksOf } from "../reporting/report-sharing.service.ts";
import { loadReportPackage } from "../reporting/report-versions.service.ts";
import { engagementResults } from "../fieldwork/testing.service.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-27T15:00:00Z"));
});
afterEach(async () => {
  await t.close();
});

describe("attest demo", () => {
  it("builds the company the README promises", { timeout: 120_000 }, async () => {
    const summary = await loadDemo(t.ctx, operator);
    const actor = await operatorActor(t.ctx, operator, summary.organization);
    expect((await getScope(t.ctx, actor)).categories).toEqual([
      "security",
      "availability",
      "confidentiality",
    ]);
    expect(summary.implemented / summary.controls).toBeGreaterThan(0.8);

    const evidence = await listEvidence(t.ctx, actor);
    const dates = evidence.map((e) => e.forFrom).sort();
    expect(dates[0]! <= "2025-12-01").toBe(true);
    expect(dates.at(-1)! >= "2026-11-01").toBe(true);
    expect(evidence.some((e) => e.kind === "file")).toBe(true);

    const readiness = await getReadiness(t.ctx, actor);
    expect(readiness.overall.percent).toBeGreaterThan(70);
    expect(readiness.overall.percent).toBeLessThan(100);

    const results = await engagementResults(t.ctx, actor, summary.engagement);
    expect(results.engagement).toMatchObject({
      type: 2,
      status: "distributed",
      periodFrom: "2026-05-01",
      periodTo: "2026-10-31",
    });
    const exceptions = results.controls.filter((c) => c.conclusion === "exception-noted");
    expect(exceptions.map((c) => c.controlRef)).toEqual(["CM-02"]);
    expect(exceptions[0]?.exceptions[0]?.managementResponse).toContain("Branch protection");
    expect(
      results.controls.filter((c) => c.conclusion === "operating-effectively").length,
    ).toBeGreaterThan(60);
    expect((await verifyAuditLog(t.ctx, actor)).ok).toBe(true);

    // Carried to a final, shared report: the exception sits under CC8.1 with its response.
    expect(summary.report).toMatchObject({ version: 1, issueDate: "2026-11-27" });
    expect(summary.report.shareLink).toMatch(/^\/shared\/attest_shr_/);
    const pkg = await loadReportPackage(t.ctx, actor, summary.engagement);
    expect(pkg).toMatchObject({ state: "final", descriptionGaps: [] });
    expect(pkg.opinion?.recordedByName).toBe("Dana Whitfield");
    expect(pkg.assertion.approval).not.toBeNull();
    const cc81 = pkg.criteria.find((c) => c.id === "CC8.1");
    const cm02 = cc81?.controls.find((c) => c.ref === "CM-02");
    expect(cc81?.conclusion).toBe("exception-noted");
    expect(cm02?.exceptions[0]?.managementResponse).toContain("Branch protection");
    const withExceptions = new Set(
      pkg.criteria
        .flatMap((c) => c.controls)
        .filter((c) => c.deviations > 0)
        .map((c) => c.ref),
    );
    expect([...withExceptions]).toEqual(["CM-02"]);
    const links = await listShareLinksOf(t.ctx, actor, summary.engagement);
    expect(links.map((l) => l.state)).toEqual(["active"]);

    // A register from the starter library, three risks rescored, and this year's assessment.
    const register = await listRiskRegister(t.ctx, actor);
    expect(register.items.length).toBe(summary.risks.risks);
    expect(register.items.length).toBeGreaterThan(20);
    expect(register.items.filter((r) => r.residualScore < r.inherentScore)).toHaveLength(3);
    const assessments = await listRiskAssessments(t.ctx, actor);
    expect(assessments.map((a) => [a.ref, a.heldOn, a.sha256])).toEqual([
      ["RA-1", "2026-11-27", summary.risks.sha256],
    ]);
    const rm01 = readiness.criteria.find((c) => c.id === "CC3.1");
    expect(rm01?.missing ?? []).not.toContain("RM-01");
  });

  it("refuses a data directory that already holds an organization", async () => {
    await loadDemo(t.ctx, operator);
    await expectAppError(() => loadDemo(t.ctx, operator), "INVALID_STATE");
  }, 120_000);
});
