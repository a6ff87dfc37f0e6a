/**
 * Role × action for every API route: each role, signed in through a real invitation, calls
 * each organization route. Allowed roles (from the permission table and its record rules)
 * succeed; denied ones get 403 and leave every table as it was. Also: unauthenticated calls,
 * writes without the CSRF token, and API tokens narrowed by their scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/domain/actor.ts";
import type { Role } from "../../src/domain/actor.ts";
import { rolesAllowed } from "../../src/domain/permissions.ts";
import { createTestContext } from "../support/database.ts";
import type { TestContext } from "../support/database.ts";
import { client, createApi, createOrgViaApi, setupOwner } from "../support/http.ts";
import type { Api, Client } from "../support/http.ts";
import { snapshotDatabase } from "../support/snapshot.ts";
import {
  DOCS_PREFIX,
  ORG_ROUTES,
  PUBLIC_ROUTES,
  USER_ROUTES,
  buildWorld,
  orgUrl,
  routeKey,
  servedRoutes,
  userUrl,
} from "./routes/index.ts";
import type { Call, OrgRoute, ResourceKind, UserRoute, World } from "./routes/index.ts";

let t: TestContext;
let api: Api;
let world: World;

beforeAll(async () => {
  t = await createTestContext();
  api = await createApi(t);
  const owner = await setupOwner(t, api, "owner@acme.example");
  world = await buildWorld(api, owner, "Acme", "acme");
});

afterAll(async () => {
  await api?.close();
  await t?.close();
});

const snapshot = () => snapshotDatabase(t.ctx.db);

function call(caller: Client, route: OrgRoute, prepared: Call, slug = world.slug) {
  return caller.request(
    route.method,
    orgUrl(slug, route, prepared),
    prepared.body,
    prepared.headers,
  );
}

function label(route: OrgRoute): string {
  return `${route.method} /orgs/:org${route.path}`;
}

/** Ids that look right but name nothing, per kind of record. */
const MISSING: Record<ResourceKind, string> = {
  control: "ZZ-NOPE-99",
  evidence: "00000000-0000-4000-8000-000000000000",
  engagement: "00000000-0000-4000-8000-000000000001",
  invitation: "00000000-0000-4000-8000-000000000002",
  token: "00000000-0000-4000-8000-000000000003",
  member: "00000000-0000-4000-8000-000000000004",
  auditor: "00000000-0000-4000-8000-000000000005",
  policy: "00000000-0000-4000-8000-000000000006",
  risk: "R-999",
  "risk-assessment": "RA-999",
  vendor: "V-999",
  "notification-channel": "N-999",
  person: "00000000-0000-4000-8000-000000000007",
  "person-step": "00000000-0000-4000-8000-000000000008",
  finding: "F-999999",
  monitor: "M-999999",
  "access-review": "AR-999",
};

describe("the route table", () => {
  it("lists every authenticated /api/v1 route the app serves, and no route it does not", async () => {
    const served = servedRoutes(api.app.printRoutes({ commonPrefix: false })).filter(
      (route) =>
        route.split(" ")[1]?.startsWith("/api/v1/") === true &&
        route.split(" ")[1]?.startsWith(DOCS_PREFIX) === false,
    );
    const tabled = [...ORG_ROUTES, ...USER_ROUTES].map(routeKey);
    const known = new Set<string>([...tabled, ...PUBLIC_ROUTES]);
    expect(served.length).toBeGreaterThanOrEqual(60);
    expect(served.filter((route) => !known.has(route))).toEqual([]);
    expect([...known].filter((route) => !served.includes(route))).toEqual([]);
    expect(new Set(tabled).size).toBe(tabled.length);
  });

  it("agrees with the OpenAPI document on which routes need a signed-in caller", async () => {
    const response = await client(api).request("GET", "/api/v1/openapi.json");
    const document = response.json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    const secured: string[] = [];
    const open: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith("/api/v1/")) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;
        (operation.security === undefined ? open : secured).push(key);
      }
    }
    expect(secured.sort()).toEqual([...ORG_ROUTES, ...USER_ROUTES].map(routeKey).sort());
    expect(open.sort()).toEqual(
      PUBLIC_ROUTES.filter((route) => route !== "GET /api/v1/openapi.json").sort(),
    );
  });
});

