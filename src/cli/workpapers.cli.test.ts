import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_AUDITOR } from "../../test/support/auditor.ts";
import { readZip } from "../../test/support/bundles.ts";
import { assignAuditorIn, cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

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

interface WorkpaperJson {
  controlRef: string;
  steps: { id: number; text: string }[];
  items: { key: string; label: string; result: string | null; attributes: unknown[] }[];
  attachments: { fileName: string; itemKey: string | null }[];
}

describe("attest engagement workpaper", () => {
  it("shows a control's workpaper, sets its steps and attaches the auditor's files", async () => {
    await cli(env, "controls", "update", "GV-11", "--status", "implemented");
    for (const month of ["2025-09-30", "2025-10-31", "2025-11-28", "2025-12-31", "2026-01-30"]) {
      await cli(
        env,
        "evidence",
        "add",
        "--url",
        `https://x.test/${month}`,
        "--control",
        "GV-11",
        "--for",
        month,
      );
    }
    await cli(
      env,
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-09-01",
      "--to",
      "2026-02-28",
      "--firm",
      "Ledger",
      "--period-reason",
      "The first period the company asked for.",
    );
    for (let i = 0; i < 3; i += 1) await cli(env, "engagement", "advance", "E-1");
    await assignAuditorIn(database, "E-1");
    const dana = ["--as", TEST_AUDITOR.email];
    expect((await cli(env, ...dana, "engagement", "sample", "E-1", "--seed", "7")).code).toBe(0);

    const steps = await cli(
      env,
      ...dana,
      "engagement",
      "workpaper",
      "steps",
      "E-1",
      "--control",
      "GV-11",
      "--step",
      "Owner named",
      "--step",
      "Reviewed in the month",
    );
    expect(steps.code).toBe(0);
    expect(steps.out).toBe("1. Owner named\n2. Reviewed in the month\n");
    // The owner sets steps only for an assigned auditor, named (results are the auditor's).
    const unnamed = await cli(
      env,
      "engagement",
      "workpaper",
      "steps",
      "E-1",
      "--control",
      "GV-11",
      "--step",
      "X",
    );
    expect(unnamed.code).toBe(3);
    expect(unnamed.err).toContain("auditor");

    const shown = json<WorkpaperJson>(
      await cli(
        env,
        ...dana,
        "engagement",
        "workpaper",
        "show",
        "E-1",
        "--control",
        "GV-11",
        "--json",
      ),
    );
    expect(shown.steps.map((s) => s.text)).toEqual(["Owner named", "Reviewed in the month"]);
    const first = shown.items[0]!;
    expect(first.label).toMatch(/^(September|October|November|December|January|February) 20\d\d$/);
    expect(first.attributes).toEqual([null, null]);
    const text = await cli(
      env,
      ...dana,
      "engagement",
      "workpaper",
      "show",
      "E-1",
      "--control",
      "GV-11",
    );
    expect(text.out).toContain("1. Owner named");
    expect(text.out).toContain(first.label);
    expect(text.out).toContain("to test");

    const file = path.join(database.dataDir, "re-performance.txt");
    writeFileSync(file, "walked through the tracker\n");
    const attached = await cli(
      env,
      ...dana,
      "engagement",
      "workpaper",
      "attach",
      "E-1",
      "--control",
      "GV-11",
      "--item",
      first.key,
      "--file",
      file,
    );
    expect(attached.code).toBe(0);
    expect(attached.out).toContain(`Attached re-performance.txt to GV-11 ${first.key}`);
    const withFile = json<WorkpaperJson>(
      await cli(
        env,
        ...dana,
        "engagement",
        "workpaper",
        "show",
        "E-1",
        "--control",
        "GV-11",
        "--json",
      ),
    );
    expect(withFile.attachments).toMatchObject([
      { fileName: "re-performance.txt", itemKey: first.key },
    ]);

    // The company (here the operator, with owner rights) never attaches nor sees the files.
    const refused = await cli(
      env,
      "engagement",
      "workpaper",
      "attach",
      "E-1",
      "--control",
      "GV-11",
      "--file",
      file,
    );
    expect(refused.code).toBe(4);
    const theirs = json<WorkpaperJson>(
      await cli(env, "engagement", "workpaper", "show", "E-1", "--control", "GV-11", "--json"),
    );
    expect(theirs.attachments).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain("re-performance");
    const missing = await cli(
      env,
      ...dana,
      "engagement",
      "workpaper",
      "attach",
      "E-1",
      "--control",
      "GV-11",
      "--file",
      path.join(database.dataDir, "nope.txt"),
    );
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("is not a readable file");

    const status = await cli(env, ...dana, "engagement", "status", "E-1");
    expect(status.out).toMatch(/^0 of 1 control concluded, 0 of \d+ items tested$/m);

    // The signed workpapers carry the file itself, and `attest bundle verify` checks it.
    const zip = path.join(database.dataDir, "papers.zip");
    const written = json<{ attachments: number; signingKey: { fingerprint: string } }>(
      await cli(env, ...dana, "--json", "engagement", "workpapers", "E-1", "--out", zip),
    );
    expect(written.attachments).toBe(1);
    const verified = await cli(
      env,
      "bundle",
      "verify",
      zip,
      "--key",
      written.signingKey.fingerprint,
    );
    expect(verified.code, verified.out + verified.err).toBe(0);
    const entries = await readZip(zip);
    const kept = entries.find((e) => /^attachments\/GV-11\/.+_re-performance\.txt$/.test(e.name));
    expect(kept?.data.toString()).toBe("walked through the tracker\n");
    // The company never takes them.
    const companyZip = path.join(database.dataDir, "company.zip");
    const denied = await cli(env, "engagement", "workpapers", "E-1", "--out", companyZip);
    expect(denied.code).toBe(4);
    expect(() => readFileSync(companyZip)).toThrow();
  });
});
