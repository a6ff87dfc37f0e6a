/**
 * verifyAuditLog against direct-SQL tampering with the demo organization: each case changes
 * rows behind the system's back (the chain left intact), must be reported as exactly the
 * records it touched, and once the rows are back the demo verifies clean again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { operator } from "../../../test/support/fixtures.ts";
import { TAMPER_CASES, recordLines } from "../../../test/support/tampering.ts";
import type { Actor } from "../../domain/actor.ts";
import { operatorActor } from "../access/organizations.service.ts";
import { loadDemo } from "../demo/demo.ts";
import { verifyAuditLog } from "./audit-log.service.ts";

let t: TestContext;
let owner: Actor;
beforeAll(async () => {
  t = await createTestContext(new Date("2026-11-27T15:00:00Z"));
  const summary = await loadDemo(t.ctx, operator);
  owner = await operatorActor(t.ctx, operator, summary.organization);
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe("audit-log verify against direct SQL", () => {
  it("passes the untouched demo, having checked every kind of record", async () => {
    const result = await verifyAuditLog(t.ctx, owner);
    expect(result.records).toEqual([]);
    expect(result).toMatchObject({ ok: true, chain: null, corruptFiles: [] });
    // Evidence, the engagement, its sample, results and tests, the final version, the share
    // link, the auditor's membership, invitation and assignment.
    expect(result.recordsChecked).toBeGreaterThan(1000);
  });

  for (const tamperCase of TAMPER_CASES) {
    it(`reports ${tamperCase.name}`, async () => {
      const tampered = await tamperCase.apply(t.ctx.db.kysely);
      try {
        const result = await verifyAuditLog(t.ctx, owner);
        expect(result.chain).toBeNull();
        expect(result.ok).toBe(false);
        expect(recordLines(result.records)).toEqual([...tampered.expected].sort());
      } finally {
        await tampered.undo();
      }
      expect((await verifyAuditLog(t.ctx, owner)).records).toEqual([]);
    });
  }
});
