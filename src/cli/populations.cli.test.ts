import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_AUDITOR } from "../../test/support/auditor.ts";
import { assignAuditorIn, cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import type { PopulationView } from "../contracts/populations.ts";
import { drawSample } from "../domain/sampling.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
  expect((await cli(env, "init", "--name", "Acme", "--timezone", "Europe/Paris")).code).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

function prsFile(name: string, dates: readonly string[]): string {
  const file = path.join(database.dataDir, name);
  const lines = dates.map((date, i) => `PR-${4100 + i},${date},Pull request #${4100 + i}`);
  writeFileSync(file, ["key,date,label", ...lines].join("\n") + "\n");
  return file;
}

const inPeriod = (count: number) =>
  Array.from({ length: count }, (_, i) => `2025-${String(1 + (i % 12)).padStart(2, "0")}-15`);

describe("attest engagement population", () => {
  it("imports, refuses bad rows by line, shows, and lets the assigned auditor accept before the draw", async () => {
    const created = await cli(
      env,
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--firm",
      "Ledger",
    );
    expect(created.code).toBe(0);
    for (let i = 0; i < 3; i += 1) await cli(env, "engagement", "advance", "E-1");
    const empty = await cli(env, "engagement", "population", "show", "E-1", "--control", "CM-02");
    expect(empty.out).toContain("No population imported");

    const source = ["--source", "GitHub", "--query", "merged pull requests on main"];
    const statement = ["--completeness", "Every pull request merged to main in 2025."];
    const outside = prsFile("outside.csv", [...inPeriod(6), "2026-01-02", ...inPeriod(3)]);
    const refused = await cli(
      env,
      "engagement",
      "population",
      "import",
      "E-1",
      "--control",
      "CM-02",
      "--file",
      outside,
      ...source,
      ...statement,
    );
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("outside the period 2025-01-01 to 2025-12-31: lines 8");

    const file = prsFile("prs.csv", inPeriod(60));
    const base = ["engagement", "population", "import", "E-1", "--control", "CM-02", "--file"];
    const bare = await cli(env, ...base, file, ...source);
    expect(bare.code).toBe(3);
    expect(bare.err).toContain("completeness");
    const imported = json<PopulationView>(
      await cli(env, ...base, file, ...source, ...statement, "--json"),
    );
    expect(imported.current).toMatchObject({
      number: 1,
      rowCount: 60,
      status: "pending",
      fileName: "prs.csv",
      source: { system: "GitHub", query: "merged pull requests on main" },
    });
    expect(imported.current?.rowsSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await cli(env, ...base, file, ...source, ...statement);
    expect(again.code).toBe(3);
    expect(again.err).toContain("reason: CM-02 already has import 1");

    const shown = await cli(env, "engagement", "population", "show", "E-1", "--control", "CM-02");
    expect(shown.out).toContain("awaiting the auditor");
    expect(shown.out).toContain(imported.current?.rowsSha256 ?? "?");

    // The company may not accept its own population.
    const byOwner = await cli(
      env,
      "engagement",
      "population",
      "accept",
      "E-1",
      "--control",
      "CM-02",
    );
    expect(byOwner.code).toBe(4);
    await assignAuditorIn(database, "E-1");
    const asAuditor = ["--as", TEST_AUDITOR.email];
    const early = await cli(env, ...asAuditor, "engagement", "sample", "E-1", "--seed", "7");
    expect(early.code).toBe(6);
    expect(early.err).toContain("accepted population");
    const accepted = json<PopulationView>(
      await cli(
        env,
        ...asAuditor,
        "engagement",
        "population",
        "accept",
        "E-1",
        "--control",
        "CM-02",
        "--json",
      ),
    );
    expect(accepted.current?.status).toBe("accepted");
    const drawn = json<{
      seed: string;
      requests: { opened: string[]; unasked: { control: string; items: number; reason: string }[] };
      controls: { controlId: string; populationSource: string; items: string[] }[];
    }>(await cli(env, ...asAuditor, "engagement", "sample", "E-1", "--seed", "7", "--json"));
    // Imported from the command line, without an account, for a control with no owner: the
    // draw asks nobody, and says so.
    expect(drawn.requests.opened).toEqual([]);
    expect(drawn.requests.unasked).toEqual([
      {
        control: "CM-02",
        items: 15,
        reason: expect.stringContaining("has no owner, and import 1 was made without an account"),
      },
    ]);
    const redrawn = await cli(
      env,
      ...asAuditor,
      "engagement",
      "sample",
      "E-1",
      "--seed",
      "7",
      "--redraw-reason",
      "Drawn again to read the answer in words.",
    );
    expect(redrawn.out).toContain(
      "Requests: 0 opened for sampled occurrences\n" +
        "No request for CM-02 (15 occurrences): has no owner, and import 1 was made without an " +
        "account (no importer email): open its requests by hand, naming whom to ask\n",
    );
    const cm02 = drawn.controls.find((c) => c.controlId === "CM-02");
    expect(cm02?.populationSource).toBe("imported");
    const keys = inPeriod(60).map((_, i) => ({ key: `PR-${4100 + i}` }));
    expect(cm02?.items).toEqual(drawSample(keys, 15, "7", "CM-02").map((k) => k.key));

    const returned = await cli(
      env,
      ...asAuditor,
      "engagement",
      "population",
      "return",
      "E-1",
      "--control",
      "CM-02",
      "--reason",
      "Too late: it was already accepted and sampled.",
    );
    expect(returned.code).toBe(6);
    expect(returned.err).toContain("already accepted");
  });
});
