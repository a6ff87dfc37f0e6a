import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signIn } from "../../../test/support/accounts.ts";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { client, createApi, setupOwner, TEST_PASSWORD } from "../../../test/support/http.ts";
import type { Api } from "../../../test/support/http.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { issueSetupToken } from "../../services/access/auth.service.ts";
import type { SessionView } from "../../services/access/auth.service.ts";
import type { Problem } from "../errors.ts";

const OWNER = "olivia@acme.example";
const MINUTE = 60_000;

let t: TestContext;
let api: Api;
beforeEach(async () => {
  t = await createTestContext();
  api = await createApi(t);
});
afterEach(async () => {
  await api.close();
  await t.close();
});

async function newSetupToken(): Promise<string> {
  const token = await issueSetupToken(t.ctx);
  if (token === null) throw new Error("already set up");
  return token;
}

function setup(token: string, password = TEST_PASSWORD, email = OWNER) {
  return client(api).request("POST", "/api/v1/setup", {
    token,
    email,
    name: "Olivia Owner",
    password,
  });
}

function sessionCookie(response: { cookies: { name: string; value: string }[] }) {
  return response.cookies.find((c) => c.name === "attest_session")?.value;
}

describe("first-run setup", () => {
  it("creates the first owner with the setup token and signs them in", async () => {
    expect((await client(api).request("GET", "/api/v1/setup")).json()).toEqual({ needed: true });
    const response = await setup(await newSetupToken());
    expect(response.statusCode).toBe(201);
    expect(response.json<SessionView>().user).toMatchObject({ email: OWNER, totpEnabled: false });
    const me = client(api, { cookie: sessionCookie(response) ?? null });
    const session = await me.request("GET", "/api/v1/auth/session");
    expect(session.statusCode).toBe(200);
    expect(session.json<SessionView>().user.email).toBe(OWNER);
    expect((await client(api).request("GET", "/api/v1/setup")).json()).toEqual({ needed: false });
  });

  it("answers 409 once an owner exists, even with the token that made them", async () => {
    const token = await newSetupToken();
    expect((await setup(token)).statusCode).toBe(201);
    const again = await setup(token, TEST_PASSWORD, "mallory@evil.example");
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>()).toMatchObject({ code: "CONFLICT" });
    expect(await issueSetupToken(t.ctx)).toBeNull();
  });

  it("refuses a wrong or replaced token with 401 naming the token, and changes nothing", async () => {
    const replaced = await newSetupToken();
    const current = await newSetupToken();
    const before = await snapshotDatabase(t.ctx.db);
    for (const token of ["attest_set_guessed", replaced]) {
      const response = await setup(token);
      expect(response.statusCode).toBe(401);
      expect(response.json<Problem>()).toMatchObject({
        code: "UNAUTHENTICATED",
        errors: [{ field: "token", message: "not valid" }],
      });
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    expect((await setup(current)).statusCode).toBe(201);
  });

  it("keeps the token usable after a refused password", async () => {
    const token = await newSetupToken();
    const weak = await setup(token, "Password123!");
    expect(weak.statusCode).toBe(422);
    expect((await setup(token)).statusCode).toBe(201);
  });

  it("makes the first account owner of organizations created earlier from the command line", async () => {
    await createOrg(t.ctx, { name: "Acme Cloud" });
    await createOrg(t.ctx, { name: "Beta Labs" });
    const owner = await setupOwner(t, api);
    const memberships = owner.session?.memberships ?? [];
    expect(memberships.map((m) => [m.organization.name, m.role]).sort()).toEqual([
      ["Acme Cloud", "owner"],
      ["Beta Labs", "owner"],
    ]);
    for (const m of memberships) {
      const readiness = await owner.request("GET", `/api/v1/orgs/${m.organization.slug}/readiness`);
      expect(readiness.statusCode).toBe(200);
    }
  });
});

