import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, createOrg, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { criteriaInCategories } from "../../catalog/index.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Control } from "../../domain/control.ts";
import { advanceEngagement, createEngagement } from "../fieldwork/engagements.service.ts";
import {
  createControl,
  mapControl,
  showControl,
  unmapControl,
  updateControl,
} from "./controls.service.ts";
import { listControls, listControlsPage } from "./controls-read.ts";
import type { CreateControlInput } from "./controls.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const newControl: CreateControlInput = {
  ref: "acme-01",
  title: "Weekly review of production alerts",
  description: "The on-call engineer reviews the week's alerts and files tickets.",
  kind: "detective",
  automation: "it-dependent-manual",
  frequency: "weekly",
  criteria: ["CC7.2", "CC7.3"],
};

describe("the control list's filter (zod/mini over the shared rules)", () => {
  it("answers bad filters as the full schemas do, naming each field", async () => {
    const refused = async (filter: Record<string, string>) =>
      (await expectAppError(() => listControls(t.ctx, owner, filter), "VALIDATION_FAILED"))
        .fieldErrors;
    expect(await refused({ status: "done" })).toEqual([
      {
        field: "status",
        message:
          '"done" is not a control status; use one of not-started, in-progress, implemented, not-applicable',
      },
    ]);
    expect(await refused({ criterion: "CC99.1" })).toEqual([
      {
        field: "criterion",
        message: 'unknown criterion "CC99.1"; ids look like CC6.1 or A1.2 (see attest criteria)',
      },
    ]);
    expect(await refused({ owner: "   " })).toEqual([
      { field: "owner", message: "must not be empty" },
    ]);
    expect(await refused({ colour: "red" })).toEqual([
      { field: "colour", message: "is not a known field" },
    ]);
  });

  it("normalizes what it accepts: a status in any case, a criterion id as typed", async () => {
    const byCriterion = await listControls(t.ctx, owner, { criterion: " cc6.1 " });
    expect(byCriterion.length).toBeGreaterThan(0);
    expect(byCriterion.every((c) => c.criteria.includes("CC6.1"))).toBe(true);
    const notStarted = await listControls(t.ctx, owner, { status: "NOT-STARTED" });
    expect(notStarted.length).toBeGreaterThan(0);
    expect(notStarted.every((c) => c.status === "not-started")).toBe(true);
  });
});

