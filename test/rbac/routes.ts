/**
 * Every authenticated API route, as a table the RBAC and tenant-isolation tests walk: its
 * method and path, the permission its service checks (the allowed roles come from
 * `rolesAllowed`), and how to arrange an organization so that an allowed caller succeeds.
 *
 * A guard test compares this table with the routes the app really serves, so a new route
 * without an entry here fails the build.
 */
import type { Role } from "../../src/domain/actor.ts";
import type { Action } from "../../src/domain/permissions.ts";
import type { Api, Client } from "../support/http.ts";
import { createOrgViaApi, invite } from "../support/http.ts";
import { COMPLETE_DESCRIPTION } from "../support/report.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route call needs: path parameters (without :org), a body, extra headers. */
export interface Call {
  params: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A tenant's record that a path parameter names. */
export type ResourceKind =
  "control" | "evidence" | "engagement" | "invitation" | "token" | "member" | "auditor";

export interface OrgRoute {
  method: Method;
  /** Below /api/v1/orgs/:org, as Fastify writes it ("" is the organization itself). */
  path: string;
  /** The permission the service checks: the allowed roles are `rolesAllowed(action)`. */
  action: Action;
  /** The success status. */
  status: 200 | 201 | 204;
  /** Which path parameters name a tenant's record (for the cross-tenant checks). */
  resources?: Record<string, ResourceKind>;
  /**
   * Arranges the organization (as its owner) so that `role` calling the route succeeds when the
   * role is allowed, and returns the call. A control owner always gets a control they own.
   */
  prepare(world: World, role: Role): Promise<Call>;
}

/** Authenticated routes outside any organization: the caller's own account and list. */
export interface UserRoute {
  method: Method;
  path: string;
  /** An API token may call it (the rest need a signed-in person). */
  tokenAllowed: boolean;
  prepare(world: World): Promise<Call>;
}

/** Routes anyone may call: sign-in, setup, invitation links, the public catalog. */
export const PUBLIC_ROUTES = [
  "GET /api/v1/setup",
  "POST /api/v1/setup",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/totp",
  "POST /api/v1/auth/password-reset",
  "POST /api/v1/auth/password-reset/confirm",
  "GET /api/v1/invitations/:token",
  "POST /api/v1/invitations/:token/accept",
  "GET /api/v1/criteria",
  "GET /api/v1/openapi.json",
  // A share link's secret is the reader's only credential.
  "GET /api/v1/shared/:token",
  "POST /api/v1/shared/:token/accept",
  "GET /api/v1/shared/:token/report",
] as const;

/** Served by @fastify/swagger-ui under /api/v1/docs: static pages, no data. */
export const DOCS_PREFIX = "/api/v1/docs";

/** One organization with a member in every role and a record of every kind. */
export interface World {
  api: Api;
  slug: string;
  /** The prefix of this world's email addresses and custom control refs. */
  prefix: string;
  clients: Record<Role, Client>;
  ids: {
    organization: string;
    /** A custom control (exists only in this organization), owned by the control owner. */
    ownedControl: string;
    /** An adopted control nobody owns. */
    unownedControl: string;
    /** A criterion the owned control is mapped and unmapped to by the matrix. */
    mapCriterion: string;
    /** A criterion marked not relevant and relevant again. */
    excludeCriterion: string;
    linkEvidence: string;
    fileEvidence: string;
    /** Type 2 in fieldwork, sampled, with an exception recorded; the auditor is assigned. */
    sampledEngagement: string;
    /** Type 2 in fieldwork, never tested (samples may be redrawn); the auditor is assigned. */
    openEngagement: string;
    /** Type 1 in planning; the auditor is NOT assigned. */
    hiddenEngagement: string;
    /**
     * Type 1, every control tested for design, in the report steps with a complete description,
     * an approved assertion and a first final version; the auditor is assigned.
     */
    reportEngagement: string;
    sampledControl: string;
    sampledItem: string;
    auditorUserId: string;
    /** A second auditor that the matrix assigns and unassigns. */
    spareAuditorUserId: string;
    /** A member whose role the matrix changes. */
    targetUserId: string;
    invitation: string;
    /** The owner's own API token. */
    token: string;
    /** The owner's signed-in session. */
    ownerSession: string;
  };
  /** A fresh number, for names that must not repeat. */
  next(): number;
}

export const TYPE2_PERIOD = { from: "2025-01-01", to: "2025-12-31" };
/** Inside the Type 2 period, so an assigned auditor sees the evidence. */
export const EVIDENCE_DATE = "2025-06-30";

export function orgUrl(slug: string, route: Pick<OrgRoute, "path">, call: Call): string {
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = call.params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${route.path}`);
    return encodeURIComponent(value);
  });
  return `/api/v1/orgs/${slug}${path}`;
}

export function userUrl(route: Pick<UserRoute, "path">, call: Call): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = call.params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

async function expectStatus(
  response: Promise<{ statusCode: number; body: string; json<T>(): T }>,
  status: number,
  what: string,
) {
  const answer = await response;
  if (answer.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.statusCode}: ${answer.body}`);
  }
  return answer;
}

