/**
 * Every multi-step write is one transaction: when its last step fails, the earlier ones are
 * rolled back. The failure is planted in the database itself: a trigger refuses any new audit
 * event, so the service's final step (recording what it did) fails after its other writes.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { createControl, updateControl } from "../program/controls.service.ts";
import { addScopeCategory } from "../program/scope.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

async function refuseAuditEvents(): Promise<void> {
  const db = t.ctx.db.kysely;
  if (t.ctx.db.engine === "sqlite") {
    await sql`create trigger planted_failure before insert on audit_events
      begin select raise(abort, 'planted failure'); end`.execute(db);
    return;
  }
  await sql`create function planted_failure() returns trigger language plpgsql as
    $$ begin raise exception 'planted failure'; end $$`.execute(db);
  await sql`create trigger planted_failure before insert on audit_events
    for each row execute function planted_failure()`.execute(db);
}

async function expectPlantedFailure(work: () => Promise<unknown>): Promise<void> {
  await expect(work()).rejects.toThrow("planted failure");
}

describe("atomic writes", () => {
  it("rolls back a control update when its audit event cannot be written", async () => {
    await refuseAuditEvents();
    const before = await snapshotDatabase(t.ctx.db);
    await expectPlantedFailure(() =>
      updateControl(t.ctx, owner, "AC-04", { status: "implemented" }),
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("rolls back a category, its adopted controls and mappings together", async () => {
    await refuseAuditEvents();
    const before = await snapshotDatabase(t.ctx.db);
    await expectPlantedFailure(() => addScopeCategory(t.ctx, owner, { category: "privacy" }));
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("rolls back a new control and its mappings", async () => {
    await refuseAuditEvents();
    const before = await snapshotDatabase(t.ctx.db);
    await expectPlantedFailure(() =>
      createControl(t.ctx, owner, {
        ref: "ACME-01",
        title: "t",
        description: "d",
        kind: "detective",
        automation: "manual",
        frequency: "weekly",
        criteria: ["CC7.2"],
      }),
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("concurrent writers of one organization", () => {
  it("all succeed, with an unbroken audit chain, on both engines", async () => {
    const creates = Array.from({ length: 4 }, (_, i) =>
      createControl(t.ctx, owner, {
        ref: `PAR-0${i}`,
        title: `Parallel ${i}`,
        description: "Created concurrently.",
        kind: "preventive",
        automation: "manual",
        frequency: "monthly",
        criteria: ["CC1.1", "CC2.1"],
      }),
    );
    const updates = ["AC-01", "AC-02", "AC-03"].map((ref) =>
      updateControl(t.ctx, owner, ref, { status: "in-progress" }),
    );
    const results = await Promise.allSettled([
      ...creates,
      ...updates,
      addScopeCategory(t.ctx, owner, { category: "availability" }),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const seqs = await t.ctx.db.kysely
      .selectFrom("audit_events")
      .select("seq")
      .where("organization_id", "=", owner.organizationId)
      .orderBy("seq")
      .execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_, i) => i + 1));
  });
});