describe("the password policy over the API", () => {
  it.each([
    ["short pass", /at least 12 characters/],
    ["Password123!", /attackers try first/],
    ["passwordpassword", /attackers try first/],
    ["abcabcabcabcabc", /attackers try first/],
    ["bcdefghijklmnop", /simple sequence/],
    ["olivia.martinez7", /your name or email/],
    ["Olivia-Owner-99", /your name or email/],
  ])("refuses %s with a message on the password field", async (password, message) => {
    const response = await setup(await newSetupToken(), password, "olivia.martinez@acme.example");
    expect(response.statusCode).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors).toEqual([
      { field: "password", message: expect.stringMatching(message) },
    ]);
    expect(problem.detail).toMatch(message);
    expect(JSON.stringify(problem)).not.toContain(password);
  });

  it("accepts a long passphrase and stores only its argon2id hash", async () => {
    const passphrase = "seven quiet herons cross the estuary";
    expect((await setup(await newSetupToken(), passphrase)).statusCode).toBe(201);
    const rows = await sql<{ password_hash: string }>`select password_hash from users`.execute(
      t.ctx.db.kysely,
    );
    expect(rows.rows).toHaveLength(1);
    const hash = rows.rows[0]?.password_hash ?? "";
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(passphrase);
    expect((await signIn(api, OWNER, passphrase)).response.statusCode).toBe(200);
  });
});

describe("signing in with a password", () => {
  beforeEach(async () => {
    await setupOwner(t, api, OWNER);
  });

  it("signs in with a session cookie and the CSRF token", async () => {
    const { response, client: browser } = await signIn(api, "  Olivia@ACME.example ");
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; session: SessionView }>();
    expect(body.status).toBe("signed-in");
    expect(body.session.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(browser.cookie).toMatch(/^attest_ses_/);
    expect((await browser.request("GET", "/api/v1/auth/session")).statusCode).toBe(200);
  });

  it("gives the same 401 answer for a wrong password and an unknown email", async () => {
    const wrong = await signIn(api, OWNER, "not the right password");
    const unknown = await signIn(api, "nobody@acme.example", TEST_PASSWORD);
    for (const { response } of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(sessionCookie(response)).toBeUndefined();
    }
    const strip = (p: Problem) => ({ ...p, requestId: undefined });
    expect(strip(wrong.response.json<Problem>())).toEqual(strip(unknown.response.json<Problem>()));
    expect(wrong.response.json<Problem>().detail).toBe("the email or password is wrong");
  });

  it("locks the account after five failures, even for the right password, for fifteen minutes", async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(api, OWNER, `wrong password ${i}`)).response.statusCode).toBe(401);
    }
    const locked = await signIn(api, OWNER);
    expect(locked.response.statusCode).toBe(429);
    expect(locked.response.headers["content-type"]).toContain("application/problem+json");
    expect(locked.response.json<Problem>()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // Fifteen minutes from the fifth failure, as the client should wait.
    expect(Number(locked.response.headers["retry-after"])).toBeGreaterThan(14 * 60);
    expect(sessionCookie(locked.response)).toBeUndefined();
    t.advance(14 * MINUTE);
    expect((await signIn(api, OWNER)).response.statusCode).toBe(429);
    t.advance(MINUTE);
    expect((await signIn(api, OWNER)).response.statusCode).toBe(200);
  });

  it("clears the account's failures when a sign-in succeeds", async () => {
    for (let i = 0; i < 4; i += 1) await signIn(api, OWNER, "wrong password!");
    expect((await signIn(api, OWNER)).response.statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await signIn(api, OWNER, "wrong password!");
    expect((await signIn(api, OWNER)).response.statusCode).toBe(200);
  });

  it("refuses a malformed sign-in as a validation problem, not a failure", async () => {
    const response = await client(api).request("POST", "/api/v1/auth/login", { email: OWNER });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>().errors).toEqual([
      { field: "password", message: expect.any(String) },
    ]);
  });
});

describe("signing in from one address many times", () => {
  it("locks the address after thirty failures over any accounts, and only that address", async () => {
    await api.close();
    api = await createApi(t, { trustProxy: true });
    await setupOwner(t, api, OWNER);
    const from = (address: string, email: string, password: string) =>
      client(api).request(
        "POST",
        "/api/v1/auth/login",
        { email, password },
        { "x-forwarded-for": address },
      );
    for (let i = 0; i < 30; i += 1) {
      const response = await from("203.0.113.9", `guess${i % 10}@acme.example`, "wrong password!");
      expect(response.statusCode).toBe(401);
    }
    expect((await from("203.0.113.9", OWNER, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await from("198.51.100.20", OWNER, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("takes the address the proxy saw, not one the client wrote before it", async () => {
    await api.close();
    api = await createApi(t, { trustProxy: true });
    await setupOwner(t, api, OWNER);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await client(api).request(
        "POST",
        "/api/v1/auth/login",
        { email: `guess${i % 10}@acme.example`, password: "wrong password!" },
        // The client forges a new first hop each time; the proxy appends the real address.
        { "x-forwarded-for": `10.8.0.${i}, 192.0.2.50` },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });
});
