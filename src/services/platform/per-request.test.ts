/**
 * The lookups every request makes (the session with its user; the membership with its
 * organization), and the single statement an organization route makes of both. On PostgreSQL
 * they run as statements prepared once per connection, and must keep answering when the
 * server no longer accepts what was prepared.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, testEngine } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { completeSetup, issueSetupToken } from "../access/auth.service.ts";
import { createOrganization } from "../access/organizations.service.ts";
import { hashSecret } from "../access/secrets.ts";
import { findLiveSessionWithUser } from "../../db/credentials.repo.ts";
import { findLiveSessionWithMember } from "../../db/session-member.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { findOrganizationForMember } from "../../db/users.repo.ts";

let t: TestContext;
let token: string;
let userId: string;
let organizationId: string;

beforeEach(async () => {
  t = await createTestContext();
  const issued = await completeSetup(
    t.ctx,
    {
      token: (await issueSetupToken(t.ctx)) ?? "",
      email: "owner@acme.example",
      name: "Olive Owner",
      password: "a long pass phrase for tests",
    },
    { address: null, userAgent: null },
  );
  token = issued.token;
  userId = issued.view.user.id;
  const principal = { kind: "user" as const, id: userId, name: "Olive Owner" };
  const { organization } = await createOrganization(t.ctx, principal, {
    name: "Acme",
    categories: ["security"],
  });
  organizationId = organization.id;
  // An organization the owner of Acme is not a member of.
  const system = { kind: "system" as const, id: "test", name: "test" };
  await createOrganization(t.ctx, system, { name: "Other", categories: ["security"] });
});
afterEach(() => t.close());

async function lookUp(db: Tx) {
  const session = await findLiveSessionWithUser(db, hashSecret(token), t.ctx.now().toISOString());
  const member = await findOrganizationForMember(db, "acme", userId);
  return { user: session?.user.email, organization: member?.organization.name, role: member?.role };
}

const expected = { user: "owner@acme.example", organization: "Acme", role: "owner" };

describe("per-request lookups", () => {
  it("answer the same on every run", async () => {
    for (let i = 0; i < 3; i += 1) expect(await lookUp(t.ctx.db.kysely)).toEqual(expected);
  });

  it("read as one statement, give what the two statements give", async () => {
    const now = t.ctx.now().toISOString();
    const db = t.ctx.db.kysely;
    const apart = await findLiveSessionWithUser(db, hashSecret(token), now);
    for (const handle of ["acme", " ACME ", organizationId]) {
      const together = await findLiveSessionWithMember(db, hashSecret(token), now, handle);
      expect(together).toEqual({
        ...apart,
        member: await findOrganizationForMember(db, handle, userId),
      });
      expect(together?.member?.organization.name).toBe("Acme");
    }
  });

  it("read as one statement, find no membership where the user has none", async () => {
    const now = t.ctx.now().toISOString();
    const db = t.ctx.db.kysely;
    for (const handle of ["other", "nowhere"]) {
      const together = await findLiveSessionWithMember(db, hashSecret(token), now, handle);
      expect(together?.user.id).toBe(userId);
      expect(together?.member).toBeUndefined();
    }
    expect(await findLiveSessionWithMember(db, hashSecret("wrong"), now, "acme")).toBeUndefined();
  });

  it.runIf(testEngine === "postgres")(
    "are prepared once per connection on PostgreSQL, and nothing else is",
    async () => {
      await t.ctx.db.kysely.connection().execute(async (db) => {
        await lookUp(db);
        await lookUp(db);
        const { rows } = await sql<{ statement: string }>`
          select statement from pg_prepared_statements`.execute(db);
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row.statement).toMatch(/^\/\* per-request \*\//);
      });
    },
  );

  it.runIf(testEngine === "postgres")(
    "still answer after a migration changes a table a prepared statement reads",
    async () => {
      await t.ctx.db.kysely.connection().execute(async (db) => {
        expect(await lookUp(db)).toEqual(expected);
        await sql`alter table organizations add column added_later text`.execute(db);
        await sql`alter table sessions add column added_later text`.execute(db);
        expect(await lookUp(db)).toEqual(expected);
        expect(await lookUp(db)).toEqual(expected);
      });
    },
  );
});
