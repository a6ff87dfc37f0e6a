import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignedAuditor } from "../../../../test/support/auditor.ts";
import { readZip, flipByteInPlace } from "../../../../test/support/bundles.ts";
import { parseCsv } from "../../../../test/support/csv.ts";
import { createTestContext } from "../../../../test/support/database.ts";
import type { TestContext } from "../../../../test/support/database.ts";
import {
  INSPECTED,
  MONTHS,
  addDatedEvidence,
  itemsOf,
  sampledEngagement,
} from "../../../../test/support/fieldwork.ts";
import { as, createOrg, expectAppError } from "../../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../../test/support/snapshot.ts";
import type { Actor } from "../../../domain/actor.ts";
import { MATRIX_COLUMNS } from "../../../domain/control-matrix.ts";
import { updateControl } from "../../program/controls.service.ts";
import { verifyBundle } from "../../reporting/bundle/verify-bundle.ts";
import { createEngagement } from "../engagements.service.ts";
import { recordControlTest, recordItemResult } from "../testing.service.ts";
import { controlMatrix, controlMatrixFile } from "./control-matrix.ts";
import { buildWorkpapers } from "./workpapers.ts";

let t: TestContext;
let owner: Actor;
let dir: string;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { categories: ["security"] });
  dir = await mkdtemp(join(tmpdir(), "attest-exports-"));
});
afterEach(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const AWKWARD_TITLE = 'Board oversight, "quarterly"\nwith a second line';
const FORMULA_DESCRIPTION = '=HYPERLINK("https://evil.example","click")';

/** GV-11 in place with monthly evidence, tested: one item passed, one an exception. */
async function testedEngagement() {
  await updateControl(t.ctx, owner, "GV-11", {
    title: AWKWARD_TITLE,
    description: FORMULA_DESCRIPTION,
    owner: "kim@company.example",
  });
  await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
  const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
  const [first, second] = itemsOf(sample, "GV-11");
  await recordControlTest(t.ctx, auditor, id, { control: "GV-11", ...INSPECTED });
  await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: first!, result: "pass" });
  await recordItemResult(t.ctx, auditor, id, {
    control: "GV-11",
    item: second!,
    result: "exception",
    description: 'Minutes not signed, "pending"',
  });
  return { id, auditor, sample };
}

