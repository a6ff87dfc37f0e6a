import { sql } from "kysely";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { createEngagement, showEngagement } from "./engagements.service.ts";
import { up } from "../../db/migrations/0016_engagement_firm.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
});
afterEach(async () => {
  await t.close();
});

describe("migration 0016: auditors' names become the firm's team", () => {
  it("keeps the names an engagement had, under the firm's team", async () => {
    const owner = await createOrg(t.ctx, { categories: ["security"] });
    const e = await createEngagement(t.ctx, owner, {
      type: 1,
      asOf: "2026-10-31",
      auditFirm: "Ledger & Co",
    });
    // The database as it stood before 0016, with names typed at creation (and recorded so).
    const db = t.ctx.db.kysely as unknown as Kysely<unknown>;
    await sql`alter table engagements rename column firm_team to auditors`.execute(db);
    const names = JSON.stringify(["Kim Park", "Omar Reyes"]);
    await sql`update engagements set auditors = ${names} where id = ${e.id}`.execute(db);
    await up(db);
    const migrated = await showEngagement(t.ctx, owner, "E-1");
    expect(migrated.firmTeam).toEqual(["Kim Park", "Omar Reyes"]);
    expect(migrated.auditFirm).toBe("Ledger & Co");
  });
});
