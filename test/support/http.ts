/**
 * Drives the real Fastify app in-process (app.inject): a client per signed-in person, made
 * through the real setup and invitation flows, and the log lines the app wrote.
 */
import { Writable } from "node:stream";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role } from "../../src/domain/actor.ts";
import { buildApp } from "../../src/server/app.ts";
import { issueSetupToken } from "../../src/services/access/auth.service.ts";
import type { SessionView } from "../../src/services/access/auth.service.ts";
import { afterEach, beforeEach } from "vitest";
import { createTestContext } from "./database.ts";
import type { TestContext, TestContextOptions } from "./database.ts";

export const TEST_PASSWORD = "correct battery staple horse 42";

export interface Api {
  app: FastifyInstance;
  /** Everything the app logged, one JSON line each. */
  logs: string[];
  close(): Promise<void>;
}

export async function createApi(
  t: TestContext,
  options: { trustProxy?: boolean } = {},
): Promise<Api> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(
        ...chunk
          .toString("utf8")
          .split("\n")
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  const app = await buildApp({
    ctx: t.ctx,
    logLevel: "info",
    logStream,
    webRoot: "/nonexistent",
    ...options,
  });
  return { app, logs, close: () => app.close() };
}

export interface Client {
  session: SessionView | null;
  cookie: string | null;
  bearer: string | null;
  request(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

function cookieFrom(response: LightMyRequestResponse): string | null {
  const set = response.cookies.find((c) => c.name === "attest_session");
  return set === undefined || set.value === "" ? null : set.value;
}

/** A caller holding a session cookie (with its CSRF token) or a bearer token, or neither. */
export function client(
  api: Api,
  auth: { cookie?: string | null; session?: SessionView | null; bearer?: string | null } = {},
): Client {
  const self: Client = {
    session: auth.session ?? null,
    cookie: auth.cookie ?? null,
    bearer: auth.bearer ?? null,
    async request(method, url, body, headers = {}) {
      const all: Record<string, string> = { ...headers };
      if (self.cookie !== null) all.cookie = `attest_session=${self.cookie}`;
      if (self.bearer !== null) all.authorization = `Bearer ${self.bearer}`;
      if (self.session !== null && method !== "GET" && !("x-csrf-token" in headers)) {
        all["x-csrf-token"] = self.session.csrfToken;
      }
      const response = await api.app.inject({
        method,
        url,
        headers: all,
        ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
      });
      self.cookie = cookieFrom(response) ?? self.cookie;
      return response;
    },
  };
  return self;
}

/** Creates the first owner through the setup flow and returns their signed-in client. */
export async function setupOwner(
  t: TestContext,
  api: Api,
  email = "olivia@acme.example",
): Promise<Client> {
  const token = await issueSetupToken(t.ctx);
  if (token === null) throw new Error("setup already done");
  const anonymous = client(api);
  const response = await anonymous.request("POST", "/api/v1/setup", {
    token,
    email,
    name: "Olivia Owner",
    password: TEST_PASSWORD,
  });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.body}`);
  return client(api, { cookie: cookieFrom(response), session: response.json<SessionView>() });
}

/** Invites someone into the organization with a role and signs them in through the link. */
export async function invite(
  api: Api,
  inviter: Client,
  org: string,
  role: Role,
  email: string,
): Promise<Client> {
  const created = await inviter.request("POST", `/api/v1/orgs/${org}/invitations`, { email, role });
  if (created.statusCode !== 201) throw new Error(`invite failed: ${created.body}`);
  const link = created.json<{ link: string }>().link;
  const token = decodeURIComponent(link.split("/invite/")[1] ?? "");
  const anonymous = client(api);
  const accepted = await anonymous.request("POST", `/api/v1/invitations/${token}/accept`, {
    name: email.split("@")[0],
    password: TEST_PASSWORD,
  });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  return client(api, { cookie: cookieFrom(accepted), session: accepted.json<SessionView>() });
}

/** An organization made through the API by the owner; returns its slug. */
export async function createOrgViaApi(
  owner: Client,
  name: string,
  categories: string[] = ["security"],
): Promise<string> {
  const response = await owner.request("POST", "/api/v1/orgs", { name, categories });
  if (response.statusCode !== 201) throw new Error(`create org failed: ${response.body}`);
  return response.json<{ organization: { slug: string } }>().organization.slug;
}

export interface ApiSetup {
  t: TestContext;
  api: Api;
  owner: Client;
  /** The organization's slug, or "" with `organization: false`. */
  org: string;
}

/**
 * Gives each test a fresh database, the app over it, a signed-in owner and an organization
 * ("Acme"), all closed afterwards: `useApi((s) => ({ t, api, owner, org } = s))`.
 */
export function useApi(
  receive: (setup: ApiSetup) => void,
  options: {
    context?: TestContextOptions;
    ownerEmail?: string;
    categories?: string[];
    organization?: false;
  } = {},
): void {
  let setup: ApiSetup | undefined;
  beforeEach(async () => {
    const t = await createTestContext(undefined, options.context);
    const api = await createApi(t);
    const owner = await setupOwner(t, api, options.ownerEmail);
    const org =
      options.organization === false
        ? ""
        : await createOrgViaApi(owner, "Acme", options.categories);
    setup = { t, api, owner, org };
    receive(setup);
  });
  afterEach(async () => {
    await setup?.api.close();
    await setup?.t.close();
  });
}
