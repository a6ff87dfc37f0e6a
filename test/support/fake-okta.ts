/**
 * A local server that answers as the Okta Management API does, for the parts the Okta connector
 * reads: users (with the list's status filter and the created/statusChanged range filters),
 * factors, role assignments, groups and policies with their rules. Lists page through a Link
 * header with an `after` cursor, as Okta's do; errors carry Okta's JSON body (errorCode,
 * errorSummary, errorLink, errorId, errorCauses). Written from the public API reference.
 *
 * The state is plain data a test changes between runs (make a user enrol a factor, drop a role),
 * and `failWith` makes every request, or those whose path starts with a prefix, answer an error.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeOktaUser {
  id: string;
  status: string;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  profile: { login: string; email: string; firstName: string; lastName: string };
  factors: { id: string; factorType: string; provider: string; status: string }[];
  roles: { id: string; type: string; label: string; assignmentType: "USER" | "GROUP" }[];
}

export interface FakeOktaPolicy {
  id: string;
  type: "PASSWORD" | "OKTA_SIGN_ON";
  name: string;
  status: "ACTIVE" | "INACTIVE";
  priority: number;
  system: boolean;
  settings?: Record<string, unknown>;
  rules: Record<string, unknown>[];
}

export interface FakeOktaState {
  token: string;
  users: FakeOktaUser[];
  groups: { id: string; profile: { name: string; description: string } }[];
  policies: FakeOktaPolicy[];
  /** The most a page holds (Okta's lists hold up to 200; small here so that lists page). */
  pageSize: number;
}

export type FakeOktaFailure =
  | { kind: "status"; status: 401 | 403 | 429 | 500 | 503; pathPrefix?: string }
  | { kind: "malformed"; pathPrefix?: string }
  | { kind: "silent"; pathPrefix?: string };

export interface FakeOkta {
  orgUrl: string;
  state: FakeOktaState;
  failWith: FakeOktaFailure | null;
  /** The paths requested, in order (without the query). */
  requests: string[];
  close(): Promise<void>;
}

const ERRORS: Record<number, { code: string; summary: string }> = {
  401: { code: "E0000011", summary: "Invalid token provided" },
  403: { code: "E0000006", summary: "You do not have permission to perform the requested action" },
  404: { code: "E0000007", summary: "Not found: Resource not found" },
  429: { code: "E0000047", summary: "API call exceeded rate limit due to too many requests." },
  500: { code: "E0000009", summary: "Internal Server Error" },
  503: { code: "E0000010", summary: "Service is in read only mode" },
};

function sendError(response: http.ServerResponse, status: number, headers = {}): void {
  const error = ERRORS[status] ?? { code: "E0000001", summary: "Api validation failed" };
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(
    JSON.stringify({
      errorCode: error.code,
      errorSummary: error.summary,
      errorLink: error.code,
      errorId: `oae${status}fake`,
      errorCauses: [],
    }),
  );
}

/** The user as the API shows it: no factors or roles inline, a profile and links. */
function userBody(user: FakeOktaUser, base: string) {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.statusChanged ?? user.created,
    passwordChanged: null,
    type: { id: "oty1default" },
    profile: { ...user.profile, mobilePhone: null, secondEmail: null },
    credentials: { provider: { type: "OKTA", name: "OKTA" } },
    _links: { self: { href: `${base}/api/v1/users/${user.id}` } },
  };
}

/**
 * The few SCIM-style filter forms the connector sends: `status eq "X"` and date comparisons on
 * created or statusChanged joined by `and`. Anything else is a 400, as Okta answers an
 * unsupported filter.
 */
function userFilter(filter: string): ((user: FakeOktaUser) => boolean) | null {
  const parts = filter.split(/\s+and\s+/i);
  const tests: ((user: FakeOktaUser) => boolean)[] = [];
  for (const part of parts) {
    const match = /^\s*(status|created|statusChanged)\s+(eq|gt|ge|lt|le)\s+"([^"]+)"\s*$/.exec(
      part,
    );
    if (match === null) return null;
    const [, field = "", op = "", value = ""] = match;
    tests.push((user) => {
      const actual = field === "status" ? user.status : (user[field as "created"] ?? null);
      if (actual === null) return false;
      if (op === "eq") return actual === value;
      const compare = Date.parse(actual) - Date.parse(value);
      return op === "gt"
        ? compare > 0
        : op === "ge"
          ? compare >= 0
          : op === "lt"
            ? compare < 0
            : compare <= 0;
    });
  }
  return (user) => tests.every((t) => t(user));
}

