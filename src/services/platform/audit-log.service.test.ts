import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { corruptBlob, fileContent, removeBlob } from "../../../test/support/evidence.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog, verifyAuditLog } from "./audit-log.service.ts";
import { addEvidence, listEvidence } from "../program/evidence.service.ts";

let t: TestContext;
let owner: Actor;
let lastSeq: number;
beforeEach(async () => {
  t = await createTestContext();
  owner = await createOrg(t.ctx, { adoptLibrary: false, name: "Acme" });
  await addEvidence(t.ctx, owner, fileContent("policy v1"), {
    title: "Policy",
    forDate: "2026-03-01",
  });
  await addEvidence(t.ctx, owner, fileContent("policy v2"), {
    title: "Policy 2",
    forDate: "2026-03-01",
  });
  lastSeq = (await listAuditLog(t.ctx, owner)).items[0]!.seq;
});
afterEach(async () => {
  await t.close();
});

const tamper = (statement: ReturnType<typeof sql>) => statement.execute(t.ctx.db.kysely);

describe("audit log", () => {
  it("lists events newest first, in words, by dates, and verifies an untouched trail", async () => {
    const { items, nextCursor } = await listAuditLog(t.ctx, owner);
    expect(items.map((e) => [e.seq, e.action])).toEqual([
      [4, "evidence.added"],
      [3, "evidence.added"],
      [2, "signing-key.created"],
      [1, "organization.created"],
    ]);
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({
      target: { type: "evidence", label: "Policy 2" },
      sentence: "Evidence “Policy 2” added, covering 2026-03-01",
      data: { title: "Policy 2", for: { from: "2026-03-01", to: "2026-03-01" } },
    });
    expect((await listAuditLog(t.ctx, owner, { from: "2026-03-03" })).items).toEqual([]);
    expect((await listAuditLog(t.ctx, owner, { to: "2026-03-02" })).items).toHaveLength(4);
    await expectAppError(
      () => listAuditLog(t.ctx, owner, { from: "yesterday" }),
      "VALIDATION_FAILED",
    );
    expect(await verifyAuditLog(t.ctx, owner)).toMatchObject({
      ok: true,
      events: 4,
      chain: null,
      filesChecked: 2,
      corruptFiles: [],
    });
  });

  it("catches a row edited behind the system's back", async () => {
    await tamper(sql`update audit_events set actor_name = 'mallory' where seq = 2`);
    const result = await verifyAuditLog(t.ctx, owner);
    expect(result.ok).toBe(false);
    expect(result.chain).toEqual({ seq: 2, reason: "event 2 was changed after it was written" });
  });

  it("catches a deleted row in the middle", async () => {
    await tamper(sql`delete from audit_events where seq = 2`);
    expect((await verifyAuditLog(t.ctx, owner)).chain).toEqual({
      seq: 2,
      reason: "event 2 is missing (found 3)",
    });
  });

  it("catches the newest events deleted", async () => {
    await tamper(sql`delete from audit_events where seq = ${lastSeq}`);
    expect((await verifyAuditLog(t.ctx, owner)).chain).toEqual({
      seq: lastSeq,
      reason: `events after ${lastSeq - 1} are missing (the newest recorded is ${lastSeq})`,
    });
  });

  it("catches a stored file whose bytes changed, naming it", async () => {
    const [item] = (await listAuditLog(t.ctx, owner, { action: "evidence.added" })).items;
    const sha256 = (item?.data as { sha256: string }).sha256;
    await corruptBlob(t, sha256);
    const result = await verifyAuditLog(t.ctx, owner);
    expect(result.ok).toBe(false);
    expect(result.chain).toBeNull();
    expect(result.corruptFiles).toEqual([
      { sha256, problem: expect.stringContaining("hashes to") },
    ]);
  });

  it("catches a stored file that disappeared", async () => {
    const [item] = (await listAuditLog(t.ctx, owner, { action: "evidence.added" })).items;
    const sha256 = (item?.data as { sha256: string }).sha256;
    await removeBlob(t, sha256);
    expect((await verifyAuditLog(t.ctx, owner)).corruptFiles).toEqual([
      { sha256, problem: "the file is missing" },
    ]);
  });

  it("catches records edited behind the system's back while the chain stays intact", async () => {
    const [first, second] = await listEvidence(t.ctx, owner);
    await tamper(sql`update evidence_items set for_from = '2025-01-01', title = 'Backdated'
      where id = ${first!.id}`);
    await tamper(sql`update evidence_items set removed_at = '2026-03-02T00:00:00.000Z'
      where id = ${second!.id}`);
    const result = await verifyAuditLog(t.ctx, owner);
    expect(result.chain).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.records.map((r) => `${r.target}: ${r.problem}`)).toEqual([
      `evidence ${first!.id}: its title is Backdated but was recorded as ${first!.title}`,
      `evidence ${first!.id}: its period is 2025-01-01..2026-03-01 but was recorded as 2026-03-01..2026-03-01`,
      `evidence ${second!.id}: it is marked removed without a recorded removal`,
    ]);
  });

  it("is for owners, admins and auditors only", async () => {
    await verifyAuditLog(t.ctx, as(owner, "auditor"));
    await expectAppError(() => listAuditLog(t.ctx, as(owner, "employee")), "FORBIDDEN");
    await expectAppError(() => listAuditLog(t.ctx, as(owner, "control-owner")), "FORBIDDEN");
    await expectAppError(() => verifyAuditLog(t.ctx, as(owner, "control-owner")), "FORBIDDEN");
  });
});
