import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { fileContent } from "../../../test/support/evidence.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { updateControl } from "./controls.service.ts";
import { listControls } from "./controls-read.ts";
import { addEvidence } from "./evidence.service.ts";
import { getReadiness, listOverdueControls } from "./readiness.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup), {
  organization: { categories: ["security", "availability"] },
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

  it("moves a criterion to partial, then covered, as controls are implemented with evidence", async () => {
    const controls = await listControls(t.ctx, owner);
    const forA13 = controls.filter((c) => c.criteria.includes("A1.3"));
    expect(forA13.length).toBeGreaterThan(1);
    const a13 = async () =>
      (await getReadiness(t.ctx, owner)).criteria.find((c) => c.id === "A1.3");
    const implementWithEvidence = async (ref: string) => {
      await updateControl(t.ctx, owner, ref, { status: "implemented" });
      await addEvidence(t.ctx, owner, fileContent(`evidence for ${ref}`), {
        title: `${ref} evidence`,
        controls: [ref],
        forDate: "2026-03-01",
      });
    };

    // Implemented but without evidence, a control does not count yet, and the reason says so.
    const first = forA13[0]!.ref;
    await updateControl(t.ctx, owner, first, { status: "implemented" });
    const unproven = await a13();
    expect(unproven?.status).toBe("gap");
    expect(unproven?.reasons.join(" ")).toContain(
      `${first} (${forA13[0]!.title}) is implemented but it has no evidence yet`,
    );

    await implementWithEvidence(first);
    expect((await a13())?.status).toBe("partial");
    for (const control of forA13.slice(1)) await implementWithEvidence(control.ref);
    expect((await a13())?.status).toBe("covered");
    const report = await getReadiness(t.ctx, owner);
    expect(report.overall.covered).toBeGreaterThanOrEqual(1);
    expect(report.gaps.map((g) => g.id)).not.toContain("A1.3");

    // A year and a half later, calendar-driven evidence is stale: the criterion is not covered.
    t.advance(540 * 24 * 3600 * 1000);
    const stale = await a13();
    expect(stale?.status).not.toBe("covered");
    expect(stale?.reasons.join(" ")).toContain("its evidence is overdue");
  });

  it("is readable by control owners but not by auditors or employees", async () => {
    await getReadiness(t.ctx, as(owner, "control-owner"));
    await expectAppError(() => getReadiness(t.ctx, as(owner, "auditor")), "FORBIDDEN");
    await expectAppError(() => getReadiness(t.ctx, as(owner, "employee")), "FORBIDDEN");
  });
});

describe("listOverdueControls", () => {
  it("shows an auditor only the overdue controls their engagements cover", async () => {
    await updateControl(t.ctx, owner, "AC-04", { status: "implemented" });
    expect((await listOverdueControls(t.ctx, owner)).map((c) => c.ref)).toContain("AC-04");
    const unassigned = as(owner, "auditor", "user:kim", { engagements: [] });
    expect(await listOverdueControls(t.ctx, unassigned)).toEqual([]);
  });
});