/** One page of `items` after the cursor, with a Link header for the next when there is one. */
function sendPage<T extends { id: string }>(
  response: http.ServerResponse,
  url: URL,
  base: string,
  items: T[],
  pageSize: number,
  body: (item: T) => unknown,
): void {
  // Okta may answer fewer than the limit asked for; the fake's page size is that ceiling.
  const limit = Math.min(Number(url.searchParams.get("limit") ?? pageSize) || pageSize, pageSize);
  const after = url.searchParams.get("after");
  const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1;
  const page = items.slice(start, start + limit);
  const links = [`<${base}${url.pathname}${url.search}>; rel="self"`];
  const last = page.at(-1);
  if (last !== undefined && start + limit < items.length) {
    const next = new URL(url.toString());
    next.searchParams.set("after", last.id);
    next.searchParams.set("limit", String(limit));
    links.push(`<${base}${next.pathname}${next.search}>; rel="next"`);
  }
  response.writeHead(200, { "content-type": "application/json", link: links.join(", ") });
  response.end(JSON.stringify(page.map(body)));
}

function route(state: FakeOktaState, base: string, url: URL, response: http.ServerResponse) {
  const path = url.pathname;
  const json = (value: unknown) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };
  if (path === "/api/v1/users") {
    const filter = url.searchParams.get("filter") ?? url.searchParams.get("search");
    let users = state.users;
    if (filter === null) {
      // Without a filter, Okta lists every user but the deprovisioned ones.
      users = users.filter((u) => u.status !== "DEPROVISIONED");
    } else {
      const test = userFilter(filter);
      if (test === null) return sendError(response, 400);
      users = users.filter(test);
    }
    return sendPage(response, url, base, users, state.pageSize, (u) => userBody(u, base));
  }
  const userPart = /^\/api\/v1\/users\/([^/]+)\/(factors|roles)$/.exec(path);
  if (userPart !== null) {
    const user = state.users.find((u) => u.id === userPart[1]);
    if (user === undefined) return sendError(response, 404);
    if (userPart[2] === "factors") {
      return json(
        user.factors.map((f) => ({ ...f, vendorName: f.provider, created: user.created })),
      );
    }
    return json(
      user.roles.map((r) => ({
        ...r,
        status: "ACTIVE",
        created: user.created,
        lastUpdated: user.created,
        _links: { assignee: { href: `${base}/api/v1/users/${user.id}` } },
      })),
    );
  }
  if (path === "/api/v1/groups") {
    return sendPage(response, url, base, state.groups, state.pageSize, (g) => ({
      ...g,
      type: "OKTA_GROUP",
      objectClass: ["okta:user_group"],
    }));
  }
  if (path === "/api/v1/policies") {
    const type = url.searchParams.get("type");
    if (type === null) return sendError(response, 400);
    const listed = state.policies.filter((p) => p.type === type);
    return json(
      listed.map((p) => ({
        id: p.id,
        type: p.type,
        name: p.name,
        status: p.status,
        priority: p.priority,
        system: p.system,
        settings: p.settings ?? {},
        _links: { rules: { href: `${base}/api/v1/policies/${p.id}/rules` } },
      })),
    );
  }
  const rules = /^\/api\/v1\/policies\/([^/]+)\/rules$/.exec(path);
  if (rules !== null) {
    const policy = state.policies.find((p) => p.id === rules[1]);
    if (policy === undefined) return sendError(response, 404);
    return json(policy.rules);
  }
  return sendError(response, 404);
}

