/**
 * Access proved against the trail: the first account's ownership given at setup, an
 * organization's creator, API tokens and invitations, each changed by direct SQL and caught
 * by verifyAuditLog.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { TEST_PASSWORD } from "../../../test/support/http.ts";
import { recordLines } from "../../../test/support/tampering.ts";
import { actorIn } from "../../domain/actor.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import { createApiToken, revokeMyApiToken } from "../access/api-tokens.service.ts";
import { completeSetup, issueSetupToken } from "../access/auth.service.ts";
import { createInvitation } from "../access/invitations.service.ts";
import { createOrganization } from "../access/organizations.service.ts";
import { verifyAuditLog } from "./audit-log.service.ts";

let t: TestContext;
let acme: Actor;
let olivia: Principal & { email: string };
beforeEach(async () => {
  t = await createTestContext();
  acme = await createOrg(t.ctx, { adoptLibrary: false, name: "Acme" });
  const token = await issueSetupToken(t.ctx);
  await completeSetup(
    t.ctx,
    {
      token: token ?? "",
      email: "olivia@acme.example",
      name: "Olivia Owner",
      password: TEST_PASSWORD,
    },
    { address: null, userAgent: null },
  );
  const { id } = await t.ctx.db.kysely
    .selectFrom("users")
    .select("id")
    .where("email", "=", "olivia@acme.example")
    .executeTakeFirstOrThrow();
  olivia = { kind: "user", id, name: "Olivia Owner", email: "olivia@acme.example" };
});
afterEach(async () => {
  await t.close();
});

const tamper = (statement: ReturnType<typeof sql>) => statement.execute(t.ctx.db.kysely);

async function problems(actor: Actor): Promise<string[]> {
  const result = await verifyAuditLog(t.ctx, actor);
  expect(result.chain).toBeNull();
  expect(result.ok).toBe(result.records.length === 0);
  return recordLines(result.records);
}

describe("access against the audit trail", () => {
  it("proves the ownership setup gives the first account, which setup now records", async () => {
    expect(await problems(acme)).toEqual([]);
    const joined = await t.ctx.db.kysely
      .selectFrom("audit_events")
      .select(["action", "actor_id", "data"])
      .where("organization_id", "=", acme.organizationId)
      .where("target_id", "=", olivia.id)
      .execute();
    expect(joined).toEqual([
      {
        action: "member.joined",
        actor_id: olivia.id,
        data: '{"email":"olivia@acme.example","role":"owner"}',
      },
    ]);
    await tamper(sql`delete from memberships where user_id = ${olivia.id}`);
    expect(await problems(acme)).toEqual([
      "member olivia@acme.example: the trail says they are a member as owner but their membership is gone",
    ]);
  });

  it("proves a signed-in creator's ownership, their API tokens and invitations", async () => {
    const { organization } = await createOrganization(t.ctx, olivia, {
      name: "Beta",
      adoptLibrary: false,
    });
    const owner = actorIn(olivia, organization.id, "owner");
    const { token } = await createApiToken(t.ctx, owner, { name: "ci", scopes: ["read"] });
    const revoked = await createApiToken(t.ctx, owner, { name: "old", scopes: ["read"] });
    await revokeMyApiToken(t.ctx, owner, revoked.token.id);
    const { invitation } = await createInvitation(
      t.ctx,
      owner,
      { email: "sam@beta.example", role: "employee" },
      null,
    );
    expect(await problems(owner)).toEqual([]);

    await tamper(sql`update api_tokens set scopes = '["read","evidence:write"]'
      where id = ${token.id}`);
    await tamper(sql`update api_tokens set revoked_at = null where id = ${revoked.token.id}`);
    await tamper(sql`update invitations set role = 'admin', expires_at = '2099-01-01T00:00:00.000Z'
      where id = ${invitation.id}`);
    await tamper(sql`update memberships set role = 'employee' where user_id = ${olivia.id}
      and organization_id = ${organization.id}`);
    const revokedAt = t.ctx.now().toISOString();
    expect(await problems(owner)).toEqual(
      [
        `API token ${token.id}: its scopes are read, evidence:write but were recorded as read`,
        `API token ${revoked.token.id}: its revocation is none but was recorded as ${revokedAt}`,
        `invitation ${invitation.id}: its expiry is 2099-01-01T00:00:00.000Z but was recorded as ${invitation.expiresAt}`,
        `invitation ${invitation.id}: its role is admin but was recorded as employee`,
        "member olivia@acme.example: their role is employee but the trail says owner",
      ].sort(),
    );
    // Acme, made before setup, is untouched.
    expect(await problems(acme)).toEqual([]);
  });
});