function base(world: World): string {
  return `/api/v1/orgs/${world.slug}`;
}

/** A multipart evidence upload: the metadata field, then the file. */
export function multipartEvidence(metadata: object, text: string): Call & { body: string } {
  const boundary = "----attest-matrix-boundary";
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="metadata"',
    "",
    JSON.stringify(metadata),
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="matrix.txt"',
    "Content-Type: text/plain",
    "",
    text,
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return {
    params: {},
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function newLinkEvidence(world: World, controls: string[] = []): Promise<string> {
  const owner = world.clients.owner;
  const created = await expectStatus(
    owner.request("POST", `${base(world)}/evidence`, {
      title: `Evidence ${world.next()}`,
      link: `https://evidence.example/${world.prefix}/${world.next()}`,
      controls,
      forDate: EVIDENCE_DATE,
    }),
    201,
    "add evidence",
  );
  return created.json<{ id: string }>().id;
}

async function newEngagement(world: World, body: object): Promise<string> {
  const owner = world.clients.owner;
  const created = await expectStatus(
    owner.request("POST", `${base(world)}/engagements`, body),
    201,
    "create engagement",
  );
  return created.json<{ id: string }>().id;
}

async function assignAuditor(world: World, engagement: string, userId: string): Promise<void> {
  await expectStatus(
    world.clients.owner.request(
      "PUT",
      `${base(world)}/engagements/${engagement}/auditors/${userId}`,
    ),
    200,
    "assign auditor",
  );
}

async function advance(world: World, engagement: string, steps: number): Promise<void> {
  for (let step = 0; step < steps; step += 1) {
    await expectStatus(
      world.clients.owner.request("POST", `${base(world)}/engagements/${engagement}/advance`, {}),
      200,
      "advance engagement",
    );
  }
}

async function controlCriteria(world: World, ref: string): Promise<string[]> {
  const shown = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/controls/${ref}`),
    200,
    "show control",
  );
  return shown.json<{ control: { criteria: string[] } }>().control.criteria;
}

async function scopeOf(world: World): Promise<{ categories: string[]; exclusions: unknown[] }> {
  const scope = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/scope`),
    200,
    "read scope",
  );
  return scope.json();
}

const TYPE1 = { type: 1, asOf: "2025-12-31", auditFirm: "Matrix & Co" };
const TYPE2 = { type: 2, ...TYPE2_PERIOD, auditFirm: "Matrix & Co" };

/**
 * A Type 1 carried to its first final report: every control marked implemented before the scope
 * is frozen, tested as suitably designed, then the description filled in, the assertion
 * approved and the draft finalized. The auditor is assigned. The per-control calls (some 80
 * each) go out together: the organization's writers still take turns on its row lock, but the
 * requests' own work overlaps, which keeps the world quick to build.
 */
