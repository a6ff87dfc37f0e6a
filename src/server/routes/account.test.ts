import { describe, expect, it } from "vitest";
import { signIn } from "../../../test/support/accounts.ts";
import type { TestContext } from "../../../test/support/database.ts";
import {
  client,
  createApi,
  createOrgViaApi,
  invite,
  TEST_PASSWORD,
  useApi,
} from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { SessionListing } from "../../services/access/account.service.ts";
import type { Problem } from "../errors.ts";

const OWNER = "olivia@acme.example";
const HOUR = 3_600_000;

let t: TestContext;
let api: Api;
let owner: Client;
useApi((s) => ({ t, api, owner } = s), { ownerEmail: OWNER, organization: false });

async function secondSession(email = OWNER): Promise<Client> {
  const { response, client: browser } = await signIn(api, email);
  expect(response.statusCode).toBe(200);
  return browser;
}

async function mySessions(user: Client): Promise<SessionListing[]> {
  const response = await user.request("GET", "/api/v1/account/sessions");
  expect(response.statusCode).toBe(200);
  return response.json<{ items: SessionListing[] }>().items;
}

const status = async (user: Client) =>
  (await user.request("GET", "/api/v1/auth/session")).statusCode;

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain http", async () => {
    const { response } = await signIn(api, OWNER);
    const header = String(response.headers["set-cookie"]);
    expect(header).toMatch(/^attest_session=attest_ses_[A-Za-z0-9_-]+;/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; Max-Age=604800/);
    expect(header).not.toMatch(/Secure/);
  });

  it("is Secure when a trusted proxy says the request came over https", async () => {
    await api.close();
    api = await createApi(t, { trustProxy: true });
    const response = await client(api).request(
      "POST",
      "/api/v1/auth/login",
      { email: OWNER, password: TEST_PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(response.statusCode).toBe(200);
    expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
    expect(response.headers["strict-transport-security"]).toContain("max-age=31536000");
  });

  it("ignores a forwarded https claim unless the proxy is trusted", async () => {
    const response = await client(api).request(
      "POST",
      "/api/v1/auth/login",
      { email: OWNER, password: TEST_PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(String(response.headers["set-cookie"])).not.toMatch(/Secure/);
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("how long a session lasts", () => {
  it("ends after the idle limit without requests", async () => {
    const idle = t.ctx.sessions.idleMinutes * 60_000;
    t.advance(idle);
    expect(await status(owner)).toBe(200);
    t.advance(idle + 1000);
    const response = await owner.request("GET", "/api/v1/auth/session");
    expect(response.statusCode).toBe(401);
    expect(response.json<Problem>().code).toBe("UNAUTHENTICATED");
    // Ended for good: coming back within the limit does not revive it.
    t.advance(-idle);
    expect(await status(owner)).toBe(401);
  });

  it("ends at the absolute limit however busy it is", async () => {
    const step = t.ctx.sessions.idleMinutes * 60_000 - 60_000;
    const max = t.ctx.sessions.maxHours * HOUR;
    let elapsed = 0;
    while (elapsed + step < max) {
      t.advance(step);
      elapsed += step;
      expect(await status(owner)).toBe(200);
    }
    t.advance(max - elapsed);
    expect(await status(owner)).toBe(401);
    expect((await signIn(api, OWNER)).response.statusCode).toBe(200);
  });
});

describe("my sessions", () => {
  it("lists my live sessions with the current one marked, and nothing secret", async () => {
    const laptop = await secondSession();
    const sessions = await mySessions(laptop);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => !s.current)?.id).toBe(
      (await mySessions(owner)).find((s) => s.current)?.id,
    );
    expect(sessions[0]).toMatchObject({ address: "127.0.0.1", userAgent: "lightMyRequest" });
    const text = JSON.stringify(sessions);
    expect(text).not.toContain(laptop.cookie ?? "?");
    expect(text).not.toContain(laptop.session?.csrfToken ?? "?");
  });

  it("revokes another of my sessions so its cookie stops working", async () => {
    const laptop = await secondSession();
    const other = (await mySessions(owner)).find((s) => !s.current);
    const revoked = await owner.request("DELETE", `/api/v1/account/sessions/${other?.id}`);
    expect(revoked.statusCode).toBe(204);
    expect(await status(laptop)).toBe(401);
    expect(await status(owner)).toBe(200);
    expect(await mySessions(owner)).toHaveLength(1);
  });

  it("cannot revoke someone else's session", async () => {
    const org = await createOrgViaApi(owner, "Acme");
    const sam = await invite(api, owner, org, "admin", "sam@acme.example");
    const samSession = (await mySessions(sam))[0];
    const response = await owner.request("DELETE", `/api/v1/account/sessions/${samSession?.id}`);
    expect(response.statusCode).toBe(404);
    expect(await status(sam)).toBe(200);
  });

  it("signs out: the session is revoked and the cookie cleared", async () => {
    const cookie = owner.cookie;
    const response = await owner.request("POST", "/api/v1/auth/logout");
    expect(response.statusCode).toBe(204);
    expect(String(response.headers["set-cookie"])).toMatch(/^attest_session=;/);
    expect(await status(client(api, { cookie }))).toBe(401);
  });
});

describe("changing my password", () => {
  it("signs out my other sessions but keeps this one", async () => {
    const laptop = await secondSession();
    const response = await owner.request("POST", "/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new passphrase for olivia",
    });
    expect(response.statusCode).toBe(204);
    expect(await status(owner)).toBe(200);
    expect(await status(laptop)).toBe(401);
    expect((await signIn(api, OWNER)).response.statusCode).toBe(401);
    const fresh = await signIn(api, OWNER, "a brand new passphrase for olivia");
    expect(fresh.response.statusCode).toBe(200);
  });

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    // A wrong password is counted toward the lockout, and that is all it writes.
    const before = await snapshotDatabase(t.ctx.db, ["login_throttle"]);
    const wrong = await owner.request("POST", "/api/v1/account/password", {
      currentPassword: "not the password",
      newPassword: "a brand new passphrase for olivia",
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<Problem>().errors).toEqual([{ field: "currentPassword", message: "wrong" }]);
    const weak = await owner.request("POST", "/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Password2026!",
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json<Problem>().errors?.[0]?.field).toBe("newPassword");
    expect(await snapshotDatabase(t.ctx.db, ["login_throttle"])).toBe(before);
  });

  it("counts wrong current passwords toward the lockout, so a stolen session cannot guess", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await owner.request("POST", "/api/v1/account/password", {
        currentPassword: `guess number ${attempt}`,
        newPassword: "a brand new passphrase for olivia",
      });
      expect(wrong.statusCode).toBe(403);
    }
    const locked = await owner.request("POST", "/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new passphrase for olivia",
    });
    expect(locked.statusCode).toBe(429);
    const disable = await owner.request("POST", "/api/v1/account/totp/disable", {
      password: TEST_PASSWORD,
    });
    expect(disable.statusCode).toBe(429);
  });

  it("is for people: an API token cannot read or change account settings", async () => {
    const org = await createOrgViaApi(owner, "Acme");
    const created = await owner.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: "ci",
      scopes: ["read"],
    });
    const script = client(api, { bearer: created.json<{ secret: string }>().secret });
    expect((await script.request("GET", "/api/v1/account/sessions")).statusCode).toBe(403);
    const change = await script.request("POST", "/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new passphrase for olivia",
    });
    expect(change.statusCode).toBe(403);
  });
});
