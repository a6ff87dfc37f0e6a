/**
 * Training over HTTP: the quiz never carries its answers, an employee reads only their own
 * completions, an auditor reads no training at all (they see rosters as HR-03's evidence),
 * and another organization's member sees nothing of this one's.
 */
import { describe, expect, it } from "vitest";
import { invite, useApi } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { trainingModule } from "../../catalog/training/index.ts";

let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ api, owner, org } = s));

const answers = (trainingModule("phishing")?.quiz ?? []).map((q) => q.answer);

describe("training routes", () => {
  it("keeps each person to their own completions and auditors out", async () => {
    const base = `/api/v1/orgs/${org}/training`;
    const emma = await invite(api, owner, org, "employee", "emma@acme.example");
    const ravi = await invite(api, owner, org, "control-owner", "ravi@acme.example");
    const dana = await invite(api, owner, org, "auditor", "dana@audit.example");

    const module = await emma.request("GET", `${base}/modules/phishing`);
    expect(module.statusCode).toBe(200);
    expect(module.body).not.toMatch(/"answer"|"explanation"/);
    for (const person of [emma, ravi]) {
      const taken = await person.request("POST", `${base}/modules/phishing/attempts`, { answers });
      expect(taken.statusCode).toBe(201);
    }

    const own = await emma.request("GET", `${base}/completions`);
    expect(own.json<{ items: { email: string }[] }>().items.map((c) => c.email)).toEqual([
      "emma@acme.example",
    ]);
    expect(
      (await emma.request("GET", `${base}/completions?email=ravi@acme.example`)).statusCode,
    ).toBe(403);
    expect((await emma.request("GET", `${base}/status`)).statusCode).toBe(403);
    const everyone = await owner.request("GET", `${base}/completions`);
    expect(everyone.json<{ items: unknown[] }>().items).toHaveLength(2);

    for (const [method, path] of [
      ["GET", "/modules"],
      ["GET", "/completions"],
      ["POST", "/modules/phishing/attempts"],
    ] as const) {
      const refused = await dana.request(
        method,
        `${base}${path}`,
        method === "POST" ? { answers } : undefined,
      );
      expect(refused.statusCode, `${method} ${path}`).toBe(403);
    }

    // Another organization's owner: nothing of Acme's training.
    const other = await invite(api, owner, org, "owner", "zed@acme.example");
    const otherOrg = (
      await other.request("POST", "/api/v1/orgs", { name: "Globex", categories: ["security"] })
    ).json<{ organization: { slug: string } }>().organization.slug;
    const theirs = await other.request("GET", `/api/v1/orgs/${otherOrg}/training/completions`);
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    expect(
      (await emma.request("GET", `/api/v1/orgs/${otherOrg}/training/completions`)).statusCode,
    ).toBe(404);
  });
});
