/**
 * Two organizations, Alpha and Beta, built alike. Alpha's owner is not a member of Beta; Beta's
 * owner is an employee of Alpha (invited there, then made Beta). For every organization route:
 * Beta's record ids on Alpha's path answer 404, Beta's path answers 404 to Alpha's owner, and
 * neither changes anything. No answer on Alpha's side carries an id of Beta's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database.ts";
import type { TestContext } from "../support/database.ts";
import { client, createApi, invite, setupOwner } from "../support/http.ts";
import type { Api, Client } from "../support/http.ts";
import { snapshotDatabase } from "../support/snapshot.ts";
import { rolesAllowed } from "../../src/domain/permissions.ts";
import { ORG_ROUTES, buildWorld, orgUrl } from "./routes/index.ts";
import type { Call, OrgRoute, ResourceKind, World } from "./routes/index.ts";

let t: TestContext;
let api: Api;
let alpha: World;
let beta: World;
/** Beta's owner: also an employee of Alpha. */
let bob: Client;

beforeAll(async () => {
  t = await createTestContext();
  api = await createApi(t);
  const olivia = await setupOwner(t, api, "owner@alpha.example");
  alpha = await buildWorld(api, olivia, "Alpha", "alpha");
  bob = await invite(api, olivia, alpha.slug, "employee", "bob@beta.example");
  beta = await buildWorld(api, bob, "Beta", "beta");
});

afterAll(async () => {
  await api?.close();
  await t?.close();
});

const snapshot = () => snapshotDatabase(t.ctx.db);

function label(route: OrgRoute): string {
  return `${route.method} /orgs/:org${route.path}`;
}

function call(caller: Client, slug: string, route: OrgRoute, prepared: Call) {
  return caller.request(
    route.method,
    orgUrl(slug, route, prepared),
    prepared.body,
    prepared.headers,
  );
}

/** Beta's record of each kind; none of them exists in Alpha. */
function betaId(kind: ResourceKind, route: OrgRoute): string {
  const ids = beta.ids;
  const byKind: Record<ResourceKind, string> = {
    control: ids.ownedControl,
    evidence: route.path.endsWith("/file") ? ids.fileEvidence : ids.linkEvidence,
    engagement: ids.sampledEngagement,
    invitation: ids.invitation,
    token: ids.token,
    member: ids.targetUserId,
    auditor: ids.auditorUserId,
    policy: ids.policy,
    risk: ids.risk,
    "risk-assessment": ids.riskAssessment,
    vendor: ids.vendor,
    "notification-channel": ids.notificationChannel,
    person: ids.person,
    "person-step": ids.personStep,
    finding: ids.finding,
    monitor: ids.monitor,
    "access-review": ids.accessReview,
  };
  return byKind[kind];
}

describe("the two organizations", () => {
  it("share no member but Bob, and Alpha's owner does not belong to Beta", async () => {
    const mine = await alpha.clients.owner.request("GET", "/api/v1/orgs");
    expect(mine.json<{ items: { slug: string }[] }>().items.map((o) => o.slug)).toEqual([
      alpha.slug,
    ]);
    const bobs = await bob.request("GET", "/api/v1/orgs");
    expect(
      bobs
        .json<{ items: { slug: string; role: string }[] }>()
        .items.map((o) => `${o.slug}:${o.role}`)
        .sort(),
    ).toEqual([`${alpha.slug}:employee`, `${beta.slug}:owner`]);
    expect(alpha.ids.ownedControl).not.toBe(beta.ids.ownedControl);
  });
});

