/** `attest import …` and `attest findings`: files from disk, twice, malformed, triage, evidence. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import {
  ROOT,
  cloudTrailFile,
  consoleLogin,
  manySarifResults,
  sarifLog,
} from "../../test/support/findings-files.ts";

let database: TestDatabase;
let folder: string;
beforeEach(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), "attest-findings-"));
});
afterEach(async () => {
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

async function ok(...argv: string[]) {
  const result = await cli(database.env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

describe("attest import and attest findings", () => {
  it("imports a SARIF file twice as one set of findings, and refuses a malformed one whole", async () => {
    await ok("init", "--name", "Acme");
    const scan = await file("codeql.sarif", sarifLog(manySarifResults(40)));
    const first = json<{ import: { ref: string; counts: { created: number } } }>(
      await ok("import", "sarif", scan, "--json"),
    );
    expect(first.import).toMatchObject({ ref: "FI-1", counts: { created: 40 } });
    const again = await ok("import", "sarif", scan);
    expect(again.out).toContain("Imported FI-2: 40 results, 0 new, 40 seen again.");

    const broken = await file("broken.sarif", '{"version":"2.1.0","runs":[{"tool":{}}]}');
    const refused = await cli(database.env, "import", "sarif", broken);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("runs[0].tool.driver");

    const listed = json<{ items: { ref: string }[]; counts: { open: number } }>(
      await ok("findings", "list", "--source", "sarif", "--json"),
    );
    expect([listed.items.length, listed.counts.open]).toEqual([40, 40]);

    await ok("findings", "triage", "F-3", "--decision", "false-positive", "--reason", "test code");
    const shown = await ok("findings", "show", "F-3");
    expect(shown.out).toContain("false-positive by");
    expect(shown.out).toContain("Finding F-3 triaged as false-positive: test code");
    const bad = await cli(
      database.env,
      "findings",
      "triage",
      "F-4",
      "--decision",
      "ignored",
      "--reason",
      "x",
    );
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("decision");
  });

  it("reads a gzip CloudTrail file and files the period's flags as evidence", async () => {
    await ok("init", "--name", "Acme");
    // The CLI under test runs on the service tests' fixed day.
    const today = "2026-03-02";
    const log = await file(
      "trail.json.gz",
      gzipSync(
        cloudTrailFile([
          consoleLogin(`${today}T00:00:01Z`, "Success", "Yes", ROOT),
          consoleLogin(`${today}T00:00:02Z`, "Success", "No"),
        ]),
      ),
    );
    const outcome = json<{ import: { counts: { created: number } } }>(
      await ok("import", "cloudtrail", log, "--json"),
    );
    expect(outcome.import.counts.created).toBe(2);
    const filed = json<{ controls: string[] }[]>(
      await ok("findings", "evidence", "--from", today, "--to", today, "--json"),
    );
    expect(filed.map((e) => e.controls)).toEqual([["OP-09"]]);
    const imports = await ok("findings", "imports");
    expect(imports.out).toContain("trail.json.gz");
  });
});