describe("the control matrix", () => {
  it("is one CSV row per control with the named columns, quoted so it parses back", async () => {
    const { id, auditor, sample } = await testedEngagement();
    const matrix = await controlMatrix(t.ctx, auditor, id);
    const file = await controlMatrixFile(t.ctx, auditor, id, "csv");
    expect(file.mediaType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toMatch(/-E-1-control-matrix\.csv$/);
    const text = file.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([
      "Criteria",
      "Control ref",
      "Control title",
      "Description",
      "Owner",
      "Frequency",
      "Population",
      "Sample size",
      "Test performed",
      "Result",
      "Exceptions",
    ]);
    const frozen = matrix.engagement.snapshot?.controls ?? [];
    expect(records).toHaveLength(frozen.length);
    expect(new Set(records.map((r) => r[1])).size).toBe(frozen.length);
    const gv = records.find((r) => r[1] === "GV-11");
    const column = (name: string) => MATRIX_COLUMNS.findIndex((c) => c.header === name);
    expect(gv?.[column("Control title")]).toBe(AWKWARD_TITLE);
    // A formula would run when the file is opened: it is written as text.
    expect(gv?.[column("Description")]).toBe(`'${FORMULA_DESCRIPTION}`);
    expect(gv?.[column("Owner")]).toBe("kim@company.example");
    expect(gv?.[column("Frequency")]).toBe("Monthly");
    const drawn = sample.controls.find((c) => c.controlRef === "GV-11");
    expect(gv?.[column("Population")]).toBe(String(drawn?.population.length));
    expect(gv?.[column("Sample size")]).toBe(String(drawn?.sampleSize));
    expect(gv?.[column("Test performed")]).toContain("Inspection, inquiry: Inspected the records.");
    expect(gv?.[column("Result")]).toMatch(/^1 deviation in \d+ items\.$/);
    expect(gv?.[column("Exceptions")]).toContain('Minutes not signed, "pending"');
    // A control not in place was not tested, and says so.
    const untested = records.find((r) => r[1] !== "GV-11");
    expect(untested?.[column("Result")]).not.toBe("");
  });

  it("is an XLSX workbook that reads back with exceljs, one row per control", async () => {
    const { id, auditor } = await testedEngagement();
    const csv = parseCsv((await controlMatrixFile(t.ctx, auditor, id, "csv")).bytes.toString());
    const file = await controlMatrixFile(t.ctx, owner, id, "xlsx");
    expect(file.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
    const sheet = workbook.getWorksheet("Control matrix");
    if (sheet === undefined) throw new Error("no Control matrix sheet");
    expect(sheet.rowCount).toBe(csv.length);
    const values = (n: number) =>
      MATRIX_COLUMNS.map((_, i) => {
        const value = sheet.getRow(n).getCell(i + 1).value;
        return value === null || value === undefined ? "" : String(value);
      });
    expect(values(1)).toEqual(csv[0]);
    const at = csv.findIndex((r) => r[1] === "GV-11");
    const row = values(at + 1);
    expect(row[1]).toBe("GV-11");
    expect(row[2]).toBe(AWKWARD_TITLE);
    // A spreadsheet cell holds text as text: no apostrophe needed there.
    expect(row[3]).toBe(FORMULA_DESCRIPTION);
    expect(typeof sheet.getRow(at + 1).getCell(7).value).toBe("number");
    expect(workbook.getWorksheet("About")?.getCell("B4").value).toBe("Ledger & Co");
  });

  it("is before fieldwork the controls mapped to the engagement's categories, untested", async () => {
    await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-10-31", auditFirm: "Ledger" });
    const matrix = await controlMatrix(t.ctx, owner, "E-1");
    expect(matrix.rows.length).toBeGreaterThan(10);
    expect(matrix.rows.every((r) => r.population === null && r.testPerformed === "")).toBe(true);
  });

  it("refuses other formats, control owners, employees and unassigned auditors", async () => {
    const { id } = await testedEngagement();
    const before = await snapshotDatabase(t.ctx.db);
    const format = await expectAppError(
      () => controlMatrixFile(t.ctx, owner, id, "pdf"),
      "VALIDATION_FAILED",
    );
    expect(format.message).toContain("format");
    await expectAppError(() => controlMatrix(t.ctx, as(owner, "control-owner"), id), "FORBIDDEN");
    await expectAppError(() => controlMatrix(t.ctx, as(owner, "employee"), id), "FORBIDDEN");
    const other = as(owner, "auditor", "user:other", { engagements: [] });
    await expectAppError(() => controlMatrix(t.ctx, other, id), "NOT_FOUND");
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });
});

describe("the workpapers", () => {
  it("are a signed ZIP the bundle verifier accepts, and rejects once a byte changes", async () => {
    const { id, auditor, sample } = await testedEngagement();
    const papers = await buildWorkpapers(t.ctx, auditor, id);
    const file = join(dir, "workpapers.zip");
    await writeFile(file, papers.bytes);
    const verified = await verifyBundle(file, { expectedKey: papers.signingKey.fingerprint });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ ok: true, signature: "valid", key: "expected" });

    const entries = await readZip(file);
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 5)).toEqual([
      "manifest.json",
      "manifest.sig",
      "README.txt",
      "matrix.csv",
      "engagement.json",
    ]);
    const manifest = JSON.parse(entries[0]!.data.toString()) as { format: string };
    expect(manifest.format).toBe("attest-workpapers/1");
    const overview = JSON.parse(
      entries.find((e) => e.name === "engagement.json")!.data.toString(),
    ) as { auditors: { email: string }[]; firm: { name: string }; sample: { seed: string } };
    expect(overview.auditors.map((a) => a.email)).toEqual(["dana@ledger.example"]);
    expect(overview.firm.name).toBe("Ledger & Co");
    expect(overview.sample.seed).toBe(sample.seed);
    const gv = JSON.parse(
      entries.find((e) => e.name === "controls/GV-11.json")!.data.toString(),
    ) as { items: { result: string | null; note: string | null }[]; test: { procedure: string } };
    expect(gv.test.procedure).toBe("Inspected the records.");
    expect(gv.items.map((i) => i.result).slice(0, 2)).toEqual(["pass", "exception"]);
    expect(gv.items[1]?.note).toBe('Minutes not signed, "pending"');

    const altered = join(dir, "altered.zip");
    await flipByteInPlace(file, "controls/GV-11.json", altered);
    const broken = await verifyBundle(altered);
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => [p.kind, p.path])).toContainEqual([
      "hash-mismatch",
      "controls/GV-11.json",
    ]);
    expect((await readFile(file)).equals(papers.bytes)).toBe(true);
  });

  it("are the auditor's until the final report: the company is refused before it", async () => {
    const { id } = await testedEngagement();
    const other = await assignedAuditor(t.ctx, owner, id, {
      name: "Omar Reyes",
      email: "omar@ledger.example",
    });
    const before = await snapshotDatabase(t.ctx.db);
    const refused = await expectAppError(() => buildWorkpapers(t.ctx, owner, id), "FORBIDDEN");
    expect(refused.message).toContain("until a final report is out");
    await expectAppError(() => buildWorkpapers(t.ctx, as(owner, "admin"), id), "FORBIDDEN");
    await expectAppError(() => buildWorkpapers(t.ctx, as(owner, "control-owner"), id), "FORBIDDEN");
    await expectAppError(
      () => buildWorkpapers(t.ctx, { ...other, engagements: [] }, id),
      "NOT_FOUND",
    );
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
    expect((await buildWorkpapers(t.ctx, other, id)).files).toBeGreaterThan(2);
  });
});
