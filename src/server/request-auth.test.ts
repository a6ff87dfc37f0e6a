/**
 * An organization route reads the session and the caller's membership in one statement. It
 * must decide exactly as two separate lookups would: every request checked, other tenants
 * not found, a signed-out session refused at once, tokens unchanged.
 */
import { describe, expect, it } from "vitest";
import { client, createOrgViaApi, invite, useApi } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";

let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ api, owner, org } = s));

const controls = (caller: Client, handle: string) =>
  caller.request("GET", `/api/v1/orgs/${handle}/controls`);

describe("an organization route's caller", () => {
  it("is found by the organization's slug or id, in any case", async () => {
    const { id } = (await owner.request("GET", `/api/v1/orgs/${org}`)).json<{ id: string }>();
    for (const handle of [org, org.toUpperCase(), id]) {
      expect((await controls(owner, handle)).statusCode).toBe(200);
    }
  });

  it("finds no organization they are not a member of", async () => {
    const outsider = await invite(api, owner, org, "employee", "erin@acme.example");
    const theirs = await createOrgViaApi(owner, "Beta");
    expect((await controls(outsider, theirs)).statusCode).toBe(404);
    expect((await controls(outsider, "nowhere")).statusCode).toBe(404);
  });

  it("is refused at once after signing out, even for an answer already reused", async () => {
    expect((await controls(owner, org)).statusCode).toBe(200);
    expect((await owner.request("POST", "/api/v1/auth/logout")).statusCode).toBeLessThan(300);
    expect((await controls(owner, org)).statusCode).toBe(401);
  });

  it("loses access at once when removed from the organization", async () => {
    const member = await invite(api, owner, org, "employee", "erin@acme.example");
    expect((await controls(member, org)).statusCode).toBe(403);
    const list = await owner.request("GET", `/api/v1/orgs/${org}/members`);
    const erin = list
      .json<{ items: { userId: string; email: string }[] }>()
      .items.find((m) => m.email === "erin@acme.example");
    const removed = await owner.request("DELETE", `/api/v1/orgs/${org}/members/${erin?.userId}`);
    expect(removed.statusCode).toBeLessThan(300);
    expect((await controls(member, org)).statusCode).toBe(404);
  });

  it("is an unknown caller without a session, whatever the path names", async () => {
    expect((await controls(client(api), org)).statusCode).toBe(401);
    expect((await controls(client(api, { cookie: "attest_ses_forged" }), org)).statusCode).toBe(
      401,
    );
  });
});
