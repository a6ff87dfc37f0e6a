import { describe, expect, it } from "vitest";
import { invite, useApi } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";
import { ResponseCache } from "./response-cache.ts";

let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ api, owner, org } = s), { categories: ["security", "availability"] });

const percent = async (client: Client) => {
  const response = await client.request("GET", `/api/v1/orgs/${org}/readiness`);
  expect(response.statusCode).toBe(200);
  return response.json<{ overall: { percent: number; covered: number } }>().overall;
};

describe("reused answers", () => {
  it("are never served after a write: readiness moves as soon as evidence arrives", async () => {
    const before = await percent(owner);
    expect(await percent(owner)).toEqual(before);
    const update = await owner.request("PATCH", `/api/v1/orgs/${org}/controls/AC-04`, {
      status: "implemented",
    });
    expect(update.statusCode).toBe(200);
    const added = await owner.request("POST", `/api/v1/orgs/${org}/evidence`, {
      title: "Quarterly access review",
      controls: ["AC-04"],
      forDate: "2026-03-01",
      link: "https://tickets.example.com/ACME-12",
    });
    expect(added.statusCode).toBe(201);
    const after = await percent(owner);
    expect(after.percent).toBeGreaterThan(before.percent);
  });

  it("are never served to another caller: each is authorized on its own", async () => {
    await percent(owner);
    const employee = await invite(api, owner, org, "employee", "erin@acme.example");
    const refused = await employee.request("GET", `/api/v1/orgs/${org}/readiness`);
    expect(refused.statusCode).toBe(403);
    const list = await employee.request("GET", `/api/v1/orgs/${org}/controls`);
    expect(list.statusCode).toBe(403);
  });

  it("keep within their byte budget, dropping the least recently used first", () => {
    const cache = new ResponseCache(100);
    cache.set("a", Buffer.from("x".repeat(20)));
    cache.set("b", Buffer.from("y".repeat(20)));
    expect(cache.get("a")).toBeDefined();
    cache.set("c", Buffer.from("z".repeat(20)));
    cache.set("d", Buffer.from("w".repeat(20)));
    cache.set("e", Buffer.from("v".repeat(20)));
    cache.set("f", Buffer.from("u".repeat(20)));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    cache.set("huge", Buffer.from("h".repeat(60)));
    expect(cache.get("huge")).toBeUndefined();
  });
});

describe("the controls list", () => {
  it("pages through every control in ref order with a cursor, filters applied in the database", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "limit=7" : `limit=7&cursor=${cursor}`;
      const response = await owner.request("GET", `/api/v1/orgs/${org}/controls?${query}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { ref: string }[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(7);
      all.push(...page.items.map((c) => c.ref));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const whole = await owner.request("GET", `/api/v1/orgs/${org}/controls?limit=500`);
    const refs = whole.json<{ items: { ref: string }[] }>().items.map((c) => c.ref);
    expect(all).toEqual(refs);
    expect([...refs].sort()).toEqual(refs);
    expect(new Set(all).size).toBe(all.length);

    const words = await owner.request("GET", `/api/v1/orgs/${org}/controls?q=access%20review`);
    const found = words.json<{ items: { ref: string; title: string; description: string }[] }>();
    expect(found.items.length).toBeGreaterThan(0);
    for (const c of found.items) {
      expect(`${c.ref} ${c.title} ${c.description}`.toLowerCase()).toContain("access");
    }
    const byCriterion = await owner.request("GET", `/api/v1/orgs/${org}/controls?criterion=A1.2`);
    const mapped = byCriterion.json<{ items: { criteria: string[] }[] }>().items;
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped.every((c) => c.criteria.includes("A1.2"))).toBe(true);
    const garbage = await owner.request("GET", `/api/v1/orgs/${org}/controls?cursor=%25%25`);
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("cursor");
    const bad = await owner.request("GET", `/api/v1/orgs/${org}/controls?status=done`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("status");
  });
});
