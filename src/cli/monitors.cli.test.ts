/** `attest monitors`: add (refusing http), probe a local HTTPS endpoint, list, show, remove. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { startHttpsEndpoint, testCertificate } from "../../test/support/https-endpoint.ts";
import type { HttpsEndpoint } from "../../test/support/https-endpoint.ts";

let database: TestDatabase;
let site: HttpsEndpoint;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  site = await startHttpsEndpoint(200);
  // The local endpoint's self-signed certificate is trusted through the CA setting, and its
  // loopback address allowed as for webhooks.
  env = {
    ...database.env,
    ATTEST_MONITOR_CA_FILE: testCertificate().caFile,
    ATTEST_WEBHOOK_ALLOW_PRIVATE: "1",
  };
});
afterEach(async () => {
  await site.close();
  await database.drop();
});

async function ok(...argv: string[]) {
  const result = await cli(env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

it("adds, probes, lists, shows and removes an endpoint", async () => {
  await ok("init", "--name", "Acme", "--categories", "security,availability");
  const refused = await cli(
    env,
    "monitors",
    "add",
    "--name",
    "API",
    "--url",
    "http://api.acme.test",
  );
  expect(refused.code).toBe(3);
  expect(refused.err).toContain("url: must be an https:// URL (plain http is not probed)");
  const badNumber = await cli(
    env,
    "monitors",
    "add",
    "--name",
    "API",
    "--url",
    site.url,
    "--interval",
    "often",
  );
  expect(badNumber.err).toContain('intervalMinutes: "often" is not a number');

  const added = await ok("monitors", "add", "--name", "API", "--url", site.url, "--target", "99.5");
  expect(added.out).toContain("M-1 added: API (");
  expect(added.out).toContain("expecting 200 every 5 min, target 99.5 %");

  const probed = json<{ monitor: { state: string }; probe: { up: boolean; status: number } }>(
    await ok("monitors", "probe", "M-1", "--json"),
  );
  expect(probed.monitor.state).toBe("up");
  expect(probed.probe).toMatchObject({ up: true, status: 200 });
  site.answer = 503;
  const down = await ok("monitors", "probe", "M-1");
  expect(down.out).toContain("DOWN  503");
  expect(down.out).toContain("answered 503, expected 200");

  const listed = json<{
    items: { ref: string; state: string; months: { probes: number; up: number }[] }[];
  }>(await ok("monitors", "list", "--json"));
  expect(listed.items).toHaveLength(1);
  expect(listed.items[0]).toMatchObject({ ref: "M-1", state: "down" });
  expect(listed.items[0]?.months[0]).toMatchObject({ probes: 2, up: 1 });
  const table = await ok("monitors", "list");
  expect(table.out).toMatch(/M-1\s+down/);

  const shown = await ok("monitors", "show", "M-1");
  expect(shown.out).toContain("(1 of 2 probes up)");

  const tasks = await ok("tasks", "--source", "monitor-down");
  expect(tasks.out).toContain("Restore M-1 API");

  await ok("monitors", "remove", "M-1");
  expect(json<{ items: unknown[] }>(await ok("monitors", "list", "--json")).items).toEqual([]);
  const gone = await cli(env, "monitors", "show", "M-1");
  expect(gone.code).toBe(5);
});
