import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enableTotp, signIn } from "../../test/support/accounts.ts";
import { cli, json } from "../../test/support/cli.ts";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { client, createApi, createOrgViaApi, setupOwner } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";

const OWNER = "olivia@acme.example";
let t: TestContext;
let api: Api;
let owner: Client;
beforeEach(async () => {
  t = await createTestContext();
  api = await createApi(t);
  owner = await setupOwner(t, api, OWNER);
  await createOrgViaApi(owner, "Acme");
});
afterEach(async () => {
  await api.close();
  await t.close();
});

describe("attest users", () => {
  it("lists accounts with their two-factor state and organizations", async () => {
    const listed = json<{ email: string; totpEnabled: boolean; memberships: unknown[] }[]>(
      await cli(t.database.env, "users", "--json"),
    );
    expect(listed).toEqual([
      expect.objectContaining({
        email: OWNER,
        totpEnabled: false,
        memberships: [{ organization: "acme", role: "owner" }],
      }),
    ]);
  });

  it("turns two-factor off for someone who lost their authenticator, signing them out", async () => {
    await enableTotp(t, owner);
    const before = await signIn(api, OWNER);
    expect(before.response.json()).toEqual({ status: "totp-required" });
    const result = await cli(t.database.env, "users", "turn-off-two-factor", OWNER);
    expect(result.code).toBe(0);
    expect((await owner.request("GET", "/api/v1/auth/session")).statusCode).toBe(401);
    const after = await signIn(api, OWNER);
    expect(after.response.json()).toMatchObject({ status: "signed-in" });
  });

  it("prints a reset link that works once and signs the person out", async () => {
    const reset = json<{ link: string }>(
      await cli(
        { ...t.database.env, ATTEST_PUBLIC_URL: "https://attest.acme.example" },
        "users",
        "reset-link",
        OWNER,
        "--json",
      ),
    );
    expect(reset.link).toMatch(/^https:\/\/attest\.acme\.example\/reset-password\/confirm\?token=/);
    const token = new URL(reset.link).searchParams.get("token");
    const confirm = { token, password: "a fresh passphrase for olivia" };
    const anonymous = client(api);
    expect(
      (await anonymous.request("POST", "/api/v1/auth/password-reset/confirm", confirm)).statusCode,
    ).toBe(204);
    expect(
      (await anonymous.request("POST", "/api/v1/auth/password-reset/confirm", confirm)).statusCode,
    ).toBe(401);
    expect((await owner.request("GET", "/api/v1/auth/session")).statusCode).toBe(401);
    expect((await signIn(api, OWNER, "a fresh passphrase for olivia")).response.statusCode).toBe(
      200,
    );
  });

  it("adds a member whose one-time link sets a password they then sign in with", async () => {
    const added = json<{ link: string; role: string }>(
      await cli(
        { ...t.database.env, ATTEST_PUBLIC_URL: "https://attest.acme.example" },
        "users",
        "add",
        "--email",
        "dana@ledger.example",
        "--name",
        "Dana Whitfield",
        "--role",
        "auditor",
        "--json",
      ),
    );
    expect(added.role).toBe("auditor");
    const token = new URL(added.link).searchParams.get("token");
    const confirm = { token, password: "a long passphrase for dana's audits" };
    const anonymous = client(api);
    expect(
      (await anonymous.request("POST", "/api/v1/auth/password-reset/confirm", confirm)).statusCode,
    ).toBe(204);
    expect(
      (await anonymous.request("POST", "/api/v1/auth/password-reset/confirm", confirm)).statusCode,
    ).toBe(401);
    const signedIn = await signIn(api, "dana@ledger.example", confirm.password);
    expect(signedIn.response.statusCode).toBe(200);
    const listed = json<{ email: string; memberships: unknown[] }[]>(
      await cli(t.database.env, "users", "--json"),
    );
    expect(listed.find((u) => u.email === "dana@ledger.example")?.memberships).toEqual([
      { organization: "acme", role: "auditor" },
    ]);
  });

  it("names an unknown account with exit code 5", async () => {
    const result = await cli(t.database.env, "users", "reset-link", "nobody@acme.example");
    expect(result.code).toBe(5);
    expect(result.err).toContain("nobody@acme.example");
  });
});
