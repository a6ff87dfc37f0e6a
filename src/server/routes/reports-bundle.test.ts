import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { corruptBlob, fileContent } from "../../../test/support/evidence.ts";
import { operator } from "../../../test/support/fixtures.ts";
import { useApi } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { actorIn } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { verifyBundle } from "../../services/reporting/bundle/verify-bundle.ts";
import { addEvidence } from "../../services/program/evidence.service.ts";

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
let actor: Actor;
useApi((s) => ({ t, api, owner, org } = s));
beforeEach(async () => {
  const shown = await owner.request("GET", `/api/v1/orgs/${org}`);
  actor = actorIn(operator, shown.json<{ id: string }>().id, "owner");
  const created = await owner.request("POST", `/api/v1/orgs/${org}/engagements`, {
    type: 2,
    from: "2025-01-01",
    to: "2025-12-31",
    auditFirm: "Ledger & Co",
  });
  expect(created.statusCode, created.body).toBe(201);
});

describe("GET /engagements/:id/evidence-bundle", () => {
  it("streams the signed ZIP as an attachment, which verifies with the organization's key", async () => {
    await addEvidence(t.ctx, actor, fileContent("Q2 review\n", "review.csv"), {
      title: "Access review",
      controls: ["AC-06"],
      forDate: "2025-06-30",
    });
    const response = await owner.request(
      "GET",
      `/api/v1/orgs/${org}/engagements/E-1/evidence-bundle`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="acme-E-1-evidence-2026-03-02\.zip"; filename\*=UTF-8''acme-E-1-evidence-2026-03-02\.zip$/,
    );
    expect(Number(response.headers["content-length"])).toBe(response.rawPayload.length);
    expect(response.headers["content-security-policy"]).toContain("sandbox");

    const key = await owner.request("GET", `/api/v1/orgs/${org}/signing-key`);
    expect(key.statusCode).toBe(200);
    const { fingerprint, publicKey, algorithm } = key.json<Record<string, string>>();
    expect(algorithm).toBe("Ed25519");
    expect(key.body).not.toMatch(/private/i);
    expect(response.headers["x-signing-key-fingerprint"]).toBe(fingerprint);

    const file = path.join(t.database.dataDir, "downloaded.zip");
    writeFileSync(file, response.rawPayload);
    const verified = await verifyBundle(file, { expectedKey: publicKey });
    expect(verified.problems).toEqual([]);
    expect(verified.manifest?.files).toBe(1);
  });

  it("answers 404 for an unknown engagement before any byte of a ZIP", async () => {
    const response = await owner.request(
      "GET",
      `/api/v1/orgs/${org}/engagements/E-7/evidence-bundle`,
    );
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("cuts the answer short when a stored file turns out corrupt, so it cannot pass as whole", async () => {
    const item = await addEvidence(t.ctx, actor, fileContent("Q2 review\n", "review.csv"), {
      title: "Access review",
      controls: ["AC-06"],
      forDate: "2025-06-30",
    });
    await corruptBlob(t, item.sha256);
    const url = `/api/v1/orgs/${org}/engagements/E-1/evidence-bundle`;
    // The connection is dropped (or the body ends short of its declared length): never a
    // complete-looking ZIP.
    const outcome = await owner.request("GET", url).then(
      (response) =>
        response.rawPayload.length < Number(response.headers["content-length"]) ? "short" : "whole",
      () => "reset",
    );
    expect(["short", "reset"]).toContain(outcome);
    expect(api.logs.join("\n")).toContain(`evidence ${item.id}`);
  });
});
