import { describe, expect, it } from "vitest";
import type { TestContext } from "../../test/support/database.ts";
import { client, useApi } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";
import { snapshotDatabase } from "../../test/support/snapshot.ts";
import type { SessionListing } from "../services/access/account.service.ts";
import type { Problem } from "./errors.ts";

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ t, api, owner, org } = s));

type Write = [method: "POST" | "PATCH" | "DELETE", url: () => Promise<string>, body?: unknown];

/** One write of each method a browser form or script could forge. */
function writes(): Write[] {
  return [
    [
      "POST",
      async () => `/api/v1/orgs/${org}/invitations`,
      { email: "x@y.example", role: "admin" },
    ],
    ["PATCH", async () => `/api/v1/orgs/${org}`, { name: "Hijacked" }],
    ["DELETE", async () => `/api/v1/orgs/${org}/members/${owner.session?.user.id}`],
    ["POST", async () => "/api/v1/auth/logout"],
    [
      "DELETE",
      async () => {
        const sessions = await owner.request("GET", "/api/v1/account/sessions");
        const id = sessions.json<{ items: SessionListing[] }>().items[0]?.id;
        return `/api/v1/account/sessions/${id}`;
      },
    ],
  ];
}

function expectRefused(response: { statusCode: number; json<T>(): T }, pattern: RegExp): void {
  expect(response.statusCode).toBe(403);
  const problem = response.json<Problem>();
  expect(problem.code).toBe("FORBIDDEN");
  expect(problem.detail).toMatch(pattern);
}

describe("CSRF protection for cookie sessions", () => {
  it("refuses writes without the x-csrf-token header and changes nothing", async () => {
    const cookieOnly = client(api, { cookie: owner.cookie });
    const before = await snapshotDatabase(t.ctx.db);
    for (const [method, url, body] of writes()) {
      const response = await cookieOnly.request(method, await url(), body);
      expectRefused(response, /missing or wrong x-csrf-token/);
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses writes with a wrong token and changes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const wrongTokens = ["", "nope", `${owner.session?.csrfToken ?? ""}x`];
    for (const [method, url, body] of writes()) {
      for (const token of wrongTokens) {
        const response = await owner.request(method, await url(), body, {
          "x-csrf-token": token,
        });
        expectRefused(response, /missing or wrong x-csrf-token/);
      }
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses another session's token", async () => {
    const other = await setupOtherSession();
    const response = await owner.request(
      "PATCH",
      `/api/v1/orgs/${org}`,
      { name: "Renamed" },
      {
        "x-csrf-token": other,
      },
    );
    expectRefused(response, /x-csrf-token/);
  });

  it("accepts the same writes with the session's token", async () => {
    const invited = await owner.request("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "x@y.example",
      role: "admin",
    });
    expect(invited.statusCode).toBe(201);
    const renamed = await owner.request("PATCH", `/api/v1/orgs/${org}`, { name: "Acme Two" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Acme Two" });
    const id = invited.json<{ invitation: { id: string } }>().invitation.id;
    const revoked = await owner.request("DELETE", `/api/v1/orgs/${org}/invitations/${id}`);
    expect(revoked.statusCode).toBe(204);
  });

  it("needs no token to read", async () => {
    const cookieOnly = client(api, { cookie: owner.cookie });
    expect((await cookieOnly.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(200);
  });

  it("needs no token for writes made with a bearer API token", async () => {
    const created = await owner.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: "ci-evidence",
      scopes: ["evidence:write"],
    });
    const script = client(api, { bearer: created.json<{ secret: string }>().secret });
    const response = await script.request("POST", `/api/v1/orgs/${org}/evidence`, {
      title: "Branch protection",
      controls: ["CM-03"],
      forDate: "2026-03-01",
      link: "https://github.com/acme/api/settings/branches",
    });
    expect(response.statusCode).toBe(201);
  });

  async function setupOtherSession(): Promise<string> {
    const response = await client(api).request("POST", "/api/v1/auth/login", {
      email: owner.session?.user.email,
      password: "correct battery staple horse 42",
    });
    return response.json<{ session: { csrfToken: string } }>().session.csrfToken;
  }
});

describe("the same-origin check", () => {
  it("refuses a write from another site even with the right CSRF token, changing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    for (const origin of ["https://evil.example", "null", "http://attest.example.evil.example"]) {
      const response = await owner.request(
        "PATCH",
        `/api/v1/orgs/${org}`,
        { name: "Hijacked" },
        { host: "attest.example", origin },
      );
      expectRefused(response, /are not accepted/);
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses a cross-site write whatever authenticates it, and a cross-site sign-in", async () => {
    const created = await owner.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: "ci",
      scopes: ["read", "evidence:write"],
    });
    const script = client(api, { bearer: created.json<{ secret: string }>().secret });
    const foreign = { origin: "https://evil.example" };
    const write = await script.request("PATCH", `/api/v1/orgs/${org}`, { name: "X" }, foreign);
    expect(write.statusCode).toBe(403);
    const login = await client(api).request(
      "POST",
      "/api/v1/auth/login",
      { email: "olivia@acme.example", password: "correct battery staple horse 42" },
      foreign,
    );
    expect(login.statusCode).toBe(403);
    expect(login.cookies).toHaveLength(0);
  });

  it("accepts a write whose Origin is this site, and reads from anywhere", async () => {
    const same = { host: "attest.example:8080", origin: "http://attest.example:8080" };
    const response = await owner.request("PATCH", `/api/v1/orgs/${org}`, { name: "Acme" }, same);
    expect(response.statusCode).toBe(200);
    const read = await owner.request("GET", `/api/v1/orgs/${org}`, undefined, {
      origin: "https://evil.example",
    });
    expect(read.statusCode).toBe(200);
  });
});