describe("controls", () => {
  it("adds a company control, normalizing its id, with a created event in its history", async () => {
    const control = await createControl(t.ctx, owner, newControl);
    expect(control).toMatchObject({ ref: "ACME-01", status: "not-started", templateId: null });
    const { history } = await showControl(t.ctx, owner, "acme-01");
    expect(history.map((h) => h.action)).toEqual(["control.created"]);
    expect(history[0]?.data).toMatchObject({ criteria: ["CC7.2", "CC7.3"], ref: "ACME-01" });
  });

  it("refuses a duplicate id, an unknown criterion and an out-of-scope one, with nothing written", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const duplicate = await expectAppError(
      () => createControl(t.ctx, owner, { ...newControl, ref: "AC-04" }),
      "CONFLICT",
    );
    expect(duplicate.message).toBe('control "AC-04" already exists');
    const unknown = await expectAppError(
      () => createControl(t.ctx, owner, { ...newControl, criteria: ["CC7.2", "CC2.4"] }),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors).toEqual([
      {
        field: "criteria.1",
        message: 'unknown criterion "CC2.4"; ids look like CC6.1 or A1.2 (see attest criteria)',
      },
    ]);
    const outOfScope = await expectAppError(
      () => createControl(t.ctx, owner, { ...newControl, criteria: ["A1.2"] }),
      "VALIDATION_FAILED",
    );
    expect(outOfScope.message).toContain('"A1.2" belongs to availability, which is not in scope');
    const badEnum = await expectAppError(
      () => createControl(t.ctx, owner, { ...newControl, frequency: "hourly" }),
      "VALIDATION_FAILED",
    );
    expect(badEnum.fieldErrors[0]?.field).toBe("frequency");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("updates status and owner, keeping each change in the history", async () => {
    await updateControl(t.ctx, owner, "AC-04", { owner: "li@acme.test" });
    t.advance(60_000);
    const control = await updateControl(t.ctx, owner, "ac-04", {
      status: "implemented",
      reason: "Quarterly reviews run since January",
    });
    expect(control).toMatchObject({ status: "implemented", owner: "li@acme.test", version: 3 });
    const { history } = await showControl(t.ctx, owner, "AC-04");
    expect(history.map((h) => h.action)).toEqual([
      "control.adopted",
      "control.updated",
      "control.updated",
    ]);
    expect(history[2]?.data).toEqual({
      changes: {
        status: { from: "not-started", to: "implemented" },
        statusReason: { from: null, to: "Quarterly reviews run since January" },
      },
      reason: "Quarterly reviews run since January",
    });
    expect(history[2]?.at).toBe("2026-03-02T09:01:00.000Z");
    // In the audit log's words, from → to.
    expect(history.map((h) => h.sentence)).toEqual([
      "Control AC-04 adopted from the library, mapped to CC6.2 and CC6.3",
      "Control AC-04 owner changed",
      "Control AC-04 marked implemented: Quarterly reviews run since January",
    ]);
    expect(history[1]?.changes).toEqual([{ field: "owner", from: null, to: "li@acme.test" }]);
    expect(history[2]?.changes).toEqual([
      { field: "status", from: "not started", to: "implemented" },
      { field: "status reason", from: null, to: "Quarterly reviews run since January" },
    ]);
  });

  it("needs a reason to mark a control not applicable", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => updateControl(t.ctx, owner, "AS-02", { status: "not-applicable" }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors[0]?.field).toBe("reason");
    expect(error.message).toContain("AS-02 not applicable needs a reason");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    const control = await updateControl(t.ctx, owner, "AS-02", {
      status: "not-applicable",
      reason: "Fully remote company: no offices to secure.",
    });
    expect(control.statusReason).toBe("Fully remote company: no offices to secure.");
    // Leaving not-applicable clears the old reason.
    const back = await updateControl(t.ctx, owner, "AS-02", { status: "in-progress" });
    expect(back.statusReason).toBeNull();
  });

  it("refuses an empty update, unknown fields and unknown controls", async () => {
    await expectAppError(() => updateControl(t.ctx, owner, "AC-04", {}), "VALIDATION_FAILED");
    await expectAppError(
      () => updateControl(t.ctx, owner, "AC-04", { colour: "red" } as never),
      "VALIDATION_FAILED",
    );
    await expectAppError(() => updateControl(t.ctx, owner, "ZZ-99", { owner: "x" }), "NOT_FOUND");
  });

  it("maps and unmaps criteria, refusing out-of-scope and duplicate mappings", async () => {
    const mapped = await mapControl(t.ctx, owner, "AC-04", { criterion: "CC7.2" });
    expect(mapped.criteria).toContain("CC7.2");
    await expectAppError(
      () => mapControl(t.ctx, owner, "AC-04", { criterion: "CC7.2" }),
      "CONFLICT",
    );
    const outOfScope = await expectAppError(
      () => mapControl(t.ctx, owner, "AC-04", { criterion: "C1.1" }),
      "VALIDATION_FAILED",
    );
    expect(outOfScope.message).toContain("attest scope --add confidentiality");
    const unmapped = await unmapControl(t.ctx, owner, "AC-04", { criterion: "CC7.2" });
    expect(unmapped.criteria).not.toContain("CC7.2");
    await expectAppError(
      () => unmapControl(t.ctx, owner, "AC-04", { criterion: "CC7.2" }),
      "INVALID_STATE",
    );
    const { history } = await showControl(t.ctx, owner, "AC-04");
    expect(history.map((h) => h.action).slice(-2)).toEqual(["control.mapped", "control.unmapped"]);
  });

  it("lets a control owner edit only the controls assigned to them", async () => {
    await updateControl(t.ctx, owner, "AC-04", { owner: "user:li" });
    const li = as(owner, "control-owner", "user:li");
    await updateControl(t.ctx, li, "AC-04", { status: "in-progress" });
    await expectAppError(
      () => updateControl(t.ctx, li, "AC-05", { status: "in-progress" }),
      "FORBIDDEN",
    );
    await expectAppError(() => createControl(t.ctx, li, newControl), "FORBIDDEN");
    for (const role of ["auditor", "employee"] as const) {
      await expectAppError(
        () => updateControl(t.ctx, as(owner, role), "AC-04", { status: "implemented" }),
        "FORBIDDEN",
      );
    }
  });
});

