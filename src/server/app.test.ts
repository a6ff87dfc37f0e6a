import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { client, createApi, createOrgViaApi, invite, setupOwner } from "../../test/support/http.ts";
import type { Api } from "../../test/support/http.ts";
import { loadConfig } from "../services/platform/config.ts";
import { startServer } from "./start.ts";

let t: TestContext;
let api: Api;
beforeEach(async () => {
  t = await createTestContext();
  api = await createApi(t);
});
afterEach(async () => {
  await api.close();
  await t.close();
});

describe("HTTP server", () => {
  it("answers /healthz with the database engine, a request id and security headers", async () => {
    const response = await client(api).request("GET", "/healthz");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      database: t.ctx.db.engine,
      schema: expect.stringMatching(/^\d{4}_[a-z_]+$/),
    });
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("object-src 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("serves readiness to a signed-in member and 401 problem+json to anyone else", async () => {
    const owner = await setupOwner(t, api);
    const org = await createOrgViaApi(owner, "Acme", ["security", "confidentiality"]);
    const readiness = await owner.request("GET", `/api/v1/orgs/${org}/readiness`);
    expect(readiness.statusCode).toBe(200);
    expect(readiness.json<{ criteria: unknown[] }>().criteria).toHaveLength(35);
    const anonymous = await client(api).request("GET", `/api/v1/orgs/${org}/readiness`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    expect(anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it("answers 404 for an organization the caller does not belong to", async () => {
    const owner = await setupOwner(t, api);
    const acme = await createOrgViaApi(owner, "Acme");
    const stranger = await invite(api, owner, acme, "employee", "sam@acme.example");
    const beta = await createOrgViaApi(owner, "Beta");
    const response = await stranger.request("GET", `/api/v1/orgs/${beta}/readiness`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: "NOT_FOUND",
      detail: `organization "${beta}" was not found`,
      requestId: response.headers["x-request-id"],
    });
  });

  it("refuses unknown query parameters and unknown routes as problems", async () => {
    const owner = await setupOwner(t, api);
    const org = await createOrgViaApi(owner, "Acme");
    const extra = await owner.request("GET", `/api/v1/orgs/${org}/readiness?debug=1`);
    expect(extra.statusCode).toBe(422);
    expect(extra.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("debug");
    const unknown = await owner.request("POST", `/api/v1/orgs/${org}/nothing-here`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
  });

  it("publishes an OpenAPI 3.1 document with a browsable reference page", async () => {
    const response = await client(api).request("GET", "/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, object> }>();
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toContain("POST /api/v1/orgs/{org}/evidence");
    expect(documented).toContain("GET /api/v1/orgs/{org}/controls");
    expect(documented.length).toBeGreaterThanOrEqual(60);
    const docs = await client(api).request("GET", "/api/v1/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("prints a one-time setup link on first start, and none once an owner exists", async () => {
    const config = loadConfig({ ...t.database.env, PORT: "0", LOG_LEVEL: "silent" });
    const first = await startServer(config);
    try {
      expect(first.setupUrl).toMatch(/\/setup\?token=attest_set_/);
    } finally {
      await first.stop();
    }
    await setupOwner(t, api);
    const second = await startServer(config);
    try {
      expect(second.setupUrl).toBeNull();
    } finally {
      await second.stop();
    }
  });
});