async function newReportEngagement(world: World): Promise<string> {
  const owner = world.clients.owner;
  const id = await newEngagement(world, TYPE1);
  const path = `${base(world)}/engagements/${id}`;
  await assignAuditor(world, id, world.ids.auditorUserId);
  // A control is concluded suitably designed only if it was in place when the scope was frozen.
  const listed = await expectStatus(
    owner.request("GET", `${base(world)}/controls?limit=500`),
    200,
    "list controls",
  );
  const controls = listed.json<{ items: { ref: string; status: string }[] }>().items;
  await Promise.all(
    controls
      .filter((c) => c.status !== "implemented")
      .map((control) =>
        expectStatus(
          owner.request("PATCH", `${base(world)}/controls/${control.ref}`, {
            status: "implemented",
          }),
          200,
          `mark ${control.ref} implemented`,
        ),
      ),
  );
  await advance(world, id, 3);
  const shown = await expectStatus(owner.request("GET", path), 200, "show engagement");
  const frozen = shown.json<{ snapshot: { controls: { ref: string }[] } }>().snapshot.controls;
  await Promise.all(
    frozen.map((control) =>
      expectStatus(
        owner.request("POST", `${path}/tests`, {
          control: control.ref,
          methods: ["inquiry", "inspection"],
          tester: "Tess Tester",
          design: "suitably-designed",
        }),
        201,
        `test ${control.ref}`,
      ),
    ),
  );
  await advance(world, id, 1);
  await expectStatus(
    owner.request("PUT", `${path}/report/description`, COMPLETE_DESCRIPTION),
    200,
    "describe the system",
  );
  await expectStatus(owner.request("POST", `${path}/report/assertion/approve`), 200, "approve");
  await expectStatus(owner.request("POST", `${path}/report/finalize`, {}), 201, "finalize");
  return id;
}

/** An unused criterion for mapping; the owned control starts mapped to CC1.1 only. */
const MAP_CRITERION = "CC1.2";
const EXCLUDE_CRITERION = "CC9.2";
/** Added and removed by the scope routes. */
const EXTRA_CATEGORY = "availability";

/**
 * Builds an organization as `owner`: members in every role (through real invitations), a
 * custom control owned by the control owner, evidence, engagements, an invitation and a token.
 */