export async function startFakeOkta(initial: Partial<FakeOktaState> = {}): Promise<FakeOkta> {
  const state: FakeOktaState = {
    token: "00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-_xy",
    users: [],
    groups: [],
    policies: [],
    pageSize: 2,
    ...initial,
  };
  const requests: string[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const fake: FakeOkta = {
    orgUrl: "",
    state,
    failWith: null,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", fake.orgUrl);
    requests.push(url.pathname);
    const failure = fake.failWith;
    if (failure !== null && url.pathname.startsWith(failure.pathPrefix ?? "/")) {
      if (failure.kind === "silent") return; // never answers: the caller's timeout must act
      if (failure.kind === "malformed") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('[{"id": "00u1", "status": ');
        return;
      }
      const reset = Math.floor(Date.now() / 1000) + 42;
      return sendError(
        response,
        failure.status,
        failure.status === 429
          ? {
              "x-rate-limit-limit": "600",
              "x-rate-limit-remaining": "0",
              "x-rate-limit-reset": String(reset),
            }
          : {},
      );
    }
    if (request.headers.authorization !== `SSWS ${state.token}`) return sendError(response, 401);
    if (request.method !== "GET") return sendError(response, 405);
    route(state, fake.orgUrl, url, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.orgUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A user record for fixtures: active, enrolled in push, no roles; override what matters. */
export function oktaUser(
  id: string,
  email: string,
  overrides: Partial<Omit<FakeOktaUser, "profile">> = {},
): FakeOktaUser {
  const [first = "", last = ""] = email.split("@")[0]?.split(".") ?? [];
  return {
    id,
    status: "ACTIVE",
    created: "2026-01-05T09:00:00.000Z",
    activated: "2026-01-05T09:05:00.000Z",
    statusChanged: "2026-01-05T09:05:00.000Z",
    lastLogin: "2026-12-01T08:00:00.000Z",
    profile: { login: email, email, firstName: capital(first), lastName: capital(last) },
    factors: [{ id: `opf${id}`, factorType: "push", provider: "OKTA", status: "ACTIVE" }],
    roles: [],
    ...overrides,
  };
}

function capital(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO time `days` before now: sign-ins are judged against the time of collection. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

/**
 * An org where every Okta check passes: two administrators with security keys (one super
 * administrator), a member with push, a deprovisioned leaver, a suspended account without roles,
 * a 12-character password policy with screening and lockout, and a sign-on policy whose allowing
 * rules all ask for a factor. Tests break one thing at a time.
 */
export function compliantOktaOrg(): Pick<FakeOktaState, "users" | "groups" | "policies"> {
  const key = (id: string) => ({
    id: `fwf${id}`,
    factorType: "webauthn",
    provider: "FIDO",
    status: "ACTIVE",
  });
  return {
    users: [
      oktaUser("00u1alice", "alice.martin@acme.test", {
        lastLogin: daysAgo(1),
        factors: [key("1"), { id: "opf1", factorType: "push", provider: "OKTA", status: "ACTIVE" }],
        roles: [
          { id: "ra1", type: "SUPER_ADMIN", label: "Super Administrator", assignmentType: "USER" },
        ],
      }),
      oktaUser("00u2bob", "bob.stone@acme.test", { lastLogin: daysAgo(3) }),
      oktaUser("00u3carol", "carol.diaz@acme.test", {
        lastLogin: daysAgo(2),
        factors: [key("3")],
        roles: [
          {
            id: "ra3",
            type: "ORG_ADMIN",
            label: "Organization Administrator",
            assignmentType: "GROUP",
          },
        ],
      }),
      oktaUser("00u4dave", "dave.leaver@acme.test", {
        status: "DEPROVISIONED",
        statusChanged: "2026-10-31T17:00:00.000Z",
        lastLogin: "2026-10-30T09:00:00.000Z",
        factors: [],
      }),
      oktaUser("00u5erin", "erin.paused@acme.test", {
        status: "SUSPENDED",
        statusChanged: "2026-11-15T10:00:00.000Z",
        lastLogin: daysAgo(40),
      }),
    ],
    groups: [{ id: "00g1", profile: { name: "Everyone", description: "All users" } }],
    policies: [
      {
        id: "00ppw1",
        type: "PASSWORD",
        name: "Default Policy",
        status: "ACTIVE",
        priority: 1,
        system: true,
        settings: {
          password: {
            complexity: { minLength: 12, dictionary: { common: { exclude: true } } },
            age: { maxAgeDays: 0, historyCount: 4 },
            lockout: { maxAttempts: 5, autoUnlockMinutes: 30 },
          },
        },
        rules: [],
      },
      {
        id: "00pso1",
        type: "OKTA_SIGN_ON",
        name: "Default Policy",
        status: "ACTIVE",
        priority: 1,
        system: true,
        rules: [
          signOnRule("0pr1", "MFA for everyone", "ALLOW", true),
          signOnRule("0pr2", "Block legacy", "DENY", false),
        ],
      },
    ],
  };
}

export function signOnRule(
  id: string,
  name: string,
  access: "ALLOW" | "DENY",
  requireFactor: boolean,
) {
  return {
    id,
    name,
    type: "SIGN_ON",
    status: "ACTIVE",
    priority: 1,
    system: false,
    conditions: { people: { groups: { include: ["00g1"] } }, network: { connection: "ANYWHERE" } },
    actions: {
      signon: {
        access,
        requireFactor,
        ...(requireFactor ? { factorPromptMode: "ALWAYS", factorLifetime: 15 } : {}),
        session: {
          usePersistentCookie: false,
          maxSessionIdleMinutes: 120,
          maxSessionLifetimeMinutes: 0,
        },
      },
    },
  };
}
