import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { as, createOrg, expectAppError } from "../../test/support/fixtures.ts";
import type { Actor } from "../domain/actor.ts";
import { listControls, updateControl } from "./controls.service.ts";
import { getReadiness } from "./readiness.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext();
  owner = await createOrg(t.ctx, { categories: ["security", "availability"] });
});
afterEach(async () => {
  await t.close();
});

describe("getReadiness", () => {
  it("starts with every criterion in scope a gap, with reasons", async () => {
    const report = await getReadiness(t.ctx, owner);
    expect(report.criteria).toHaveLength(36);
    expect(report.overall).toMatchObject({ percent: 0, gap: 36 });
    for (const criterion of report.criteria) {
      expect(criterion.status).toBe("gap");
      expect(criterion.controls.length, criterion.id).toBeGreaterThan(0);
      expect(criterion.reasons[0]).toMatch(/^0 of \d+ applicable controls are in place/);
    }
  });

  it("moves a criterion to partial, then covered, as its controls are implemented", async () => {
    const controls = await listControls(t.ctx, owner);
    const forA13 = controls.filter((c) => c.criteria.includes("A1.3"));
    expect(forA13.length).toBeGreaterThan(1);
    const status = async () =>
      (await getReadiness(t.ctx, owner)).criteria.find((c) => c.id === "A1.3")?.status;

    await updateControl(t.ctx, owner, forA13[0]!.ref, { status: "implemented" });
    expect(await status()).toBe("partial");
    for (const control of forA13.slice(1)) {
      await updateControl(t.ctx, owner, control.ref, { status: "implemented" });
    }
    expect(await status()).toBe("covered");
    const report = await getReadiness(t.ctx, owner);
    expect(report.overall.covered).toBeGreaterThanOrEqual(1);
    expect(report.overall.percent).toBeGreaterThan(0);
    expect(report.gaps.map((g) => g.id)).not.toContain("A1.3");
  });

  it("is readable by auditors but not by employees", async () => {
    await getReadiness(t.ctx, as(owner, "auditor"));
    await expectAppError(() => getReadiness(t.ctx, as(owner, "employee")), "FORBIDDEN");
  });
});