export async function buildWorld(
  api: Api,
  owner: Client,
  name: string,
  prefix: string,
): Promise<World> {
  const slug = await createOrgViaApi(owner, name);
  const path = `/api/v1/orgs/${slug}`;
  const email = (local: string) => `${local}@${prefix}.example`;
  const admin = await invite(api, owner, slug, "admin", email("admin"));
  const controlOwner = await invite(api, owner, slug, "control-owner", email("control-owner"));
  const employee = await invite(api, owner, slug, "employee", email("employee"));
  const auditor = await invite(api, owner, slug, "auditor", email("auditor"));
  const spare = await invite(api, owner, slug, "auditor", email("spare-auditor"));
  const target = await invite(api, owner, slug, "employee", email("target"));
  let counter = 0;
  const userId = (client: Client) => {
    if (client.session === null) throw new Error("not signed in");
    return client.session.user.id;
  };

  const ownedControl = `${prefix.toUpperCase()}-OWNED-01`;
  await expectStatus(
    owner.request("POST", `${path}/controls`, {
      ref: ownedControl,
      title: "Owned by the control owner",
      description: "A control the matrix changes as its owner.",
      kind: "preventive",
      automation: "manual",
      frequency: "quarterly",
      owner: email("control-owner"),
      criteria: ["CC1.1"],
    }),
    201,
    "create control",
  );

  const world: World = {
    api,
    slug,
    prefix,
    clients: {
      owner,
      admin,
      "control-owner": controlOwner,
      employee,
      auditor,
    },
    ids: {
      organization: "",
      ownedControl,
      unownedControl: "AC-01",
      mapCriterion: MAP_CRITERION,
      excludeCriterion: EXCLUDE_CRITERION,
      linkEvidence: "",
      fileEvidence: "",
      sampledEngagement: "",
      openEngagement: "",
      hiddenEngagement: "",
      reportEngagement: "",
      sampledControl: "",
      sampledItem: "",
      auditorUserId: userId(auditor),
      spareAuditorUserId: userId(spare),
      targetUserId: userId(target),
      invitation: "",
      token: "",
      ownerSession: "",
    },
    next: () => {
      counter += 1;
      return counter;
    },
  };

  const organization = await expectStatus(owner.request("GET", path), 200, "show organization");
  world.ids.organization = organization.json<{ id: string }>().id;
  world.ids.linkEvidence = await newLinkEvidence(world, [ownedControl]);
  const upload = multipartEvidence(
    { title: "Uploaded file", controls: [ownedControl], forDate: EVIDENCE_DATE },
    `file evidence of ${prefix}`,
  );
  const file = await expectStatus(
    owner.request("POST", `${path}/evidence`, upload.body, upload.headers),
    201,
    "upload evidence",
  );
  world.ids.fileEvidence = file.json<{ id: string }>().id;

  world.ids.sampledEngagement = await newEngagement(world, TYPE2);
  world.ids.openEngagement = await newEngagement(world, TYPE2);
  world.ids.hiddenEngagement = await newEngagement(world, TYPE1);
  for (const engagement of [world.ids.sampledEngagement, world.ids.openEngagement]) {
    await advance(world, engagement, 3);
    await assignAuditor(world, engagement, world.ids.auditorUserId);
  }
  const drawn = await expectStatus(
    owner.request("POST", `${path}/engagements/${world.ids.sampledEngagement}/sample`, {
      seed: "matrix",
    }),
    201,
    "draw sample",
  );
  const sampled = drawn
    .json<{ controls: { controlRef: string; items: string[] }[] }>()
    .controls.find((c) => c.items.length > 0);
  if (sampled === undefined) throw new Error("the sample has no items");
  world.ids.sampledControl = sampled.controlRef;
  world.ids.sampledItem = sampled.items[0] ?? "";
  await expectStatus(
    owner.request("POST", `${path}/engagements/${world.ids.sampledEngagement}/items`, {
      control: world.ids.sampledControl,
      item: world.ids.sampledItem,
      result: "exception",
      description: "No review was recorded for this occurrence.",
      tester: "Tess Tester",
    }),
    201,
    "record exception",
  );
  world.ids.reportEngagement = await newReportEngagement(world);

  const invitation = await expectStatus(
    owner.request("POST", `${path}/invitations`, { email: email("pending"), role: "employee" }),
    201,
    "invite",
  );
  world.ids.invitation = invitation.json<{ invitation: { id: string } }>().invitation.id;
  const token = await expectStatus(
    owner.request("POST", `${path}/tokens`, { name: "owner-read", scopes: ["read"] }),
    201,
    "create token",
  );
  world.ids.token = token.json<{ token: { id: string } }>().token.id;
  const sessions = await expectStatus(
    owner.request("GET", "/api/v1/account/sessions"),
    200,
    "list sessions",
  );
  const current = sessions
    .json<{ items: { id: string; current: boolean }[] }>()
    .items.find((s) => s.current);
  world.ids.ownerSession = current?.id ?? "";
  return world;
}

/** The report engagement's path below the organization, for a prepare's own calls. */
function reportPath(world: World, rest = ""): string {
  return `${base(world)}/engagements/${world.ids.reportEngagement}/report${rest}`;
}

/** An assertion text no earlier call used: a change to the draft, and not yet approved. */
async function newAssertion(world: World): Promise<void> {
  await expectStatus(
    world.clients.owner.request("PUT", reportPath(world, "/assertion"), {
      text: `Management asserts that the system was suitably designed (matrix ${world.next()}).`,
    }),
    200,
    "edit assertion",
  );
}

async function newShareLink(world: World): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request("POST", reportPath(world, "/share-links"), {
      recipient: `Customer ${world.next()}`,
    }),
    201,
    "share",
  );
  return created.json<{ link: { id: string } }>().link.id;
}

async function newBridgeLetter(world: World): Promise<string> {
  const drafted = await expectStatus(
    world.clients.owner.request("POST", reportPath(world, "/bridge-letters"), {}),
    201,
    "draft bridge letter",
  );
  return String(drafted.json<{ number: number }>().number);
}

/** A review thread on an engagement the auditor is assigned to, kept apart from the report
 * engagement so that open threads never stand in the way of its finalization. */
