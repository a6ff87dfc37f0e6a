/**
 * The binary as people run it: exit codes from a real process, and the CLI writing to the
 * same database while the server runs (on the embedded file, the case that needs care).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import type { TestDatabase } from "../support/database.ts";
import { runAttest, startServerProcess } from "../support/processes.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

describe("attest binary", () => {
  it("prints criteria as JSON and exits 2 on a usage mistake", async () => {
    const criteria = await runAttest(database.env, ["criteria", "--json"]);
    expect(criteria.code).toBe(0);
    expect(JSON.parse(criteria.out)).toHaveLength(61);
    const usage = await runAttest(database.env, ["controls", "map", "AC-01"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("missing required argument");
  });

  it("answers a read without loading node:crypto, which a command that seals still loads", async () => {
    // Prints at exit whether node:crypto was loaded (cli-loader.mjs hands it out on first use).
    const probe =
      "data:text/javascript,process.on('exit',()=>process.stderr.write('crypto:'+" +
      "process.moduleLoadList.includes('NativeModule crypto')))";
    const env = { ...database.env, NODE_OPTIONS: `--import "${probe}"` };
    // init seals the organization's signing key with the operator's key.
    const init = await runAttest(env, ["init", "--name", "Acme", "--json"]);
    expect([init.code, init.err]).toEqual([0, "crypto:true"]);
    const readiness = await runAttest(env, ["readiness", "--json"]);
    expect([readiness.code, readiness.err]).toEqual([0, "crypto:false"]);
    expect(JSON.parse(readiness.out)).toHaveProperty("overall");
  });

  it("lets two processes initialize a fresh database at the same moment", async () => {
    const results = await Promise.all([
      runAttest(database.env, ["init", "--name", "First"]),
      runAttest(database.env, ["init", "--name", "Second"]),
    ]);
    expect(results.map((r) => [r.code, r.err])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    const orgs = await runAttest(database.env, ["readiness", "--org", "second", "--json"]);
    expect(orgs.code).toBe(0);
  });

  it(
    "accepts CLI writes while the server serves reads, losing none",
    { timeout: 120_000 },
    async () => {
      expect((await runAttest(database.env, ["init", "--name", "Acme"])).code).toBe(0);
      const server = await startServerProcess(database.env);
      try {
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        // The first account, made with the printed link, owns the organization the CLI made.
        const token = new URL(server.setupUrl ?? "http://x/").searchParams.get("token");
        const setup = await fetch(`${server.url}/api/v1/setup`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            token,
            email: "olivia@acme.example",
            name: "Olivia",
            password: "correct battery staple horse 42",
          }),
        });
        expect(setup.status).toBe(201);
        const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        const readiness = `${server.url}/api/v1/orgs/acme/readiness`;
        const refs = ["AC-01", "AC-02", "AC-03", "AC-04", "AC-05", "AC-06"];
        let reading = true;
        const reads = (async () => {
          let count = 0;
          while (reading) {
            const response = await fetch(readiness, { headers: { cookie } });
            expect(response.status).toBe(200);
            await response.arrayBuffer();
            count += 1;
            // Paced: a loop flat out on two cores starves the writers this test is about.
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return count;
        })();
        // Two writers at once, each its own process, alongside the server's reads.
        const writers = [refs.slice(0, 3), refs.slice(3)].map(async (mine) => {
          for (const ref of mine) {
            const result = await runAttest(database.env, [
              "controls",
              "update",
              ref,
              "--status",
              "implemented",
            ]);
            expect([result.code, result.err]).toEqual([0, ""]);
          }
        });
        await Promise.all(writers);
        reading = false;
        expect(await reads).toBeGreaterThan(0);
        const response = await fetch(readiness, { headers: { cookie } });
        const body = (await response.json()) as { criteria: { id: string; controls: string[] }[] };
        expect(body.criteria.length).toBe(33);
        const listed = await runAttest(database.env, [
          "controls",
          "list",
          "--status",
          "implemented",
          "--json",
        ]);
        const implemented = (JSON.parse(listed.out) as { ref: string }[]).map((c) => c.ref);
        expect(implemented.sort()).toEqual(refs);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );
});
