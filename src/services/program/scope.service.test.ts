import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { CONTROL_TEMPLATES } from "../../catalog/controls/index.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { unmapControl } from "./controls.service.ts";
import { listControls } from "./controls-read.ts";
import { getReadiness } from "./readiness.service.ts";
import {
  addScopeCategory,
  getScope,
  markCriterionNotRelevant,
  markCriterionRelevant,
  removeScopeCategory,
} from "./scope.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

describe("scope", () => {
  it("adds a category, adopting its controls, and records the change", async () => {
    const before = (await listControls(t.ctx, owner)).length;
    const scope = await addScopeCategory(t.ctx, owner, { category: "privacy" });
    expect(scope.categories).toEqual(["security", "privacy"]);
    const controls = await listControls(t.ctx, owner);
    expect(controls.length).toBeGreaterThan(before);
    expect(controls.find((c) => c.ref === "PV-01")?.criteria.length).toBeGreaterThan(0);
    // A control already adopted for security gains its mappings to the new category's criteria.
    const shared = CONTROL_TEMPLATES.find(
      (tpl) =>
        tpl.criteria.some((id) => id.startsWith("CC")) &&
        tpl.criteria.some((id) => /^P\d/.test(id)),
    );
    expect(shared).toBeDefined();
    const adopted = controls.find((c) => c.ref === shared?.id);
    expect(adopted?.criteria.sort()).toEqual([...(shared?.criteria ?? [])].sort());
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    expect(
      events.some((e) => e.action === "scope.category-added" && e.targetId === "privacy"),
    ).toBe(true);
  });

  it("removes a category and records why; its criteria leave readiness", async () => {
    await addScopeCategory(t.ctx, owner, { category: "availability" });
    const scope = await removeScopeCategory(t.ctx, owner, {
      category: "availability",
      reason: "customers do not ask for uptime commitments",
    });
    expect(scope.categories).toEqual(["security"]);
    expect((await getReadiness(t.ctx, owner)).criteria.map((c) => c.id)).not.toContain("A1.1");
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    expect(events.at(-1)).toMatchObject({
      action: "scope.category-removed",
      targetId: "availability",
    });
  });

  it("keeps a mapping the company removed when another category is added", async () => {
    await unmapControl(t.ctx, owner, "AC-04", { criterion: "CC6.2" });
    await addScopeCategory(t.ctx, owner, { category: "privacy" });
    const controls = await listControls(t.ctx, owner);
    expect(controls.find((c) => c.ref === "AC-04")?.criteria).not.toContain("CC6.2");
  });

  it("drops a removed category's not-relevant marks, so re-adding starts clean", async () => {
    await addScopeCategory(t.ctx, owner, { category: "availability" });
    await markCriterionNotRelevant(t.ctx, owner, {
      criterion: "A1.3",
      reason: "No recovery plan is promised to customers.",
    });
    await removeScopeCategory(t.ctx, owner, { category: "availability" });
    expect((await getScope(t.ctx, owner)).exclusions).toEqual([]);
    await addScopeCategory(t.ctx, owner, { category: "availability" });
    expect((await getScope(t.ctx, owner)).exclusions).toEqual([]);
  });

  it("refuses to remove security, naming it and why, with nothing changed", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => removeScopeCategory(t.ctx, owner, { category: "security" }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain('"security" cannot be removed');
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses unknown, duplicate and absent categories", async () => {
    const unknown = await expectAppError(
      () => addScopeCategory(t.ctx, owner, { category: "uptime" }),
      "VALIDATION_FAILED",
    );
    expect(unknown.message).toContain('unknown category "uptime"');
    await expectAppError(
      () => addScopeCategory(t.ctx, owner, { category: "security" }),
      "CONFLICT",
    );
    await expectAppError(
      () => removeScopeCategory(t.ctx, owner, { category: "privacy" }),
      "INVALID_STATE",
    );
  });

  it("marks a criterion not relevant only with a written reason", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const missing = await expectAppError(
      () => markCriterionNotRelevant(t.ctx, owner, { criterion: "CC6.4", reason: "" }),
      "VALIDATION_FAILED",
    );
    expect(missing.fieldErrors[0]?.field).toBe("reason");
    await expectAppError(
      () => markCriterionNotRelevant(t.ctx, owner, { criterion: "CC6.4", reason: "n/a" }),
      "VALIDATION_FAILED",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);

    const scope = await markCriterionNotRelevant(t.ctx, owner, {
      criterion: "cc6.4",
      reason: "No offices; the data centres are the cloud provider's (carved out).",
    });
    expect(scope.exclusions).toMatchObject([{ criterionId: "CC6.4", createdBy: "ana" }]);
    const readiness = await getReadiness(t.ctx, owner);
    expect(readiness.criteria.find((c) => c.id === "CC6.4")?.status).toBe("not-relevant");

    const restored = await markCriterionRelevant(t.ctx, owner, { criterion: "CC6.4" });
    expect(restored.exclusions).toEqual([]);
  });

  it("refuses to mark unknown or out-of-scope criteria not relevant", async () => {
    const reason = "we never process personal data of consumers";
    const unknown = await expectAppError(
      () => markCriterionNotRelevant(t.ctx, owner, { criterion: "CC9.9", reason }),
      "VALIDATION_FAILED",
    );
    expect(unknown.message).toContain('unknown criterion "CC9.9"');
    const outOfScope = await expectAppError(
      () => markCriterionNotRelevant(t.ctx, owner, { criterion: "P1.1", reason }),
      "VALIDATION_FAILED",
    );
    expect(outOfScope.message).toContain("privacy, which is not in scope");
  });

  it("lets only owners and admins change the scope", async () => {
    for (const role of ["auditor", "employee", "control-owner"] as const) {
      await expectAppError(
        () => addScopeCategory(t.ctx, as(owner, role), { category: "privacy" }),
        "FORBIDDEN",
      );
    }
    await addScopeCategory(t.ctx, as(owner, "admin"), { category: "privacy" });
    expect((await getScope(t.ctx, as(owner, "control-owner"))).categories).toContain("privacy");
    // The organization's scope is not an auditor's: they read their engagements' frozen one.
    for (const role of ["auditor", "employee"] as const) {
      await expectAppError(() => getScope(t.ctx, as(owner, role)), "FORBIDDEN");
    }
  });
});
