import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { createOrg } from "../../test/support/fixtures.ts";
import { fileContent } from "../../test/support/evidence.ts";
import { updateControl } from "../services/controls.service.ts";
import { addEvidence } from "../services/evidence.service.ts";
import { loadConfig } from "../services/config.ts";
import { buildApp } from "./app.ts";
import { startServer } from "./start.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

function app() {
  return buildApp({ ctx: t.ctx, logLevel: "silent" });
}

describe("HTTP server", () => {
  it("answers /healthz with the database engine and a request id", async () => {
    const response = await app().inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      database: t.ctx.db.engine,
      schema: expect.stringMatching(/^\d{4}_[a-z_]+$/),
    });
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the readiness of the only organization", async () => {
    const owner = await createOrg(t.ctx, { categories: ["security", "confidentiality"] });
    await updateControl(t.ctx, owner, "AC-04", { status: "implemented" });
    await addEvidence(t.ctx, owner, fileContent("review"), {
      title: "Access review",
      controls: ["AC-04"],
      forDate: "2026-03-01",
    });
    const response = await app().inject({ method: "GET", url: "/api/v1/readiness" });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ criteria: { id: string }[]; overall: { percent: number } }>();
    expect(body.criteria).toHaveLength(35);
    expect(body.overall.percent).toBeGreaterThan(0);
  });

  it("chooses the organization by ?org= and answers problem+json 404 for an unknown one", async () => {
    await createOrg(t.ctx, { name: "Acme" });
    await createOrg(t.ctx, { name: "Beta", categories: ["security", "privacy"] });
    const beta = await app().inject({ method: "GET", url: "/api/v1/readiness?org=beta" });
    expect(beta.json<{ criteria: unknown[] }>().criteria).toHaveLength(51);
    const ambiguous = await app().inject({ method: "GET", url: "/api/v1/readiness" });
    expect(ambiguous.statusCode).toBe(422);
    const missing = await app().inject({ method: "GET", url: "/api/v1/readiness?org=nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      detail: 'organization "nope" was not found',
      requestId: missing.headers["x-request-id"],
    });
  });

  it("refuses unknown query parameters and unknown routes as problems", async () => {
    await createOrg(t.ctx);
    const extra = await app().inject({ method: "GET", url: "/api/v1/readiness?debug=1" });
    expect(extra.statusCode).toBe(422);
    expect(extra.json<{ errors: unknown[] }>().errors).toHaveLength(1);
    const unknown = await app().inject({ method: "POST", url: "/api/v1/readiness" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses to listen beyond loopback while the API has no accounts", async () => {
    const config = loadConfig({ ...t.database.env, HOST: "0.0.0.0", PORT: "0" });
    await expect(startServer(config)).rejects.toThrow('HOST: "0.0.0.0" would expose the API');
  });
});
