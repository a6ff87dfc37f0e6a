/** `attest policies` and `attest tasks`: the way from a template to a published version. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function attest(...argv: string[]): Promise<string> {
  const result = await cli(database.env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result.out;
}

describe("attest policies", () => {
  it("adopts a template with values, publishes it and reports who acknowledged", async () => {
    await attest("init", "--name", "Acme");
    const templates = JSON.parse(await attest("policies", "templates", "--json")) as {
      id: string;
    }[];
    expect(templates.map((t) => t.id)).toContain("acceptable-use");
    const adopted = JSON.parse(
      await attest(
        "policies",
        "adopt",
        "acceptable-use",
        "--value",
        "screen_lock_minutes=2",
        "--owner",
        "olivia@acme.example",
        "--json",
      ),
    ) as { label: string; body: string; state: string };
    expect(adopted).toMatchObject({ label: "P-1", state: "draft" });
    expect(adopted.body).toContain("Acme");
    await attest("policies", "submit", "P-1");
    await attest("policies", "approve", "P-1");
    const published = JSON.parse(await attest("policies", "publish", "P-1", "--json")) as {
      current: { version: number; sha256: string };
    };
    expect(published.current.version).toBe(1);
    const roster = JSON.parse(await attest("policies", "status", "P-1", "--json")) as {
      sha256: string;
      asked: number;
    };
    expect(roster.sha256).toBe(published.current.sha256);
    expect(await attest("policies", "list")).toMatch(/P-1\s+published\s+v1\s+olivia@acme\.example/);
    const tasks = JSON.parse(await attest("tasks", "--json")) as unknown[];
    expect(Array.isArray(tasks)).toBe(true);
  });

  it("refuses an unknown value, naming it", async () => {
    await attest("init", "--name", "Acme");
    const result = await cli(
      database.env,
      "policies",
      "adopt",
      "acceptable-use",
      "--value",
      "colour=blue",
    );
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('values.colour: the template has no variable "colour"');
  });
});
