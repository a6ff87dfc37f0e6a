/** `attest training`: modules, a provider's import, everyone's status and a filed roster. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let dir: string;
beforeEach(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "attest-training-"));
  expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
  for (const [email, role] of [
    ["maya@acme.example", "owner"],
    ["kim@acme.example", "employee"],
  ] as const) {
    const name = email.split("@")[0] ?? email;
    const added = await cli(
      database.env,
      "users",
      "add",
      "--email",
      email,
      "--name",
      name,
      "--role",
      role,
    );
    expect([added.code, added.err]).toEqual([0, ""]);
  }
});
afterEach(async () => {
  await database.drop();
});

async function attest(...argv: string[]): Promise<string> {
  const result = await cli(database.env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result.out;
}

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("attest training", () => {
  it("lists the modules with their version hash and never the answers", async () => {
    const out = await attest("training", "modules", "--json");
    const modules = JSON.parse(out) as { id: string; sha256: string; questions: number }[];
    expect(modules.map((m) => m.id)).toContain("secure-development");
    expect(modules.every((m) => /^[0-9a-f]{64}$/.test(m.sha256) && m.questions >= 4)).toBe(true);
    expect(out).not.toMatch(/"answer"|"explanation"/);
    expect(await attest("training", "modules")).toMatch(/phishing\s+v1 [0-9a-f]{12}\s+everyone/);
  });

  it("imports a provider's file, shows the status and files the roster on HR-03", async () => {
    const file = csvFile(
      "lms.csv",
      "email,module,completed_on,score\n" +
        "kim@acme.example,phishing,2026-01-15,95\n" +
        "maya@acme.example,phishing,2026-01-16,100\n",
    );
    const imported = JSON.parse(await attest("training", "import", file, "--json")) as {
      created: number;
      evidence: { controls: string[]; fileName: string };
    };
    expect(imported).toMatchObject({
      created: 2,
      evidence: { controls: ["HR-03"], fileName: "lms.csv" },
    });
    expect(await attest("training", "import", file)).toContain(
      "0 completions recorded, 2 already recorded",
    );
    const status = JSON.parse(await attest("training", "status", "--json")) as {
      people: { email: string; modules: { moduleId: string; lastPassedOn: string | null }[] }[];
    };
    const kim = status.people.find((p) => p.email === "kim@acme.example");
    expect(kim?.modules.find((m) => m.moduleId === "phishing")?.lastPassedOn).toBe("2026-01-15");
    expect(await attest("training", "status")).toMatch(/kim@acme\.example/);

    const filed = JSON.parse(
      await attest("training", "roster", "--from", "2026-01-01", "--to", "2026-01-31", "--json"),
    ) as { roster: { completions: unknown[] }; evidence: { controls: string[] } };
    expect(filed.roster.completions).toHaveLength(2);
    expect(filed.evidence.controls).toEqual(["HR-03"]);
  });

  it("refuses a file with a bad row, naming the line, and an employee's status request", async () => {
    const file = csvFile(
      "bad.csv",
      "email,module,completed_on,score\nkim@acme.example,phishing,2026-01-15,95\nkim@acme.example,knitting,2026-01-15,95\n",
    );
    const refused = await cli(database.env, "training", "import", file);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('line 3: module: no training module "knitting"');
    const none = JSON.parse(await attest("training", "status", "--json")) as {
      people: { modules: { lastPassedOn: string | null }[] }[];
    };
    expect(none.people.flatMap((p) => p.modules).every((m) => m.lastPassedOn === null)).toBe(true);
    const employee = await cli(database.env, "training", "status", "--as", "kim@acme.example");
    expect(employee.code).toBe(4);
  });
});