describe("Beta's record ids on Alpha's path", () => {
  const withIds = ORG_ROUTES.filter((route) => route.resources !== undefined);

  it("covers every route that names a record", () => {
    expect(withIds.length).toBeGreaterThanOrEqual(24);
  });

  for (const route of withIds) {
    it(`${label(route)} answers 404 and changes nothing`, async () => {
      for (const [param, kind] of Object.entries(route.resources ?? {})) {
        const prepared = await route.prepare(alpha, "owner");
        const foreign = {
          ...prepared,
          params: { ...prepared.params, [param]: betaId(kind, route) },
        };
        const before = await snapshot();
        const response = await call(alpha.clients.owner, alpha.slug, route, foreign);
        expect.soft(response.statusCode, `${param} of Beta: ${response.body}`).toBe(404);
        expect.soft(response.json<{ code: string }>().code, param).toBe("NOT_FOUND");
        expect.soft(await snapshot(), `${param} of Beta changed something`).toBe(before);
      }
    });
  }

  it("a prefix of Beta's evidence id finds nothing in Alpha", async () => {
    for (const id of [beta.ids.linkEvidence, beta.ids.fileEvidence]) {
      const response = await alpha.clients.owner.request(
        "GET",
        `/api/v1/orgs/${alpha.slug}/evidence/${id.slice(0, 8)}`,
      );
      expect(response.statusCode).toBe(404);
    }
  });

  it("an engagement number means Alpha's own engagement on Alpha's path", async () => {
    const response = await alpha.clients.owner.request(
      "GET",
      `/api/v1/orgs/${alpha.slug}/engagements/E-1`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<{ id: string }>().id).toBe(alpha.ids.sampledEngagement);
  });

  it("Bob cannot revoke his Beta token through Alpha, where he is a member", async () => {
    const before = await snapshot();
    const response = await bob.request(
      "DELETE",
      `/api/v1/orgs/${alpha.slug}/tokens/${beta.ids.token}`,
    );
    expect(response.statusCode).toBe(404);
    const listed = await bob.request("GET", `/api/v1/orgs/${alpha.slug}/tokens`);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it("Beta's control in a body is as unknown as a control that does not exist", async () => {
    const owner = alpha.clients.owner;
    const path = `/api/v1/orgs/${alpha.slug}`;
    const unlinked = await owner.request("POST", `${path}/evidence`, {
      title: "Unlinked",
      link: "https://evidence.example/alpha/unlinked",
      forDate: "2025-06-30",
    });
    const evidence = unlinked.json<{ id: string }>().id;
    const attempts: [string, (control: string) => Promise<{ statusCode: number; body: string }>][] =
      [
        [
          "add evidence",
          (control) =>
            owner.request("POST", `${path}/evidence`, {
              title: "For Beta's control",
              link: "https://evidence.example/alpha/cross",
              controls: [control],
              forDate: "2025-06-30",
            }),
        ],
        [
          "link evidence",
          (control) => owner.request("POST", `${path}/evidence/${evidence}/links`, { control }),
        ],
        [
          "record a test",
          (control) =>
            owner.request("POST", `${path}/engagements/${alpha.ids.sampledEngagement}/tests`, {
              control,
              methods: ["inspection"],
              auditor: alpha.ids.auditorEmail,
            }),
        ],
        ["list evidence", (control) => owner.request("GET", `${path}/evidence?control=${control}`)],
      ];
    for (const [what, attempt] of attempts) {
      const before = await snapshot();
      const foreign = await attempt(beta.ids.ownedControl);
      const missing = await attempt("ZZ-NOPE-99");
      expect.soft(foreign.statusCode, `${what}: ${foreign.body}`).toBe(422);
      expect.soft(foreign.statusCode, what).toBe(missing.statusCode);
      expect.soft(await snapshot(), what).toBe(before);
    }
  });

  it("no answer on Alpha's side carries an id of Beta's", async () => {
    const ids = beta.ids;
    const secrets = [
      ids.organization,
      ids.ownedControl,
      ids.linkEvidence,
      ids.fileEvidence,
      ids.sampledEngagement,
      ids.openEngagement,
      ids.hiddenEngagement,
      ids.auditorUserId,
      ids.spareAuditorUserId,
      ids.targetUserId,
      ids.invitation,
      ids.token,
      ids.policy,
      beta.clients.admin.session?.user.id ?? "",
      "https://evidence.example/beta/",
    ];
    const checked: string[] = [];
    for (const route of ORG_ROUTES.filter((r) => r.method === "GET")) {
      // The owner reads everything but the auditor's own files, which the auditor reads.
      const allowed = rolesAllowed(route.action);
      const role = allowed.includes("owner") ? "owner" : (allowed[0] ?? "owner");
      const prepared = await route.prepare(alpha, role);
      const url = orgUrl(alpha.slug, route, prepared);
      const response = await alpha.clients[role].request("GET", url);
      expect.soft(response.statusCode, `${label(route)}: ${response.body}`).toBe(200);
      for (const secret of secrets) {
        expect.soft(response.body, `${label(route)} shows ${secret}`).not.toContain(secret);
      }
      checked.push(label(route));
    }
    const auditLog = await alpha.clients.owner.request(
      "GET",
      `/api/v1/orgs/${alpha.slug}/audit-log?limit=500`,
    );
    for (const secret of secrets) expect(auditLog.body).not.toContain(secret);
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it("Alpha's owner cannot sign out a session of Beta's owner", async () => {
    const sessions = await bob.request("GET", "/api/v1/account/sessions");
    const bobSession = sessions.json<{ items: { id: string }[] }>().items[0]?.id ?? "";
    expect(bobSession).not.toBe("");
    const before = await snapshot();
    const response = await alpha.clients.owner.request(
      "DELETE",
      `/api/v1/account/sessions/${bobSession}`,
    );
    expect(response.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe("Beta's path as Alpha's owner", () => {
  for (const route of ORG_ROUTES) {
    it(`${label(route)} answers 404 and changes nothing`, async () => {
      const prepared = await route.prepare(beta, "owner");
      const before = await snapshot();
      const response = await call(alpha.clients.owner, beta.slug, route, prepared);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json()).toMatchObject({
        code: "NOT_FOUND",
        detail: `organization "${beta.slug}" was not found`,
      });
      expect(await snapshot()).toBe(before);
    });
  }

  it("Beta's organization id works no better than its slug", async () => {
    const byId = await alpha.clients.owner.request("GET", `/api/v1/orgs/${beta.ids.organization}`);
    expect(byId.statusCode).toBe(404);
    const controls = await alpha.clients.owner.request(
      "GET",
      `/api/v1/orgs/${beta.ids.organization}/controls`,
    );
    expect(controls.statusCode).toBe(404);
  });

  it("every role of Alpha gets the same 404 as a stranger", async () => {
    const stranger = client(api);
    expect((await stranger.request("GET", `/api/v1/orgs/${beta.slug}`)).statusCode).toBe(401);
    for (const caller of Object.values(alpha.clients)) {
      const response = await caller.request("GET", `/api/v1/orgs/${beta.slug}/evidence`);
      expect(response.statusCode).toBe(404);
    }
  });

  it("an API token of Alpha answers 404 on Beta's path, even for Bob who belongs to both", async () => {
    const make = async (maker: Client, slug: string) => {
      const created = await maker.request("POST", `/api/v1/orgs/${slug}/tokens`, {
        name: "cross",
        scopes: ["read", "evidence:write"],
      });
      expect(created.statusCode, created.body).toBe(201);
      const bearer = client(api, { bearer: created.json<{ secret: string }>().secret });
      await bearer.request("GET", "/api/v1/orgs");
      return bearer;
    };
    const ownerToken = await make(alpha.clients.owner, alpha.slug);
    const bobAlphaToken = await make(bob, alpha.slug);
    const bobBetaToken = await make(bob, beta.slug);
    const before = await snapshot();
    expect((await ownerToken.request("GET", `/api/v1/orgs/${beta.slug}/evidence`)).statusCode).toBe(
      404,
    );
    expect((await bobAlphaToken.request("GET", `/api/v1/orgs/${beta.slug}`)).statusCode).toBe(404);
    const write = await bobAlphaToken.request("POST", `/api/v1/orgs/${beta.slug}/evidence`, {
      title: "Through the wrong token",
      link: "https://evidence.example/cross",
      forDate: "2025-06-30",
    });
    expect(write.statusCode).toBe(404);
    expect((await bobBetaToken.request("GET", `/api/v1/orgs/${alpha.slug}`)).statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(
      (await bobBetaToken.request("GET", `/api/v1/orgs/${beta.slug}/evidence`)).statusCode,
    ).toBe(200);
  });
});
