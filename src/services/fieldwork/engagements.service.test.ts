import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl, unmapControl } from "../program/controls.service.ts";
import {
  advanceEngagement,
  createEngagement,
  listEngagements,
  showEngagement,
} from "./engagements.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { categories: ["security", "availability"] });
});
afterEach(async () => {
  await t.close();
});

const type2 = { type: 2 as const, from: "2026-04-01", to: "2026-09-30", auditFirm: "Ledger & Co" };

describe("creating engagements", () => {
  it("creates a Type 2 over six months and a Type 1 as of a date, numbered in order", async () => {
    const first = await createEngagement(t.ctx, owner, type2);
    expect(first).toMatchObject({
      number: 1,
      type: 2,
      periodFrom: "2026-04-01",
      periodTo: "2026-09-30",
      categories: ["security", "availability"],
      status: "planning",
      snapshot: null,
      // Auditors are assigned accounts; no names are typed for a new engagement.
      firmTeam: [],
    });
    const second = await createEngagement(t.ctx, owner, {
      type: "1",
      asOf: "2026-10-31",
      auditFirm: "Ledger & Co",
      categories: ["security"],
    });
    expect(second).toMatchObject({
      number: 2,
      type: 1,
      asOf: "2026-10-31",
      categories: ["security"],
    });
    expect((await listEngagements(t.ctx, owner)).map((e) => e.number)).toEqual([1, 2]);
    expect((await showEngagement(t.ctx, owner, "E-2")).id).toBe(second.id);
  });

  it("refuses a Type 2 under six months unless the reason is given, and records it", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const short = { ...type2, to: "2026-08-31" };
    const error = await expectAppError(
      () => createEngagement(t.ctx, owner, short),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("covers 5 whole months");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    const allowed = await createEngagement(t.ctx, owner, {
      ...short,
      periodReason: "First audit: a customer contract requires a report by December.",
    });
    expect(allowed.periodReason).toContain("First audit");
  });

  it("asks a reason for a Type 2 over twelve months and refuses one over two years", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const year = { ...type2, from: "2025-01-01", to: "2025-12-31" };
    expect((await createEngagement(t.ctx, owner, year)).periodReason).toBeNull();
    const afterYear = await snapshotDatabase(t.ctx.db);
    const thirteen = { ...type2, from: "2024-01-01", to: "2025-01-01" };
    const long = await expectAppError(
      () => createEngagement(t.ctx, owner, thirteen),
      "VALIDATION_FAILED",
    );
    expect(long.fieldErrors[0]?.field).toBe("periodReason");
    expect(long.message).toContain("runs over 12 months");
    expect(await snapshotDatabase(t.ctx.db)).toBe(afterYear);
    const withReason = await createEngagement(t.ctx, owner, {
      ...thirteen,
      periodReason: "Aligns the report with the fiscal year after a one-off change.",
    });
    expect(withReason.periodReason).toContain("fiscal year");

    const twoYears = {
      ...type2,
      from: "2022-01-01",
      to: "2023-12-31",
      periodReason: "x".repeat(20),
    };
    expect((await createEngagement(t.ctx, owner, { ...twoYears, confirmGap: true })).number).toBe(
      3,
    );
    const afterTwo = await snapshotDatabase(t.ctx.db);
    for (const to of ["2024-01-01", "2027-12-31"]) {
      const refused = await expectAppError(
        () => createEngagement(t.ctx, owner, { ...twoYears, to, confirmGap: true }),
        "VALIDATION_FAILED",
      );
      expect(refused.fieldErrors[0]?.field).toBe("to");
      expect(refused.message).toContain("end it by 2023-12-31");
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(afterTwo);
    expect(before).not.toBe(afterTwo);
  });

  it("warns of a gap after the previous Type 2 and needs it confirmed, recording the gap", async () => {
    await createEngagement(t.ctx, owner, { ...type2, from: "2025-07-01", to: "2025-12-31" });
    // Periods that meet (the next day) or overlap need nothing more.
    await createEngagement(t.ctx, owner, { ...type2, from: "2026-01-01", to: "2026-06-30" });
    const before = await snapshotDatabase(t.ctx.db);
    const late = { ...type2, from: "2026-09-01", to: "2027-02-28" };
    const gap = await expectAppError(
      () => createEngagement(t.ctx, owner, late),
      "VALIDATION_FAILED",
    );
    expect(gap.fieldErrors[0]?.field).toBe("confirmGap");
    expect(gap.message).toContain(
      "leaving 2026-07-01 to 2026-08-31 covered by no report after E-2",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    const confirmed = await createEngagement(t.ctx, owner, { ...late, confirmGap: true });
    expect(confirmed.number).toBe(3);
    const created = (await listAuditLog(t.ctx, owner, { action: "engagement.created" })).items[0];
    expect(created?.data).toMatchObject({ confirmedGap: { from: "2026-07-01", to: "2026-08-31" } });
    // A Type 1 leaves no gap to confirm.
    await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-12-31", auditFirm: "Ledger" });
  });

  it("refuses mixed-up dates, categories out of scope and a missing firm, naming the field", async () => {
    const cases: [Parameters<typeof createEngagement>[2], string][] = [
      [{ type: 1, auditFirm: "X" }, "asOf"],
      [{ type: 1, asOf: "2026-10-31", from: "2026-01-01", auditFirm: "X" }, "from"],
      [{ ...type2, from: "2026-10-01" }, "to"],
      [{ ...type2, to: undefined }, "to"],
      [{ ...type2, categories: ["privacy"] }, "categories.0"],
      [{ ...type2, auditFirm: " " }, "auditFirm"],
      [{ ...type2, type: 3 as never }, "type"],
      [{ ...type2, from: "2026-02-30" }, "from"],
      [{ ...type2, from: "1999-01-01" }, "from"],
      [{ type: 1, asOf: "2031-01-01", auditFirm: "X" }, "asOf"],
    ];
    for (const [input, field] of cases) {
      const error = await expectAppError(
        () => createEngagement(t.ctx, owner, input),
        "VALIDATION_FAILED",
      );
      expect(error.fieldErrors[0]?.field, error.message).toBe(field);
    }
  });

  it("is managed by owners and admins; auditors read only the engagements assigned to them", async () => {
    await expectAppError(() => createEngagement(t.ctx, as(owner, "auditor"), type2), "FORBIDDEN");
    await expectAppError(
      () => createEngagement(t.ctx, as(owner, "control-owner"), type2),
      "FORBIDDEN",
    );
    const first = await createEngagement(t.ctx, as(owner, "admin"), type2);
    const second = await createEngagement(t.ctx, owner, type2);
    expect(await listEngagements(t.ctx, as(owner, "auditor"))).toHaveLength(0);
    const assigned = as(owner, "auditor", "user:kim", { engagements: [first.id] });
    expect((await listEngagements(t.ctx, assigned)).map((e) => e.id)).toEqual([first.id]);
    expect((await showEngagement(t.ctx, assigned, "E-1")).id).toBe(first.id);
    await expectAppError(() => showEngagement(t.ctx, assigned, second.id), "NOT_FOUND");
  });
});

describe("the engagement's steps", () => {
  it("moves one step at a time, refuses skips, and goes back only with a reason", async () => {
    await createEngagement(t.ctx, owner, type2);
    expect((await advanceEngagement(t.ctx, owner, "E-1")).status).toBe("readiness-review");
    const skip = await expectAppError(
      () => advanceEngagement(t.ctx, owner, "E-1", { to: "fieldwork" }),
      "INVALID_STATE",
    );
    expect(skip.message).toBe(
      "E-1 cannot skip from readiness-review to fieldwork; the next step is remediation",
    );
    await expectAppError(
      () => advanceEngagement(t.ctx, owner, "E-1", { to: "planning" }),
      "VALIDATION_FAILED",
    );
    const back = await advanceEngagement(t.ctx, owner, "E-1", {
      to: "planning",
      reason: "The auditor asked to revisit the scope.",
    });
    expect(back.status).toBe("planning");
  });

  it("freezes the controls and mappings at fieldwork, whatever changes later", async () => {
    await createEngagement(t.ctx, owner, type2);
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, "E-1");
    const frozen = (await showEngagement(t.ctx, owner, "E-1")).snapshot;
    expect(frozen?.controls.find((c) => c.ref === "AC-04")?.criteria).toContain("CC6.2");
    await unmapControl(t.ctx, owner, "AC-04", { criterion: "CC6.2" });
    await updateControl(t.ctx, owner, "AC-04", { title: "Renamed later" });
    const still = (await showEngagement(t.ctx, owner, "E-1")).snapshot;
    expect(still).toEqual(frozen);
    expect(still?.controls.find((c) => c.ref === "AC-04")?.title).not.toBe("Renamed later");
  });

  it("never shows another organization's engagement", async () => {
    await createEngagement(t.ctx, owner, type2);
    const other = await createOrg(t.ctx, { name: "Other", adoptLibrary: false });
    await expectAppError(() => showEngagement(t.ctx, other, "E-1"), "NOT_FOUND");
    await expectAppError(() => advanceEngagement(t.ctx, other, "E-1"), "NOT_FOUND");
    expect(await listEngagements(t.ctx, other)).toEqual([]);
  });
});