describe("an auditor's controls", () => {
  const refs = (controls: Control[]) => controls.map((c) => c.ref).sort();
  async function listed(actor: Actor): Promise<string[]> {
    const all = refs(await listControls(t.ctx, actor));
    const items: Control[] = [];
    let cursor: string | undefined;
    do {
      const page = await listControlsPage(t.ctx, actor, {}, { cursor, limit: 7 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(refs(items)).toEqual(all);
    return all;
  }

  it("lists and opens none without an assignment", async () => {
    const auditor = as(owner, "auditor", "user:kim", { engagements: [] });
    expect(await listed(auditor)).toEqual([]);
    expect(await listed(as(owner, "auditor", "user:kim"))).toEqual([]);
    await expectAppError(() => showControl(t.ctx, auditor, "AC-04"), "NOT_FOUND");
  });

  it("lists and opens exactly the controls their engagement covers, frozen at fieldwork", async () => {
    await createControl(t.ctx, owner, { ...newControl, ref: "ACME-01", criteria: [] });
    await createControl(t.ctx, owner, { ...newControl, ref: "ACME-02" });
    const firm = { auditFirm: "Ledger & Co" };
    const engagement = await createEngagement(t.ctx, owner, {
      type: 1,
      asOf: "2026-02-28",
      ...firm,
    });
    const auditor = as(owner, "auditor", "user:kim", { engagements: [engagement.id] });

    // Before fieldwork: the controls mapped now to criteria of the engagement's categories.
    const inScope = new Set(criteriaInCategories(engagement.categories).map((c) => c.id));
    const covered = refs(
      (await listControls(t.ctx, owner)).filter((c) => c.criteria.some((id) => inScope.has(id))),
    );
    expect(covered).toContain("ACME-02");
    expect(covered).not.toContain("ACME-01");
    expect(await listed(auditor)).toEqual(covered);
    const { control, history } = await showControl(t.ctx, auditor, "acme-02");
    expect(control.ref).toBe("ACME-02");
    expect(history.map((h) => h.action)).toEqual(["control.created"]);
    await expectAppError(() => showControl(t.ctx, auditor, "ACME-01"), "NOT_FOUND");

    // At fieldwork: the frozen set, whatever is mapped since.
    let advanced = engagement;
    for (let step = 0; step < 3; step += 1) {
      advanced = await advanceEngagement(t.ctx, owner, engagement.id);
    }
    expect(advanced.status).toBe("fieldwork");
    const frozen = refs((advanced.snapshot?.controls ?? []) as Control[]);
    expect(frozen).toEqual(covered);
    await createControl(t.ctx, owner, { ...newControl, ref: "ACME-03" });
    await mapControl(t.ctx, owner, "ACME-01", { criterion: "CC7.2" });
    expect(await listed(auditor)).toEqual(frozen);
    await expectAppError(() => showControl(t.ctx, auditor, "ACME-03"), "NOT_FOUND");
    await expectAppError(() => showControl(t.ctx, auditor, "ACME-01"), "NOT_FOUND");

    // Other roles still read every control.
    expect(await listed(owner)).toEqual(expect.arrayContaining(["ACME-01", "ACME-03"]));
  });
});

describe("tenant isolation", () => {
  it("answers NOT_FOUND for another organization's controls and never lists them", async () => {
    const other = await createOrg(t.ctx, { name: "Other Co", adoptLibrary: false });
    await createControl(t.ctx, other, { ...newControl, ref: "OTHER-01" });
    await expectAppError(() => showControl(t.ctx, owner, "OTHER-01"), "NOT_FOUND");
    await expectAppError(
      () => updateControl(t.ctx, owner, "OTHER-01", { status: "implemented" }),
      "NOT_FOUND",
    );
    await expectAppError(
      () => mapControl(t.ctx, owner, "OTHER-01", { criterion: "CC1.1" }),
      "NOT_FOUND",
    );
    expect((await listControls(t.ctx, owner)).map((c) => c.ref)).not.toContain("OTHER-01");
    expect((await listControls(t.ctx, other)).map((c) => c.ref)).toEqual(["OTHER-01"]);
    // The same ref may exist in both organizations without conflict.
    await createControl(t.ctx, other, { ...newControl, ref: "AC-04" });
    expect((await showControl(t.ctx, other, "AC-04")).control.templateId).toBeNull();
    expect((await showControl(t.ctx, owner, "AC-04")).control.templateId).toBe("AC-04");
  });
});
