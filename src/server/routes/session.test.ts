/**
 * The session answer carries, per organization, what the caller may do there: the web app
 * has no role table of its own, so these lists must be exactly what the server enforces.
 */
import { describe, expect, it } from "vitest";
import { enableTotp, signIn } from "../../../test/support/accounts.ts";
import { client, invite, useApi } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { actorIn, ROLES } from "../../domain/actor.ts";
import type { Actor, Role } from "../../domain/actor.ts";
import { ACTIONS, can } from "../../domain/permissions.ts";
import type { Session } from "../../contracts/session.ts";

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ t, api, owner, org } = s));

async function sessionOf(user: Client): Promise<Session> {
  const response = await user.request("GET", "/api/v1/auth/session");
  expect(response.statusCode).toBe(200);
  return response.json<Session>();
}

function membershipIn(session: Session, slug: string) {
  const found = session.memberships.find((m) => m.organization.slug === slug);
  if (found === undefined) throw new Error(`no membership in ${slug}`);
  return found;
}

/** The Actor `authorize` sees for this person in this organization, built here by hand. */
function actorOf(session: Session, role: Role): Actor {
  const { user } = session;
  const organizationId = membershipIn(session, org).organization.id;
  return {
    ...actorIn({ kind: "user", id: user.id, name: user.name }, organizationId, role),
    email: user.email,
  };
}

async function memberWith(role: Role): Promise<Client> {
  return role === "owner" ? owner : invite(api, owner, org, role, `${role}@acme.example`);
}

describe("the actions in the session answer", () => {
  it.each(ROLES)(
    "are exactly what can() allows the role %s, no more and no fewer",
    async (role) => {
      const session = await sessionOf(await memberWith(role));
      const membership = membershipIn(session, org);
      const actor = actorOf(session, role);
      expect(membership.role).toBe(role);
      expect(membership.twoFactorRequired).toBe(false);
      expect(membership.actions).toEqual(ACTIONS.filter((action) => can(actor, action)));
      // Allowed in general, refused on a record nobody owns: allowed only on one's own.
      expect(membership.ownedOnly).toEqual(
        ACTIONS.filter((action) => can(actor, action) && !can(actor, action, { owner: null })),
      );
      for (const action of membership.ownedOnly) {
        expect(can(actor, action, { owner: session.user.email })).toBe(true);
        expect(can(actor, action, { owner: session.user.id })).toBe(true);
        expect(can(actor, action, { owner: "someone.else@acme.example" })).toBe(false);
      }
    },
  );

  it("name what differs between roles that the web app used to copy", async () => {
    const byRole = new Map<Role, Session>();
    for (const role of ROLES) byRole.set(role, await sessionOf(await memberWith(role)));
    const of = (role: Role) => membershipIn(byRole.get(role)!, org);
    expect(of("employee").actions).toEqual([
      "organization:read",
      "token:manage",
      "policy:read",
      "policy:acknowledge",
      "training:read",
      "training:take",
      "notification:choose",
      "people:complete-step",
      // Access reviews they are named reviewer of (managers).
      "access-review:read",
      "access-review:decide",
    ]);
    expect(of("auditor").actions).not.toContain("notification:choose");
    expect(of("control-owner").ownedOnly).toEqual([
      "control:update",
      "control:map",
      "evidence:create",
      "evidence:link",
      // The population of an event-driven control they own.
      "population:import",
      // The auditor's requests addressed to them.
      "request:answer",
      "request:comment",
      // The yearly review of the vendors they own.
      "vendor:review",
    ]);
    expect(of("owner").ownedOnly).toEqual([]);
    // The auditor opens and decides requests; the company answers them.
    expect(of("auditor").actions).toContain("request:decide");
    expect(of("owner").actions).not.toContain("request:open");
    expect(of("auditor").actions).not.toContain("request:answer");
    expect(of("owner").actions).toContain("notice:create");
    expect(of("owner").actions).not.toContain("report:opinion");
    expect(of("admin").actions).not.toContain("report:approve");
    expect(of("admin").actions).not.toContain("policy:approve");
    expect(of("owner").actions).toContain("policy:approve");
    expect(of("auditor").actions).toContain("report:opinion");
    // The auditor dates and releases the report; no company role finalizes it.
    expect(of("auditor").actions).toContain("report:finalize");
    expect(of("owner").actions).not.toContain("report:finalize");
    expect(of("admin").actions).not.toContain("report:finalize");
    expect(of("auditor").actions).not.toContain("evidence:create");
  });

  it("are the same in every answer that carries the session", async () => {
    const member = await invite(api, owner, org, "control-owner", "carol@acme.example");
    const current = await sessionOf(member);
    const login = await signIn(api, "carol@acme.example");
    expect(login.response.statusCode).toBe(200);
    expect(login.response.json<{ session: Session }>().session.memberships).toEqual(
      current.memberships,
    );
    expect(member.session?.memberships).toEqual(current.memberships);
  });

  it("follow a change of role at the next session answer", async () => {
    const member = await invite(api, owner, org, "employee", "erin@acme.example");
    const before = await sessionOf(member);
    const changed = await owner.request("PATCH", `/api/v1/orgs/${org}/members/${before.user.id}`, {
      role: "admin",
    });
    expect(changed.statusCode).toBe(200);
    const after = membershipIn(await sessionOf(member), org);
    expect(after.role).toBe("admin");
    expect(after.actions).toEqual(
      ACTIONS.filter((action) => can(actorOf(before, "admin"), action)),
    );
  });

  it("are empty where the organization requires two-factor sign-in the caller lacks", async () => {
    const member = await invite(api, owner, org, "admin", "sam@acme.example");
    await enableTotp(t, owner);
    const required = await owner.request("PATCH", `/api/v1/orgs/${org}`, { requireTotp: true });
    expect(required.statusCode).toBe(200);

    const blocked = membershipIn(await sessionOf(member), org);
    expect(blocked).toMatchObject({ actions: [], ownedOnly: [], twoFactorRequired: true });
    // The server agrees: nothing in the organization answers them.
    expect((await member.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(403);

    await enableTotp(t, member);
    const session = await sessionOf(member);
    const open = membershipIn(session, org);
    expect(open.twoFactorRequired).toBe(false);
    expect(open.actions).toEqual(ACTIONS.filter((a) => can(actorOf(session, "admin"), a)));
    expect(membershipIn(await sessionOf(owner), org).twoFactorRequired).toBe(false);
  });
});

describe("the session answer", () => {
  it("carries the user's public fields only, and is not for API tokens", async () => {
    const session = await sessionOf(owner);
    expect(Object.keys(session).sort()).toEqual(["csrfToken", "memberships", "user"]);
    expect(Object.keys(session.user).sort()).toEqual(["email", "id", "name", "totpEnabled"]);
    const created = await owner.request("POST", `/api/v1/orgs/${org}/tokens`, {
      name: "ci",
      scopes: ["read"],
    });
    expect(created.statusCode).toBe(201);
    const script = client(api, { bearer: created.json<{ secret: string }>().secret });
    expect((await script.request("GET", "/api/v1/auth/session")).statusCode).toBe(403);
  });
});
