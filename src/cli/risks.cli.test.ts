/** `attest risks`: the starter library, adding from it and by hand, the register and the assessment. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { RISK_LIBRARY } from "../catalog/risks/library.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function risks(...argv: string[]) {
  const result = await cli(database.env, "risks", ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

describe("attest risks", () => {
  it("lists the library, adds from it and by hand, and records an assessment", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const library = json<{ id: string }[]>(await risks("library", "--json"));
    expect(library.map((r) => r.id)).toEqual(RISK_LIBRARY.map((r) => r.id));

    const added = json<{ risks: { ref: string; templateId: string }[] }>(
      await risks("add", "--from", "RL-01,RL-02", "--json"),
    );
    expect(added.risks.map((r) => [r.ref, r.templateId])).toEqual([
      ["R-1", "RL-01"],
      ["R-2", "RL-02"],
    ]);
    const written = json<{ ref: string; inherentScore: number; residualScore: number }>(
      await risks(
        "add",
        "--title",
        "Key supplier goes bankrupt",
        "--description",
        "Our payroll provider stops trading.",
        "--category",
        "vendor",
        "--likelihood",
        "2",
        "--impact",
        "4",
        "--treatment",
        "transfer",
        "--residual-impact",
        "2",
        "--json",
      ),
    );
    expect(written).toMatchObject({ ref: "R-3", inherentScore: 8, residualScore: 4 });

    const bad = await cli(
      database.env,
      "risks",
      "add",
      "--title",
      "T",
      "--description",
      "D",
      "--category",
      "vendor",
      "--likelihood",
      "9",
      "--impact",
      "2",
      "--treatment",
      "accept",
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("likelihood");
    expect(bad.err).toContain("1 to 5");

    const register = json<{ items: { ref: string }[] }>(await risks("list", "--json"));
    expect(register.items.map((r) => r.ref)).toEqual(["R-1", "R-2", "R-3"]);
    expect((await risks("list")).out).toContain("Key supplier goes bankrupt");

    const assessment = json<{ ref: string; risks: number; sha256: string }>(
      await risks("assess", "--participants", "ana@acme.example,Bo Lead", "--json"),
    );
    expect(assessment).toMatchObject({ ref: "RA-1", risks: 3 });
    expect(assessment.sha256).toMatch(/^[0-9a-f]{64}$/);
    const log = await cli(database.env, "audit-log", "--json");
    expect(log.out).toContain(assessment.sha256);
  });
});