describe("role × action on every organization route", () => {
  for (const route of ORG_ROUTES) {
    const allowed = rolesAllowed(route.action);
    it(`${label(route)} (${route.action}): only ${allowed.join(", ")}`, async () => {
      for (const role of ROLES) {
        const prepared = await route.prepare(world, role);
        const caller = world.clients[role];
        if (allowed.includes(role)) {
          const response = await call(caller, route, prepared);
          expect.soft(response.statusCode, `${role}: ${response.body}`).toBe(route.status);
          continue;
        }
        const before = await snapshot();
        const response = await call(caller, route, prepared);
        expect.soft(response.statusCode, `${role}: ${response.body}`).toBe(403);
        expect.soft(response.json<{ code: string }>().code, role).toBe("FORBIDDEN");
        expect.soft(await snapshot(), `${role} changed something`).toBe(before);
        // The answer must not depend on whether the record exists: a denied role learns nothing.
        for (const [param, kind] of Object.entries(route.resources ?? {})) {
          const missing = { ...prepared, params: { ...prepared.params, [param]: MISSING[kind] } };
          const probe = await call(caller, route, missing);
          expect.soft(probe.statusCode, `${role} with a missing ${param}: ${probe.body}`).toBe(403);
        }
      }
    });
  }
});

describe("record rules and hard-coded spot checks", () => {
  const ask = (role: Role, method: OrgRoute["method"], path: string, body?: unknown) =>
    world.clients[role].request(method, `/api/v1/orgs/${world.slug}${path}`, body);

  it("keeps the permission table's key decisions", () => {
    expect(rolesAllowed("catalog-text:import")).toEqual(["owner"]);
    expect(rolesAllowed("engagement:test")).toEqual(["owner", "auditor"]);
    expect(rolesAllowed("evidence:read")).not.toContain("employee");
    expect(rolesAllowed("evidence:create")).not.toContain("auditor");
    expect(rolesAllowed("audit-log:read")).toEqual(["owner", "admin", "auditor"]);
    expect(rolesAllowed("member:manage")).toEqual(["owner", "admin"]);
    // The workpapers hold the auditor's notes and own files (issue 13): no company role.
    expect(rolesAllowed("engagement:workpapers")).toEqual(["auditor"]);
  });

  it("an employee cannot list evidence or controls, but sees the organization and their tasks", async () => {
    expect((await ask("employee", "GET", "/evidence")).statusCode).toBe(403);
    expect((await ask("employee", "GET", "/controls")).statusCode).toBe(403);
    expect((await ask("employee", "GET", "/readiness")).statusCode).toBe(403);
    expect((await ask("employee", "GET", "")).statusCode).toBe(200);
    expect((await ask("employee", "GET", "/tasks")).statusCode).toBe(200);
  });

  it("an auditor cannot add evidence, but can verify the audit log", async () => {
    const before = await snapshot();
    const added = await ask("auditor", "POST", "/evidence", {
      title: "Auditor's note",
      link: "https://evidence.example/auditor",
      forDate: "2025-06-30",
    });
    expect(added.statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    expect((await ask("auditor", "POST", "/audit-log/verify")).statusCode).toBe(200);
  });

  it("an auditor reads the log of their engagements only, nothing organization-wide", async () => {
    type Page = {
      items: { target: { type: string; id: string; label: string }; sentence: string }[];
      nextCursor: string | null;
    };
    const read = async (role: Role, query = "") => {
      const items: Page["items"] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor === null ? "" : `&cursor=${cursor}`;
        const response = await ask(role, "GET", `/audit-log?limit=500${query}${after}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<Page>();
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return items;
    };
    const everything = await read("owner");
    const theirs = await read("auditor");
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(everything.length);
    // Their engagements are those the engagements list shows them (the matrix assigns more).
    const listed = await ask("auditor", "GET", "/engagements?limit=500");
    const assigned = listed.json<{ items: { id: string }[] }>().items.map((e) => e.id);
    expect(assigned).toContain(world.ids.sampledEngagement);
    expect(assigned).not.toContain(world.ids.hiddenEngagement);
    for (const event of theirs) {
      expect(["engagement", "report", "control", "evidence"]).toContain(event.target.type);
      if (event.target.type === "engagement" || event.target.type === "report") {
        expect(assigned).toContain(event.target.id);
      }
    }
    const about = (id: string) => theirs.filter((e) => e.target.id === id);
    expect(about(world.ids.sampledEngagement).length).toBeGreaterThan(0);
    expect(about(world.ids.hiddenEngagement)).toEqual([]);
    expect(about(world.ids.organization)).toEqual([]);
    // The owner's log has what the auditor's leaves out: members, tokens, the organization.
    expect(everything.some((e) => e.target.type === "member")).toBe(true);
    // Asking for a hidden record by name finds nothing rather than an error.
    const hidden = everything.find((e) => e.target.id === world.ids.hiddenEngagement);
    expect(hidden).toBeDefined();
    expect(await read("auditor", `&target=${hidden?.target.label ?? ""}`)).toEqual([]);
  });

  it("an auditor can record a test on an assigned engagement; an admin cannot", async () => {
    const body = {
      control: world.ids.sampledControl,
      methods: ["inquiry", "inspection"],
    };
    const path = `/engagements/${world.ids.sampledEngagement}/tests`;
    const recorded = await ask("auditor", "POST", path, body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ controlRef: world.ids.sampledControl });
    const before = await snapshot();
    expect((await ask("admin", "POST", path, body)).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("an auditor opens and decides requests only on their engagements: 404 elsewhere", async () => {
    const hidden = world.ids.hiddenEngagement;
    const routes = ORG_ROUTES.filter(
      (r) => r.path.startsWith("/engagements/:id/requests") && r.resources === undefined,
    );
    expect(routes.map((r) => r.action).sort()).toEqual([
      "request:decide",
      "request:decide",
      "request:open",
      "request:open",
    ]);
    for (const route of routes) {
      const prepared = await route.prepare(world, "auditor");
      const before = await snapshot();
      const response = await call(world.clients.auditor, route, {
        ...prepared,
        params: { ...prepared.params, id: hidden },
      });
      expect.soft(response.statusCode, `${label(route)}: ${response.body}`).toBe(404);
      expect.soft(await snapshot(), label(route)).toBe(before);
    }
  });

  it("an auditor does not see an engagement they are not assigned to: 404, never 403", async () => {
    const hidden = world.ids.hiddenEngagement;
    const list = await ask("auditor", "GET", "/engagements");
    const ids = list.json<{ items: { id: string }[] }>().items.map((e) => e.id);
    expect(ids).toContain(world.ids.sampledEngagement);
    expect(ids).not.toContain(hidden);
    const engagementRoutes = ORG_ROUTES.filter((r) => r.resources?.id === "engagement");
    expect(engagementRoutes.length).toBeGreaterThanOrEqual(12);
    for (const route of engagementRoutes) {
      const prepared = await route.prepare(world, "auditor");
      const before = await snapshot();
      const response = await call(world.clients.auditor, route, {
        ...prepared,
        params: { ...prepared.params, id: hidden },
      });
      // Actions an auditor may take on assigned engagements hide the others (404);
      // actions an auditor may never take are refused outright (403).
      const expected = rolesAllowed(route.action).includes("auditor") ? 404 : 403;
      expect.soft(response.statusCode, `${label(route)}: ${response.body}`).toBe(expected);
      expect.soft(await snapshot(), label(route)).toBe(before);
    }
  });

  it("an auditor sees only the evidence dated inside their engagements' periods", async () => {
    const outside = await world.clients.owner.request(
      "POST",
      `/api/v1/orgs/${world.slug}/evidence`,
      {
        title: "Old evidence",
        link: "https://evidence.example/old",
        forDate: "2023-01-15",
      },
    );
    expect(outside.statusCode).toBe(201);
    const id = outside.json<{ id: string }>().id;
    expect((await ask("owner", "GET", `/evidence/${id}`)).statusCode).toBe(200);
    expect((await ask("auditor", "GET", `/evidence/${id}`)).statusCode).toBe(404);
    const listed = await ask("auditor", "GET", "/evidence?limit=500");
    const ids = listed.json<{ items: { id: string }[] }>().items.map((e) => e.id);
    expect(ids).toContain(world.ids.linkEvidence);
    expect(ids).not.toContain(id);
  });

  it("a control owner changes, maps and adds evidence only for the controls they own", async () => {
    const own = world.ids.ownedControl;
    const other = world.ids.unownedControl;
    expect(
      (await ask("control-owner", "PATCH", `/controls/${own}`, { status: "in-progress" }))
        .statusCode,
    ).toBe(200);
    const evidence = await world.clients.owner.request(
      "POST",
      `/api/v1/orgs/${world.slug}/evidence`,
      { title: "Unlinked", link: "https://evidence.example/unlinked", forDate: "2025-06-30" },
    );
    const evidenceId = evidence.json<{ id: string }>().id;
    const before = await snapshot();
    const refused = [
      await ask("control-owner", "PATCH", `/controls/${other}`, { status: "in-progress" }),
      await ask("control-owner", "PUT", `/controls/${other}/criteria/CC1.2`),
      await ask("control-owner", "DELETE", `/controls/${other}/criteria/CC6.1`),
      await ask("control-owner", "POST", "/evidence", {
        title: "Not mine",
        link: "https://evidence.example/not-mine",
        controls: [own, other],
        forDate: "2025-06-30",
      }),
      await ask("control-owner", "POST", `/evidence/${evidenceId}/links`, { control: other }),
      await ask("control-owner", "DELETE", `/evidence/${evidenceId}`, {
        reason: "A control owner removing evidence.",
      }),
      await ask("control-owner", "POST", "/controls", {
        ref: "CO-NEW-01",
        title: "Mine",
        description: "A control owner creating a control.",
        kind: "detective",
        automation: "manual",
        frequency: "monthly",
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await snapshot()).toBe(before);
    expect(
      (await ask("control-owner", "POST", `/evidence/${evidenceId}/links`, { control: own }))
        .statusCode,
    ).toBe(200);
  });

  it("a control owner records the yearly review of the vendors they own, and of no other", async () => {
    const review = { checked: ["report-read"], outcome: "approved-with-actions" };
    const notes = "The spot check's review of a vendor.";
    const added = await ask("owner", "POST", "/vendors", {
      name: `Owned by nobody (${world.next()})`,
      service: "Email",
      tier: 3,
    });
    const unowned = added.json<{ ref: string }>().ref;
    const before = await snapshot();
    const refused = await ask("control-owner", "POST", `/vendors/${unowned}/reviews`, {
      checked: ["still-needed"],
      outcome: "approved-with-actions",
      notes,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await snapshot()).toBe(before);
    const own = await ask("control-owner", "POST", `/vendors/${world.ids.vendor}/reviews`, {
      ...review,
      notes,
    });
    expect(own.statusCode, own.body).toBe(201);
    // Reviewing is all they may do to it: the inventory stays the owners' and admins'.
    const edit = await ask("control-owner", "PATCH", `/vendors/${world.ids.vendor}`, { notes });
    expect(edit.statusCode).toBe(403);
  });

  it("only an owner hands out the owner role", async () => {
    const before = await snapshot();
    const invited = await ask("admin", "POST", "/invitations", {
      email: "new-owner@acme.example",
      role: "owner",
    });
    expect(invited.statusCode).toBe(403);
    const promoted = await ask("admin", "PATCH", `/members/${world.ids.targetUserId}`, {
      role: "owner",
    });
    expect(promoted.statusCode).toBe(403);
    const ownerId = world.clients.owner.session?.user.id ?? "";
    expect(
      (await ask("admin", "PATCH", `/members/${ownerId}`, { role: "employee" })).statusCode,
    ).toBe(403);
    expect((await ask("admin", "DELETE", `/members/${ownerId}`)).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    const byOwner = await ask("owner", "POST", "/invitations", {
      email: "co-owner@acme.example",
      role: "owner",
    });
    expect(byOwner.statusCode).toBe(201);
  });

  it("a member lists and revokes only their own API tokens", async () => {
    const mine = await ask("employee", "GET", "/tokens");
    const ids = mine.json<{ items: { id: string }[] }>().items.map((token) => token.id);
    expect(ids).not.toContain(world.ids.token);
    const before = await snapshot();
    expect((await ask("employee", "DELETE", `/tokens/${world.ids.token}`)).statusCode).toBe(404);
    expect((await ask("admin", "DELETE", `/tokens/${world.ids.token}`)).statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

/**
 * Calls that must be refused whatever the state (no credentials, no CSRF token, a read-only
 * token): prepared once, as the owner, and checked with one snapshot around each whole loop.
 */
const refusable: [OrgRoute, Call][] = [];
const accountCalls: [UserRoute, Call][] = [];
async function prepareRefusable(): Promise<void> {
  if (refusable.length > 0) return;
  for (const route of ORG_ROUTES) refusable.push([route, await route.prepare(world, "owner")]);
  for (const route of USER_ROUTES) accountCalls.push([route, await route.prepare(world)]);
}

describe("without signing in", () => {
  beforeAll(prepareRefusable);

  it("every organization route answers 401 problem+json and changes nothing", async () => {
    const anonymous = client(api);
    const before = await snapshot();
    for (const [route, prepared] of refusable) {
      const response = await call(anonymous, route, prepared);
      expect.soft(response.statusCode, label(route)).toBe(401);
      expect
        .soft(response.headers["content-type"], label(route))
        .toContain("application/problem+json");
      expect.soft(response.json<{ code: string }>().code, label(route)).toBe("UNAUTHENTICATED");
    }
    expect(await snapshot()).toBe(before);
  });

  it("every account route answers 401 problem+json, and so does a stale or forged credential", async () => {
    const anonymous = client(api);
    const before = await snapshot();
    for (const [route, prepared] of accountCalls) {
      const response = await anonymous.request(
        route.method,
        userUrl(route, prepared),
        prepared.body,
      );
      const what = `${route.method} ${route.path}`;
      expect.soft(response.statusCode, what).toBe(401);
      expect.soft(response.headers["content-type"], what).toContain("application/problem+json");
    }
    const forgedCookie = client(api, { cookie: "attest_ses_forged" });
    expect((await forgedCookie.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(401);
    const forgedBearer = client(api, { bearer: "attest_tok_forged" });
    expect((await forgedBearer.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(401);
    expect(
      (await anonymous.request("HEAD", `/api/v1/orgs/${world.slug}/controls`)).statusCode,
    ).toBe(401);
    expect(await snapshot()).toBe(before);
  });
});

describe("writes through a cookie without the CSRF token", () => {
  beforeAll(prepareRefusable);

  it("are refused with 403 on every write route, and change nothing", async () => {
    const owner = world.clients.owner;
    const noCsrf = client(api, { cookie: owner.cookie });
    const before = await snapshot();
    for (const [route, prepared] of refusable.filter(([r]) => r.method !== "GET")) {
      const response = await call(noCsrf, route, prepared);
      expect.soft(response.statusCode, `${label(route)}: ${response.body}`).toBe(403);
      expect.soft(response.json<{ detail: string }>().detail, label(route)).toContain("csrf");
    }
    for (const [route, prepared] of accountCalls.filter(([r]) => r.method !== "GET")) {
      const what = `${route.method} ${route.path}`;
      const response = await noCsrf.request(route.method, userUrl(route, prepared), prepared.body);
      expect.soft(response.statusCode, `${what}: ${response.body}`).toBe(403);
    }
    const wrong = await noCsrf.request(
      "PATCH",
      `/api/v1/orgs/${world.slug}`,
      { systemName: "Forged" },
      { "x-csrf-token": "not-the-token" },
    );
    expect(wrong.statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
    // The same cookie still works for reads.
    expect((await noCsrf.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(200);
  });
});

describe("API tokens", () => {
  async function tokenOf(role: Role, scopes: string[]): Promise<{ id: string; client: Client }> {
    const created = await world.clients[role].request("POST", `/api/v1/orgs/${world.slug}/tokens`, {
      name: `${role}-${scopes.join("+")}-${world.next()}`,
      scopes,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, secret } = created.json<{ token: { id: string }; secret: string }>();
    const bearer = client(api, { bearer: secret });
    // The first use records last-used; do it before any before/after comparison.
    await bearer.request("GET", "/api/v1/orgs");
    return { id: token.id, client: bearer };
  }

  it("a read token reads but cannot write anything", async () => {
    await prepareRefusable();
    const { client: reader } = await tokenOf("owner", ["read"]);
    expect((await reader.request("GET", `/api/v1/orgs/${world.slug}/evidence`)).statusCode).toBe(
      200,
    );
    const before = await snapshot();
    for (const [route, prepared] of refusable.filter(([r]) => r.method !== "GET")) {
      const response = await call(reader, route, prepared);
      // Verifying the audit log only reads: the read scope covers it.
      const expected = route.action === "audit-log:verify" ? 200 : 403;
      expect.soft(response.statusCode, `${label(route)}: ${response.body}`).toBe(expected);
    }
    for (const [route, prepared] of accountCalls) {
      const what = `${route.method} ${route.path}`;
      const response = await reader.request(route.method, userUrl(route, prepared), prepared.body);
      const expected = route.tokenAllowed ? (route.method === "GET" ? 200 : 204) : 403;
      expect.soft(response.statusCode, `${what}: ${response.body}`).toBe(expected);
    }
    expect(await snapshot()).toBe(before);
  });

  it("an evidence:write token adds evidence for an owner or admin, but reads nothing", async () => {
    for (const role of ["owner", "admin"] as const) {
      const { client: writer } = await tokenOf(role, ["evidence:write"]);
      const added = await writer.request("POST", `/api/v1/orgs/${world.slug}/evidence`, {
        title: `From CI (${role})`,
        link: `https://ci.example/${role}`,
        controls: [world.ids.unownedControl],
        forDate: "2025-06-30",
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ addedBy: expect.stringContaining("token") });
      const listed = await writer.request("GET", `/api/v1/orgs/${world.slug}/evidence`);
      expect(listed.statusCode).toBe(403);
    }
  });

  it("a token never does more than its maker's role", async () => {
    const { client: employeeToken } = await tokenOf("employee", ["read", "evidence:write"]);
    const { client: ownerToken } = await tokenOf("control-owner", ["evidence:write"]);
    const before = await snapshot();
    expect(
      (await employeeToken.request("GET", `/api/v1/orgs/${world.slug}/evidence`)).statusCode,
    ).toBe(403);
    const added = await employeeToken.request("POST", `/api/v1/orgs/${world.slug}/evidence`, {
      title: "From an employee's script",
      link: "https://ci.example/employee",
      forDate: "2025-06-30",
    });
    expect(added.statusCode).toBe(403);
    const unowned = await ownerToken.request("POST", `/api/v1/orgs/${world.slug}/evidence`, {
      title: "For a control I do not own",
      link: "https://ci.example/control-owner",
      controls: [world.ids.unownedControl],
      forDate: "2025-06-30",
    });
    expect(unowned.statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("a token made in one organization answers 404 in another its maker belongs to", async () => {
    const other = await createOrgViaApi(world.clients.owner, "Acme Labs");
    const { client: reader } = await tokenOf("owner", ["read"]);
    expect((await reader.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(200);
    const before = await snapshot();
    const elsewhere = await reader.request("GET", `/api/v1/orgs/${other}`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: "NOT_FOUND" });
    expect((await reader.request("GET", `/api/v1/orgs/${other}/controls`)).statusCode).toBe(404);
    const orgs = await reader.request("GET", "/api/v1/orgs");
    expect(orgs.json<{ items: { slug: string }[] }>().items.map((o) => o.slug)).toEqual([
      world.slug,
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("a revoked token answers 401", async () => {
    const { id, client: reader } = await tokenOf("admin", ["read"]);
    expect((await reader.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(200);
    const revoked = await world.clients.admin.request(
      "DELETE",
      `/api/v1/orgs/${world.slug}/tokens/${id}`,
    );
    expect(revoked.statusCode).toBe(204);
    const after = await reader.request("GET", `/api/v1/orgs/${world.slug}`);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a removed member's tokens stop working", async () => {
    const { client: reader } = await tokenOf("employee", ["read"]);
    expect((await reader.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(200);
    const employeeId = world.clients.employee.session?.user.id ?? "";
    const removed = await world.clients.owner.request(
      "DELETE",
      `/api/v1/orgs/${world.slug}/members/${employeeId}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await reader.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode).toBe(401);
    expect(
      (await world.clients.employee.request("GET", `/api/v1/orgs/${world.slug}`)).statusCode,
    ).toBe(404);
  });
});
