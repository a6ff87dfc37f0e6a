import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_AUDITOR } from "../../test/support/auditor.ts";
import { assignAuditorIn, cli, json } from "../../test/support/cli.ts";
import { parseCsv } from "../../test/support/csv.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
  expect((await cli(env, "init", "--name", "Acme", "--timezone", "Europe/Paris")).code).toBe(0);
  const created = await cli(
    env,
    "engagement",
    "create",
    "--type",
    "1",
    "--as-of",
    "2026-10-31",
    "--firm",
    "Ledger & Co",
  );
  expect(created.code, created.err).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

describe("attest engagement matrix", () => {
  it("writes the matrix as CSV, one row per control, and as XLSX with the same rows", async () => {
    const csvFile = path.join(database.dataDir, "matrix.csv");
    const written = json<{ rows: number; format: string }>(
      await cli(env, "--json", "engagement", "matrix", "E-1", "--out", csvFile),
    );
    expect(written.format).toBe("csv");
    const [header, ...rows] = parseCsv(readFileSync(csvFile, "utf8"));
    expect(header?.slice(0, 3)).toEqual(["Criteria", "Control ref", "Control title"]);
    expect(rows).toHaveLength(written.rows);
    expect(rows.length).toBeGreaterThan(10);

    const xlsxFile = path.join(database.dataDir, "matrix.xlsx");
    const plain = await cli(
      env,
      "engagement",
      "matrix",
      "E-1",
      "--format",
      "xlsx",
      "--out",
      xlsxFile,
    );
    expect(plain.code, plain.err).toBe(0);
    expect(plain.out).toContain(`Wrote ${xlsxFile}: the control matrix, ${rows.length} controls`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.getWorksheet("Control matrix");
    expect(sheet?.rowCount).toBe(rows.length + 1);
    expect(sheet?.getRow(2).getCell(2).value).toBe(rows[0]?.[1]);
  });

  it("refuses an unknown format, naming it, and writes nothing", async () => {
    const out = path.join(database.dataDir, "matrix.pdf");
    const refused = await cli(env, "engagement", "matrix", "E-1", "--format", "pdf", "--out", out);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("format");
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("attest engagement workpapers", () => {
  it("writes the auditor a signed ZIP that attest bundle verify accepts", async () => {
    await assignAuditorIn(database, "E-1");
    const out = path.join(database.dataDir, "papers.zip");
    const written = json<{ files: number; signingKey: { fingerprint: string } }>(
      await cli(
        env,
        "--as",
        TEST_AUDITOR.email,
        "--json",
        "engagement",
        "workpapers",
        "E-1",
        "--out",
        out,
      ),
    );
    expect(written.files).toBeGreaterThan(2);
    const verified = await cli(
      env,
      "bundle",
      "verify",
      out,
      "--key",
      written.signingKey.fingerprint,
    );
    expect(verified.code, verified.out + verified.err).toBe(0);
  });

  it("refuses the company: the workpapers are the auditor's", async () => {
    const out = path.join(database.dataDir, "papers.zip");
    const refused = await cli(env, "engagement", "workpapers", "E-1", "--out", out);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain("only the engagement's assigned auditors take them");
    expect(() => readFileSync(out)).toThrow();
  });
});
