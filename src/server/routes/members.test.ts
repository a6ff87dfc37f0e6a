import { createHash } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../test/support/accounts.ts";
import type { TestContext } from "../../../test/support/database.ts";
import {
  client,
  createOrgViaApi,
  invite,
  TEST_PASSWORD,
  useApi,
} from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { ApiToken } from "../../domain/account.ts";
import type { SessionView } from "../../services/access/auth.service.ts";
import type { Problem } from "../errors.ts";

const DAY = 86_400_000;

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ t, api, owner, org } = s));

async function createToken(
  maker: Client,
  body: { name?: string; scopes: string[]; expiresInDays?: number },
  where = org,
): Promise<{ token: ApiToken; secret: string }> {
  const response = await maker.request("POST", `/api/v1/orgs/${where}/tokens`, {
    name: "ci",
    ...body,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const link = {
  title: "Branch protection",
  controls: ["CM-03"],
  forDate: "2026-03-01",
  link: "https://github.com/acme/api/settings/branches",
};

describe("API tokens", () => {
  it("show their secret once, in the creation answer, and keep only its hash", async () => {
    const { token, secret } = await createToken(owner, { name: "ci-evidence", scopes: ["read"] });
    expect(secret).toMatch(/^attest_tok_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "ci-evidence", scopes: ["read"], lastUsedAt: null });
    expect(JSON.stringify(token)).not.toContain(secret);

    const script = client(api, { bearer: secret });
    expect((await script.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);

    const list = await owner.request("GET", `/api/v1/orgs/${org}/tokens`);
    expect(list.json<{ items: ApiToken[] }>().items).toEqual([
      { ...token, lastUsedAt: t.ctx.now().toISOString() },
    ]);
    expect(list.body).not.toContain(secret);

    const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(
      t.ctx.db.kysely,
    );
    expect(rows.rows).toHaveLength(1);
    for (const value of Object.values(rows.rows[0] ?? {})) {
      expect(String(value)).not.toContain(secret);
      expect(String(value)).not.toContain(secret.slice("attest_tok_".length));
    }
    expect(rows.rows[0]?.token_hash).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("stop working when they expire", async () => {
    const { secret } = await createToken(owner, { scopes: ["read"], expiresInDays: 1 });
    const script = client(api, { bearer: secret });
    t.advance(DAY - 1000);
    expect((await script.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(200);
    t.advance(1000);
    const expired = await script.request("GET", `/api/v1/orgs/${org}`);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<Problem>().code).toBe("UNAUTHENTICATED");
    const { client: again } = await signIn(api, "olivia@acme.example");
    const list = await again.request("GET", `/api/v1/orgs/${org}/tokens`);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("stop working when revoked", async () => {
    const { token, secret } = await createToken(owner, { scopes: ["read"] });
    const revoked = await owner.request("DELETE", `/api/v1/orgs/${org}/tokens/${token.id}`);
    expect(revoked.statusCode).toBe(204);
    const script = client(api, { bearer: secret });
    expect((await script.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(401);
    const again = await owner.request("DELETE", `/api/v1/orgs/${org}/tokens/${token.id}`);
    expect(again.statusCode).toBe(404);
  });

  it("do only what their scopes allow, whatever the maker's role", async () => {
    const reader = client(api, { bearer: (await createToken(owner, { scopes: ["read"] })).secret });
    expect((await reader.request("GET", `/api/v1/orgs/${org}/evidence`)).statusCode).toBe(200);
    expect((await reader.request("GET", `/api/v1/orgs/${org}/members`)).statusCode).toBe(200);
    const refused = [
      await reader.request("POST", `/api/v1/orgs/${org}/evidence`, link),
      await reader.request("PATCH", `/api/v1/orgs/${org}`, { name: "Renamed" }),
      await reader.request("POST", `/api/v1/orgs/${org}/invitations`, {
        email: "x@acme.example",
        role: "owner",
      }),
      await reader.request("POST", `/api/v1/orgs/${org}/tokens`, { name: "x", scopes: ["read"] }),
      await reader.request("POST", "/api/v1/orgs", { name: "Other", categories: ["security"] }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);

    const writer = client(api, {
      bearer: (await createToken(owner, { scopes: ["evidence:write"] })).secret,
    });
    expect((await writer.request("POST", `/api/v1/orgs/${org}/evidence`, link)).statusCode).toBe(
      201,
    );
    expect((await writer.request("GET", `/api/v1/orgs/${org}/evidence`)).statusCode).toBe(403);
  });

  it("follow the maker's current role and membership", async () => {
    const sam = await invite(api, owner, org, "admin", "sam@acme.example");
    const script = client(api, {
      bearer: (await createToken(sam, { scopes: ["read", "evidence:write"] })).secret,
    });
    expect((await script.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
    const samId = sam.session?.user.id ?? "";
    await owner.request("PATCH", `/api/v1/orgs/${org}/members/${samId}`, { role: "employee" });
    expect((await script.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(403);
    await owner.request("DELETE", `/api/v1/orgs/${org}/members/${samId}`);
    expect((await script.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(401);
  });

  it("belong to one organization", async () => {
    const other = await createOrgViaApi(owner, "Beta");
    const script = client(api, { bearer: (await createToken(owner, { scopes: ["read"] })).secret });
    expect((await script.request("GET", `/api/v1/orgs/${other}`)).statusCode).toBe(404);
    const mine = await script.request("GET", "/api/v1/orgs");
    expect(mine.json<{ items: { slug: string }[] }>().items.map((o) => o.slug)).toEqual([org]);
  });

  it("refuse bad input by field", async () => {
    const response = await owner.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: " ",
      scopes: ["admin"],
      expiresInDays: 1000,
    });
    expect(response.statusCode).toBe(422);
    const fields = response.json<Problem>().errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes.0", "expiresInDays"]));
  });
});

describe("invitations", () => {
  async function inviteLink(email: string, role = "admin", where = org): Promise<string> {
    const response = await owner.request("POST", `/api/v1/orgs/${where}/invitations`, {
      email,
      role,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ link: string; emailed: boolean }>();
    expect(body.emailed).toBe(false);
    expect(body.link).toMatch(/^http:\/\/localhost(:80)?\/invite\/attest_inv_[A-Za-z0-9_-]+$/);
    return decodeURIComponent(body.link.split("/invite/")[1] ?? "");
  }

  const accept = (token: string, by: Client = client(api), body: object = {}) =>
    by.request("POST", `/api/v1/invitations/${token}/accept`, body);
  const newcomer = { name: "Dana Newcomer", password: TEST_PASSWORD };

  it("without SMTP return the link, which works once", async () => {
    const token = await inviteLink("dana@acme.example", "control-owner");
    const preview = await client(api).request("GET", `/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({
      organization: { name: "Acme" },
      email: "dana@acme.example",
      role: "control-owner",
      accountExists: false,
    });
    const dana = client(api);
    const accepted = await accept(token, dana, newcomer);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<SessionView>().memberships).toMatchObject([
      { organization: { slug: org }, role: "control-owner" },
    ]);
    expect((await dana.request("GET", "/api/v1/auth/session")).statusCode).toBe(200);

    const before = await snapshotDatabase(t.ctx.db);
    const again = await accept(token, client(api), { ...newcomer, name: "Mallory" });
    expect(again.statusCode).toBe(404);
    expect((await client(api).request("GET", `/api/v1/invitations/${token}`)).statusCode).toBe(404);
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("stop working when revoked", async () => {
    const token = await inviteLink("dana@acme.example");
    const listed = await owner.request("GET", `/api/v1/orgs/${org}/invitations`);
    const id = listed.json<{ items: { id: string }[] }>().items[0]?.id;
    expect(
      (await owner.request("DELETE", `/api/v1/orgs/${org}/invitations/${id}`)).statusCode,
    ).toBe(204);
    expect((await accept(token, client(api), newcomer)).statusCode).toBe(404);
  });

  it("expire after seven days", async () => {
    const token = await inviteLink("dana@acme.example");
    t.advance(7 * DAY - 1000);
    expect((await client(api).request("GET", `/api/v1/invitations/${token}`)).statusCode).toBe(200);
    t.advance(1000);
    expect((await accept(token, client(api), newcomer)).statusCode).toBe(404);
  });

  it("hold new people to the password policy, and stay open after a refusal", async () => {
    const token = await inviteLink("dana@acme.example");
    const weak = await accept(token, client(api), { name: "Dana", password: "Dana-acme-2026" });
    expect(weak.statusCode).toBe(422);
    expect(weak.json<Problem>().errors?.[0]?.field).toBe("password");
    expect((await accept(token, client(api), newcomer)).statusCode).toBe(200);
  });

  it("need someone with an account to be signed in as the invited address", async () => {
    const sam = await invite(api, owner, org, "employee", "sam@acme.example");
    const beta = await createOrgViaApi(owner, "Beta");
    const token = await inviteLink("sam@acme.example", "admin", beta);

    const anonymous = await accept(token, client(api), { name: "Sam", password: TEST_PASSWORD });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<Problem>().detail).toBe(
      "sign in as sam@acme.example to accept this invitation",
    );
    const dana = await invite(api, owner, org, "employee", "dana@acme.example");
    expect((await accept(token, dana)).statusCode).toBe(401);

    const accepted = await accept(token, sam);
    expect(accepted.statusCode).toBe(200);
    const roles = accepted
      .json<SessionView>()
      .memberships.map((m) => [m.organization.slug, m.role]);
    expect(roles.sort()).toEqual(
      [
        [org, "employee"],
        [beta, "admin"],
      ].sort(),
    );
    const signedIn = await signIn(api, "sam@acme.example");
    expect(signedIn.response.statusCode).toBe(200);
  });

  it("cannot be accepted with an API token, and nothing changes", async () => {
    const sam = await invite(api, owner, org, "employee", "sam@acme.example");
    const beta = await createOrgViaApi(owner, "Beta");
    const token = await inviteLink("sam@acme.example", "admin", beta);
    const script = client(api, { bearer: (await createToken(sam, { scopes: ["read"] })).secret });
    expect((await script.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(200);
    const before = await snapshotDatabase(t.ctx.db);
    const response = await accept(token, script);
    expect(response.statusCode).toBe(403);
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("are refused for someone already a member", async () => {
    await invite(api, owner, org, "employee", "sam@acme.example");
    const response = await owner.request("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "SAM@acme.example",
      role: "admin",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>().errors).toEqual([
      { field: "email", message: "already a member" },
    ]);
  });
});
