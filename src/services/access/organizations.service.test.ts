import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, operator } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { CONTROL_TEMPLATES } from "../../catalog/controls/index.ts";
import { criteriaInCategories } from "../../catalog/index.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import { verifyChain } from "../../domain/audit-chain.ts";
import { listControls } from "../program/controls-read.ts";
import {
  createOrganization,
  listOrganizationsForOperator,
  operatorActor,
} from "./organizations.service.ts";
import { getScope } from "../program/scope.service.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe("createOrganization", () => {
  it("creates the organization with security always in scope and adopts the library", async () => {
    const result = await createOrganization(t.ctx, operator, {
      name: "Acme Cloud, Inc.",
      systemName: "Acme Platform",
      timeZone: "Europe/Paris",
      categories: ["availability", "Confidentiality"],
    });
    expect(result.organization).toMatchObject({
      slug: "acme-cloud-inc",
      systemName: "Acme Platform",
      timeZone: "Europe/Paris",
    });
    expect(result.categories).toEqual(["security", "availability", "confidentiality"]);
    const actor = await operatorActor(t.ctx, operator, undefined);
    const controls = await listControls(t.ctx, actor);
    const inScope = new Set(
      criteriaInCategories(["security", "availability", "confidentiality"]).map((c) => c.id),
    );
    const expected = CONTROL_TEMPLATES.filter((tpl) => tpl.criteria.some((id) => inScope.has(id)));
    expect(controls.map((c) => c.ref).sort()).toEqual(expected.map((tpl) => tpl.id).sort());
    // Copies map only to criteria in scope, and start not started.
    for (const control of controls) {
      expect(
        control.criteria.every((id) => inScope.has(id)),
        control.ref,
      ).toBe(true);
      expect(control.status).toBe("not-started");
    }
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(actor));
    expect(events.slice(0, 2).map((e) => e.action)).toEqual([
      "organization.created",
      "signing-key.created",
    ]);
    expect(events).toHaveLength(2 + controls.length);
    expect(verifyChain(events)).toBeNull();
  });

  it("refuses a second organization whose name makes the same slug, naming it", async () => {
    await createOrganization(t.ctx, operator, { name: "Acme" });
    const error = await expectAppError(
      () => createOrganization(t.ctx, operator, { name: "ACME!" }),
      "CONFLICT",
    );
    expect(error.message).toContain("(acme); use it with --org acme");
    const second = await createOrganization(t.ctx, operator, { name: "Acme Two" });
    expect(await listOrganizationsForOperator(t.ctx)).toHaveLength(2);
    await expectAppError(() => operatorActor(t.ctx, operator, undefined), "VALIDATION_FAILED");
    const chosen = await operatorActor(t.ctx, operator, "ACME-TWO");
    expect(chosen.organizationId).toBe(second.organization.id);
  });

  it("stores the time zone as the zone database spells it", async () => {
    const { organization } = await createOrganization(t.ctx, operator, {
      name: "Acme",
      timeZone: "europe/paris",
    });
    expect(organization.timeZone).toBe("Europe/Paris");
  });

  it("refuses an unknown category or time zone, naming the value, and writes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const badCategory = await expectAppError(
      () => createOrganization(t.ctx, operator, { name: "Acme", categories: ["securty"] }),
      "VALIDATION_FAILED",
    );
    expect(badCategory.message).toContain('unknown category "securty"');
    expect(badCategory.fieldErrors[0]?.field).toBe("categories.0");
    const badZone = await expectAppError(
      () => createOrganization(t.ctx, operator, { name: "Acme", timeZone: "Mars/Olympus" }),
      "VALIDATION_FAILED",
    );
    expect(badZone.message).toContain('unknown time zone "Mars/Olympus"');
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("answers NOT_FOUND with a hint when no organization exists", async () => {
    const error = await expectAppError(
      () => operatorActor(t.ctx, operator, undefined),
      "NOT_FOUND",
    );
    expect(error.message).toContain("attest init");
    await expectAppError(() => operatorActor(t.ctx, operator, "nope"), "NOT_FOUND");
  });

  it("can create an organization without adopting the library", async () => {
    const result = await createOrganization(t.ctx, operator, {
      name: "Bare",
      adoptLibrary: false,
    });
    expect(result.adoption).toBeNull();
    const actor = await operatorActor(t.ctx, operator, "bare");
    expect(await listControls(t.ctx, actor)).toEqual([]);
    expect((await getScope(t.ctx, actor)).categories).toEqual(["security"]);
  });
});
