import { generate } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import {
  enableTotp,
  sendTotp,
  signIn,
  signInWithTotp,
  totpCode,
} from "../../../test/support/accounts.ts";
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
import type { SessionView } from "../../services/access/auth.service.ts";
import type { Problem } from "../errors.ts";

const OWNER = "olivia@acme.example";

let t: TestContext;
let api: Api;
let owner: Client;
useApi((s) => ({ t, api, owner } = s), { ownerEmail: OWNER, organization: false });

/** A code from the right secret but an hour ago: well formed, and wrong now. */
function staleCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) - 3600 });
}

describe("turning two-factor sign-in on", () => {
  it("gives a secret with its QR code, and enables it only with a right code", async () => {
    const setup = await owner.request("POST", "/api/v1/account/totp/setup");
    expect(setup.statusCode).toBe(200);
    const enrolment = setup.json<{ secret: string; otpauthUrl: string; qrDataUrl: string }>();
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Attest:olivia%40acme\.example\?/);
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await owner.request("POST", "/api/v1/account/totp/enable", {
      code: await staleCode(enrolment.secret),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<Problem>().errors).toEqual([{ field: "code", message: "wrong code" }]);
    const session = await owner.request("GET", "/api/v1/auth/session");
    expect(session.json<SessionView>().user.totpEnabled).toBe(false);

    const right = await owner.request("POST", "/api/v1/account/totp/enable", {
      code: await totpCode(t, enrolment.secret),
    });
    expect(right.statusCode).toBe(204);
    const after = await owner.request("GET", "/api/v1/auth/session");
    expect(after.json<SessionView>().user.totpEnabled).toBe(true);
  });

  it("refuses to start again while it is on, and turns off only with the password", async () => {
    await enableTotp(t, owner);
    expect((await owner.request("POST", "/api/v1/account/totp/setup")).statusCode).toBe(409);
    const wrong = await owner.request("POST", "/api/v1/account/totp/disable", {
      password: "not my password",
    });
    expect(wrong.statusCode).toBe(403);
    const off = await owner.request("POST", "/api/v1/account/totp/disable", {
      password: TEST_PASSWORD,
    });
    expect(off.statusCode).toBe(204);
    expect((await signIn(api, OWNER)).response.json()).toMatchObject({ status: "signed-in" });
  });
});

describe("signing in with two-factor on", () => {
  let secret: string;
  beforeEach(async () => {
    secret = await enableTotp(t, owner);
  });

  it("asks for a code after the password, with a short-lived cookie that reads nothing", async () => {
    const { response, client: pending } = await signIn(api, OWNER);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "totp-required" });
    expect(response.headers["set-cookie"]).toMatch(/Max-Age=300/);
    expect(pending.cookie).not.toBeNull();
    const session = await pending.request("GET", "/api/v1/auth/session");
    expect(session.statusCode).toBe(401);
    expect((await pending.request("GET", "/api/v1/orgs")).statusCode).toBe(401);
    const sessions = await pending.request("GET", "/api/v1/account/sessions");
    expect(sessions.statusCode).toBe(401);
  });

  it("refuses a wrong code with 401 and signs in with the right one under a new cookie", async () => {
    const { client: browser } = await signIn(api, OWNER);
    const pendingCookie = browser.cookie;
    const wrong = await sendTotp(browser, await staleCode(secret));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>().errors).toEqual([
      { field: "code", message: "wrong or already used" },
    ]);
    const malformed = await sendTotp(browser, "12345");
    expect(malformed.statusCode).toBe(401);

    const right = await sendTotp(browser, await totpCode(t, secret));
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({
      status: "signed-in",
      session: { user: { email: OWNER } },
    });
    expect(browser.cookie).not.toBe(pendingCookie);
    expect((await browser.request("GET", "/api/v1/auth/session")).statusCode).toBe(200);

    // The pending cookie proved only the password; it is spent now.
    const reused = client(api, { cookie: pendingCookie });
    t.advance(30_000);
    const again = await sendTotp(reused, await totpCode(t, secret));
    expect(again.statusCode).toBe(401);
  });

  it("never accepts the same code twice", async () => {
    const code = await totpCode(t, secret);
    const first = await signIn(api, OWNER);
    expect((await sendTotp(first.client, code)).statusCode).toBe(200);
    const second = await signIn(api, OWNER);
    const replay = await sendTotp(second.client, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Problem>().detail).toBe("the code is wrong or was already used");
    t.advance(30_000);
    expect((await sendTotp(second.client, await totpCode(t, secret))).statusCode).toBe(200);
  });

  it("lets only one of two sign-ins racing with the same code in", async () => {
    const code = await totpCode(t, secret);
    const a = await signIn(api, OWNER);
    const b = await signIn(api, OWNER);
    const answers = await Promise.all([sendTotp(a.client, code), sendTotp(b.client, code)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it("does not accept the code that turned two-factor on", async () => {
    await owner.request("POST", "/api/v1/account/totp/disable", { password: TEST_PASSWORD });
    const setup = await owner.request("POST", "/api/v1/account/totp/setup");
    const fresh = setup.json<{ secret: string }>().secret;
    const code = await totpCode(t, fresh);
    await owner.request("POST", "/api/v1/account/totp/enable", { code });
    const { client: browser } = await signIn(api, OWNER);
    expect((await sendTotp(browser, code)).statusCode).toBe(401);
  });
});

describe("organizations that require two-factor sign-in", () => {
  let org: string;
  beforeEach(async () => {
    org = await createOrgViaApi(owner, "Acme");
  });

  it("cannot be required by an owner who does not use it themselves", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const response = await owner.request("PATCH", `/api/v1/orgs/${org}`, { requireTotp: true });
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>()).toMatchObject({
      code: "INVALID_STATE",
      errors: [{ field: "requireTotp", message: expect.any(String) }],
    });
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses members without two-factor on its routes until they turn it on", async () => {
    const member = await invite(api, owner, org, "admin", "sam@acme.example");
    const token = await member.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: "ci",
      scopes: ["read"],
    });
    expect(token.statusCode).toBe(201);
    const bearer = client(api, { bearer: token.json<{ secret: string }>().secret });
    await enableTotp(t, owner);
    const required = await owner.request("PATCH", `/api/v1/orgs/${org}`, { requireTotp: true });
    expect(required.statusCode).toBe(200);
    expect(required.json()).toMatchObject({ requireTotp: true });

    const refused = await member.request("GET", `/api/v1/orgs/${org}/readiness`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().detail).toMatch(/requires two-factor sign-in/);
    // A token the member made is no way around it.
    const byToken = await bearer.request("GET", `/api/v1/orgs/${org}/readiness`);
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json<Problem>().detail).toMatch(/token's owner \(sam@acme.example\)/);
    // The account pages stay open, so the member can turn it on.
    const secret = await enableTotp(t, member);
    expect((await member.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
    expect((await bearer.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
    expect((await owner.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
    const again = await signInWithTotp(t, api, "sam@acme.example", secret);
    expect((await again.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
  });
});