async function newThread(world: World): Promise<string> {
  const opened = await expectStatus(
    world.clients.owner.request(
      "POST",
      `${base(world)}/engagements/${world.ids.sampledEngagement}/report/threads`,
      { section: "IV", body: `Please check the wording (${world.next()}).` },
    ),
    201,
    "open thread",
  );
  return opened.json<{ id: string }>().id;
}

const none = (): Promise<Call> => Promise.resolve({ params: {} });

export const ORG_ROUTES: readonly OrgRoute[] = [
  // Organization, scope, criteria, readiness, my tasks
  { method: "GET", path: "", action: "organization:read", status: 200, prepare: none },
  {
    method: "PATCH",
    path: "",
    action: "organization:update",
    status: 200,
    prepare: async (world) => ({
      params: {},
      body: { systemName: `System ${world.next()}` },
    }),
  },
  { method: "GET", path: "/scope", action: "scope:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/scope/categories",
    action: "scope:update",
    status: 201,
    prepare: async (world) => {
      if ((await scopeOf(world)).categories.includes(EXTRA_CATEGORY)) {
        await expectStatus(
          world.clients.owner.request(
            "DELETE",
            `${base(world)}/scope/categories/${EXTRA_CATEGORY}`,
          ),
          200,
          "remove category",
        );
      }
      return { params: {}, body: { category: EXTRA_CATEGORY } };
    },
  },
  {
    method: "DELETE",
    path: "/scope/categories/:category",
    action: "scope:update",
    status: 200,
    prepare: async (world) => {
      if (!(await scopeOf(world)).categories.includes(EXTRA_CATEGORY)) {
        await expectStatus(
          world.clients.owner.request("POST", `${base(world)}/scope/categories`, {
            category: EXTRA_CATEGORY,
          }),
          201,
          "add category",
        );
      }
      return { params: { category: EXTRA_CATEGORY } };
    },
  },
  {
    method: "PUT",
    path: "/scope/exclusions/:criterion",
    action: "scope:update",
    status: 200,
    prepare: async (world) => ({
      params: { criterion: world.ids.excludeCriterion },
      body: { reason: `We have no vendors of this kind (${world.next()}).` },
    }),
  },
  {
    method: "DELETE",
    path: "/scope/exclusions/:criterion",
    action: "scope:update",
    status: 200,
    prepare: async (world) => {
      await expectStatus(
        world.clients.owner.request(
          "PUT",
          `${base(world)}/scope/exclusions/${world.ids.excludeCriterion}`,
          { reason: "We have no vendors of this kind." },
        ),
        200,
        "mark not relevant",
      );
      return { params: { criterion: world.ids.excludeCriterion } };
    },
  },
  { method: "GET", path: "/criteria", action: "organization:read", status: 200, prepare: none },
  { method: "GET", path: "/readiness", action: "readiness:read", status: 200, prepare: none },
  {
    method: "GET",
    path: "/readiness/overdue",
    action: "evidence:read",
    status: 200,
    prepare: none,
  },
  { method: "GET", path: "/me/tasks", action: "organization:read", status: 200, prepare: none },

  // Controls
  { method: "GET", path: "/controls", action: "control:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/controls",
    action: "control:create",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: {
        ref: `${world.prefix.toUpperCase()}-NEW-${world.next()}`,
        title: "A control of our own",
        description: "Made by the role matrix.",
        kind: "detective",
        automation: "manual",
        frequency: "monthly",
      },
    }),
  },
  {
    method: "GET",
    path: "/controls/:ref",
    action: "control:read",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => ({ params: { ref: world.ids.ownedControl } }),
  },
  {
    method: "PATCH",
    path: "/controls/:ref",
    action: "control:update",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world, role) => ({
      params: { ref: world.ids.ownedControl },
      body: { description: `Changed by ${role} (${world.next()}).` },
    }),
  },
  {
    method: "PUT",
    path: "/controls/:ref/criteria/:criterion",
    action: "control:map",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => {
      const { ownedControl: ref, mapCriterion: criterion } = world.ids;
      if ((await controlCriteria(world, ref)).includes(criterion)) {
        await expectStatus(
          world.clients.owner.request(
            "DELETE",
            `${base(world)}/controls/${ref}/criteria/${criterion}`,
          ),
          200,
          "unmap",
        );
      }
      return { params: { ref, criterion } };
    },
  },
  {
    method: "DELETE",
    path: "/controls/:ref/criteria/:criterion",
    action: "control:map",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => {
      const { ownedControl: ref, mapCriterion: criterion } = world.ids;
      if (!(await controlCriteria(world, ref)).includes(criterion)) {
        await expectStatus(
          world.clients.owner.request(
            "PUT",
            `${base(world)}/controls/${ref}/criteria/${criterion}`,
          ),
          200,
          "map",
        );
      }
      return { params: { ref, criterion } };
    },
  },

  // Evidence
  { method: "GET", path: "/evidence", action: "evidence:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/evidence",
    action: "evidence:create",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: {
        title: `Added by ${role}`,
        link: `https://evidence.example/${world.prefix}/added-${world.next()}`,
        controls: [world.ids.ownedControl],
        forDate: EVIDENCE_DATE,
      },
    }),
  },
  {
    method: "GET",
    path: "/evidence/:id",
    action: "evidence:read",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({ params: { id: world.ids.linkEvidence } }),
  },
  {
    method: "GET",
    path: "/evidence/:id/file",
    action: "evidence:read",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({ params: { id: world.ids.fileEvidence } }),
  },
  {
    method: "POST",
    path: "/evidence/:id/links",
    action: "evidence:link",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({
      params: { id: await newLinkEvidence(world) },
      body: { control: world.ids.ownedControl },
    }),
  },
  {
    method: "DELETE",
    path: "/evidence/:id",
    action: "evidence:remove",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({
      params: { id: await newLinkEvidence(world, [world.ids.ownedControl]) },
      body: { reason: "Uploaded to the wrong control by mistake." },
    }),
  },

  // Engagements
  { method: "GET", path: "/engagements", action: "engagement:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/engagements",
    action: "engagement:manage",
    status: 201,
    prepare: async () => ({ params: {}, body: TYPE1 }),
  },
  {
    method: "GET",
    path: "/engagements/:id",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/evidence-bundle",
    // The service also checks evidence:read; every role with engagement:read has it.
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  { method: "GET", path: "/signing-key", action: "organization:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/engagements/:id/advance",
    action: "engagement:manage",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => {
      const id = await newEngagement(world, TYPE1);
      await assignAuditor(world, id, world.ids.auditorUserId);
      return { params: { id }, body: {} };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/auditors",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/auditors/:userId",
    action: "engagement:assign",
    status: 200,
    resources: { id: "engagement", userId: "auditor" },
    prepare: async (world) => {
      const id = world.ids.sampledEngagement;
      const userId = world.ids.spareAuditorUserId;
      await world.clients.owner.request(
        "DELETE",
        `${base(world)}/engagements/${id}/auditors/${userId}`,
      );
      return { params: { id, userId } };
    },
  },
  {
    method: "DELETE",
    path: "/engagements/:id/auditors/:userId",
    action: "engagement:assign",
    status: 204,
    resources: { id: "engagement", userId: "auditor" },
    prepare: async (world) => {
      const id = world.ids.sampledEngagement;
      const userId = world.ids.spareAuditorUserId;
      await assignAuditor(world, id, userId);
      return { params: { id, userId } };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/populations",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/sample",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/sample",
    action: "engagement:sample",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.openEngagement },
      body: { seed: `seed-${world.next()}`, redrawReason: "Redrawn by the role matrix test." },
    }),
  },
  {
    method: "GET",
    path: "/engagements/:id/results",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/tests",
    action: "engagement:test",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        methods: ["inspection"],
        tester: `Tester (${role})`,
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/items",
    action: "engagement:test",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        item: world.ids.sampledItem,
        result: "exception",
        description: "No review was recorded for this occurrence.",
        tester: `Tester (${role})`,
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/responses",
    action: "engagement:respond",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        item: world.ids.sampledItem,
        response: `Reviews are now recorded in the ticket (${role}).`,
      },
    }),
  },

  // Reports: the draft, review, finalization, outputs, sharing and bridge letters
  {
    method: "GET",
    path: "/report-standing",
    action: "report:read",
    status: 200,
    prepare: none,
  },
  {
    method: "GET",
    path: "/engagements/:id/report",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/description",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { boundaries: `The production account, as ${role} put it (${world.next()}).` },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/assertion",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { text: `Management asserts that the controls were suitably designed (${role}).` },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/opinion",
    action: "report:opinion",
    status: 200,
    // No `resources`: the cross-tenant checks call as the owner, who may never record an
    // opinion (403 before any lookup). The auditor's 404 on another engagement is checked in
    // src/server/routes/reports.test.ts.
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement },
      body: {
        type: "unmodified",
        text:
          "In our opinion, the description fairly presents the system, and the controls stated " +
          `in it were suitably designed as of December 31, 2025 (${world.next()}).`,
      },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/other-information",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement },
      body: { text: `Management's response to the matrix (${world.next()}).` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/assertion/approve",
    action: "report:approve",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => {
      await newAssertion(world);
      return { params: { id: world.ids.reportEngagement } };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/report/threads",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/threads",
    action: "report:review",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: { section: "III", body: `A question from ${role} (${world.next()}).` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/threads/:thread/comments",
    action: "report:review",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement, thread: await newThread(world) },
      body: { action: "disputed", body: `Answered, says ${role}.` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/finalize",
    action: "report:finalize",
    status: 201,
    resources: { id: "engagement" },
    // A new version needs a change since the last one and an approved assertion; an opinion
    // recorded earlier covered the old text, so the auditor records it again (or it blocks).
    prepare: async (world) => {
      await newAssertion(world);
      await expectStatus(
        world.clients.owner.request("POST", reportPath(world, "/assertion/approve")),
        200,
        "approve",
      );
      await expectStatus(
        world.clients.auditor.request("PUT", reportPath(world, "/opinion"), {
          type: "unmodified",
          text:
            "In our opinion, the description fairly presents the system, and the controls " +
            `stated in it were suitably designed as of December 31, 2025 (${world.next()}).`,
        }),
        200,
        "record the opinion again",
      );
      return { params: { id: world.ids.reportEngagement }, body: {} };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/report/versions",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/download",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/share-links",
    action: "report:share",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/share-links",
    action: "report:share",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { recipient: `Prospect of ${role} (${world.next()})`, days: 14 },
    }),
  },
  {
    method: "DELETE",
    path: "/engagements/:id/report/share-links/:link",
    action: "report:share",
    status: 204,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement, link: await newShareLink(world) },
    }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/bridge-letters",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/bridge-letters",
    action: "report:edit",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement }, body: {} }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/bridge-letters/:number",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement, number: await newBridgeLetter(world) },
      body: {
        text: `Nothing material has changed since the report's period ended, says ${role}.`,
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/bridge-letters/:number/approve",
    action: "report:approve",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement, number: await newBridgeLetter(world) },
    }),
  },

  // Background jobs and their notices
  { method: "GET", path: "/jobs", action: "job:read", status: 200, prepare: none },
  { method: "GET", path: "/notices", action: "notice:read", status: 200, prepare: none },

  // Audit log
  { method: "GET", path: "/audit-log", action: "audit-log:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/audit-log/verify",
    action: "audit-log:verify",
    status: 200,
    prepare: none,
  },

  // Members, invitations, API tokens
  { method: "GET", path: "/members", action: "member:read", status: 200, prepare: none },
  {
    method: "PATCH",
    path: "/members/:userId",
    action: "member:manage",
    status: 200,
    resources: { userId: "member" },
    prepare: async (world) => ({
      params: { userId: world.ids.targetUserId },
      body: { role: world.next() % 2 === 0 ? "employee" : "control-owner" },
    }),
  },
  {
    method: "DELETE",
    path: "/members/:userId",
    action: "member:manage",
    status: 204,
    resources: { userId: "member" },
    prepare: async (world) => {
      const leaving = await invite(
        world.api,
        world.clients.owner,
        world.slug,
        "employee",
        `leaving-${world.next()}@${world.prefix}.example`,
      );
      return { params: { userId: leaving.session?.user.id ?? "" } };
    },
  },
  { method: "GET", path: "/invitations", action: "member:manage", status: 200, prepare: none },
  {
    method: "POST",
    path: "/invitations",
    action: "member:manage",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: { email: `invited-${world.next()}@${world.prefix}.example`, role: "employee" },
    }),
  },
  {
    method: "DELETE",
    path: "/invitations/:id",
    action: "member:manage",
    status: 204,
    resources: { id: "invitation" },
    prepare: async (world) => {
      const created = await expectStatus(
        world.clients.owner.request("POST", `${base(world)}/invitations`, {
          email: `revoked-${world.next()}@${world.prefix}.example`,
          role: "employee",
        }),
        201,
        "invite",
      );
      return { params: { id: created.json<{ invitation: { id: string } }>().invitation.id } };
    },
  },
  { method: "GET", path: "/tokens", action: "token:manage", status: 200, prepare: none },
  {
    method: "POST",
    path: "/tokens",
    action: "token:manage",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: { name: `matrix-${world.next()}`, scopes: ["read"] },
    }),
  },
  {
    method: "DELETE",
    path: "/tokens/:id",
    action: "token:manage",
    status: 204,
    resources: { id: "token" },
    // A token is revoked by the member who made it: each role revokes one of its own.
    prepare: async (world, role) => {
      const created = await expectStatus(
        world.clients[role].request("POST", `${base(world)}/tokens`, {
          name: `mine-${world.next()}`,
          scopes: ["read"],
        }),
        201,
        "create token",
      );
      return { params: { id: created.json<{ token: { id: string } }>().token.id } };
    },
  },
];

export const USER_ROUTES: readonly UserRoute[] = [
  { method: "GET", path: "/api/v1/orgs", tokenAllowed: true, prepare: none },
  {
    method: "POST",
    path: "/api/v1/orgs",
    tokenAllowed: false,
    prepare: async (world) => ({
      params: {},
      body: { name: `Org ${world.prefix} ${world.next()}` },
    }),
  },
  { method: "GET", path: "/api/v1/auth/session", tokenAllowed: false, prepare: none },
  { method: "POST", path: "/api/v1/auth/logout", tokenAllowed: true, prepare: none },
  { method: "GET", path: "/api/v1/account/sessions", tokenAllowed: false, prepare: none },
  {
    method: "DELETE",
    path: "/api/v1/account/sessions/:id",
    tokenAllowed: false,
    prepare: async (world) => ({ params: { id: world.ids.ownerSession } }),
  },
  {
    method: "POST",
    path: "/api/v1/account/password",
    tokenAllowed: false,
    prepare: async () => ({
      params: {},
      body: { currentPassword: "correct battery staple horse 42", newPassword: "x" },
    }),
  },
  { method: "POST", path: "/api/v1/account/totp/setup", tokenAllowed: false, prepare: none },
  {
    method: "POST",
    path: "/api/v1/account/totp/enable",
    tokenAllowed: false,
    prepare: async () => ({ params: {}, body: { code: "123456" } }),
  },
  {
    method: "POST",
    path: "/api/v1/account/totp/disable",
    tokenAllowed: false,
    prepare: async () => ({ params: {}, body: { password: "correct battery staple horse 42" } }),
  },
];

/** "GET /api/v1/orgs/:org/controls/:ref" for a table entry. */
export function routeKey(route: OrgRoute | UserRoute): string {
  const path = "action" in route ? `/api/v1/orgs/:org${route.path}` : route.path;
  return `${route.method} ${path}`;
}

/** Fastify's printRoutes tree, flattened to "METHOD /full/path" (HEAD left out). */
export function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+)(?: \(([^)]*)\))?$/.exec(line.replace(/\s+$/, ""));
    if (match === null || line.trim() === "") continue;
    const depth = (match[1] ?? "").length / 4;
    const segment = match[2] ?? "";
    stack.length = depth;
    const path = `${stack.join("")}${segment}`;
    stack.push(segment);
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim())) {
      if (method !== "" && method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
