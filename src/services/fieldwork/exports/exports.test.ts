import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignedAuditor } from "../../../../test/support/auditor.ts";
import { readZip, flipByteInPlace } from "../../../../test/support/bundles.ts";
import { parseCsv } from "../../../../test/support/csv.ts";
import { corruptBlob } from "../../../../test/support/evidence.ts";
import { createTestContext } from "../../../../test/support/database.ts";
import type { TestContext } from "../../../../test/support/database.ts";
import {
  INSPECTED,
  MONTHS,
  addDatedEvidence,
  itemsOf,
  sampledEngagement,
  type2InFieldwork,
} from "../../../../test/support/fieldwork.ts";
import { as, createOrg, expectAppError } from "../../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../../test/support/snapshot.ts";
import type { Actor } from "../../../domain/actor.ts";
import { MATRIX_COLUMNS } from "../../../domain/control-matrix.ts";
import { updateControl } from "../../program/controls.service.ts";
import { verifyBundle } from "../../reporting/bundle/verify-bundle.ts";
import { createEngagement } from "../engagements.service.ts";
import { importPopulation, reviewPopulation } from "../populations.service.ts";
import { drawEngagementSample } from "../sampling.service.ts";
import { recordControlTest, recordItemResult } from "../testing.service.ts";
import { attachToWorkpaper } from "../workpaper-attachments.service.ts";
import { recordItemAttributes, setWorkpaperSteps } from "../workpapers.service.ts";
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

/** CM-02's population, imported from the code host: 12 merged pull requests. */
const PULL_REQUESTS = Array.from({ length: 12 }, (_, i) => ({
  key: `PR-${4100 + i}`,
  date: `2026-0${4 + (i % 6)}-${String(2 + i).padStart(2, "0")}`,
  label: `Pull request #${4100 + i}`,
}));

/**
 * testedEngagement's GV-11, tested through its workpaper (steps, attributes, a note, the
 * auditor's two files), with CM-02's population imported, accepted and sampled too.
 */
async function workpaperEngagement() {
  await updateControl(t.ctx, owner, "GV-11", { status: "implemented" });
  await updateControl(t.ctx, owner, "CM-02", { status: "implemented" });
  await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
  const id = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
  const csv = ["key,date,label", ...PULL_REQUESTS.map((r) => `${r.key},${r.date},${r.label}`)];
  await importPopulation(t.ctx, owner, id, {
    control: "CM-02",
    format: "csv",
    content: csv.join("\n"),
    fileName: "prs.csv",
    source: "GitHub",
    query: "merged pull requests on main",
    ranBy: "Sam Ortiz",
    ranAt: "2026-10-05",
    completeness: "Every pull request merged to main in the period.",
  });
  const auditor = await assignedAuditor(t.ctx, owner, id);
  await reviewPopulation(t.ctx, auditor, id, { control: "CM-02", decision: "accept" });
  const sample = await drawEngagementSample(t.ctx, auditor, id, { seed: "s" });
  const [first, second] = itemsOf(sample, "GV-11");
  await recordControlTest(t.ctx, auditor, id, { control: "GV-11", ...INSPECTED });
  await setWorkpaperSteps(t.ctx, auditor, id, { control: "GV-11", steps: STEPS });
  await recordItemAttributes(t.ctx, auditor, id, {
    control: "GV-11",
    item: first!,
    attributes: ["met", "met"],
    note: "Minutes signed by the chair.",
  });
  await recordItemAttributes(t.ctx, auditor, id, {
    control: "GV-11",
    item: second!,
    attributes: ["met", "not-met"],
  });
  const onItem = await attachToWorkpaper(
    t.ctx,
    auditor,
    id,
    { control: "GV-11", item: first! },
    {
      content: Readable.from([ITEM_FILE]),
      fileName: "re-performance notes.txt",
      mediaType: "text/plain",
    },
  );
  const onControl = await attachToWorkpaper(
    t.ctx,
    auditor,
    id,
    { control: "GV-11" },
    {
      content: Readable.from([CONTROL_FILE]),
      fileName: "walkthrough.png",
      mediaType: "image/png",
    },
  );
  return { id, auditor, sample, first: first!, second: second!, onItem, onControl };
}

const STEPS = ["Minutes record the review", "Signed by the chair"];
const ITEM_FILE = Buffer.from("Re-performed the review of the April minutes.\n");
// Not text: the bytes must come through the archive exactly, whatever they are.
const CONTROL_FILE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10,
]);

interface ListedFile {
  path: string;
  sha256: string;
  size: number;
  kind: string;
  controls: string[];
  attachmentId?: string;
  item?: string | null;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("the workpapers", () => {
  it("are a signed ZIP the bundle verifier accepts, and rejects once a byte changes", async () => {
    const { id, auditor, sample } = await testedEngagement();
    const file = join(dir, "workpapers.zip");
    const papers = await buildWorkpapers(t.ctx, auditor, id, file);
    const verified = await verifyBundle(file, { expectedKey: papers.signingKey.fingerprint });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ ok: true, signature: "valid", key: "expected" });

    const entries = await readZip(file);
    expect((await readFile(file)).length).toBe(papers.zipBytes);
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
  });

  it("carry the test steps, each item's result per step and note, the auditor's files and the imported populations", async () => {
    const { id, auditor, first, second, onItem, onControl } = await workpaperEngagement();
    const file = join(dir, "papers.zip");
    const papers = await buildWorkpapers(t.ctx, auditor, id, file);
    expect(papers.attachments).toBe(2);
    const verified = await verifyBundle(file, { expectedKey: papers.signingKey.fingerprint });
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);

    const entries = await readZip(file);
    const bytesOf = (path: string) => {
      const found = entries.find((e) => e.name === path);
      if (found === undefined) throw new Error(`${path} is not in the ZIP`);
      return found.data;
    };
    const manifest = JSON.parse(bytesOf("manifest.json").toString()) as { files: ListedFile[] };
    // Every file the ZIP holds is listed with the SHA-256 and size of its bytes, and back.
    const listed = manifest.files.map((f) => f.path).sort();
    const held = entries
      .map((e) => e.name)
      .filter((n) => !["manifest.json", "manifest.sig", "README.txt"].includes(n))
      .sort();
    expect(listed).toEqual(held);
    for (const listing of manifest.files) {
      const bytes = bytesOf(listing.path);
      expect([listing.path, sha256(bytes), bytes.length]).toEqual([
        listing.path,
        listing.sha256,
        listing.size,
      ]);
    }

    // The auditor's files, exactly as uploaded, listed as attachments of their control.
    const attachments = manifest.files.filter((f) => f.kind === "attachment");
    expect(attachments.map((f) => f.attachmentId).sort()).toEqual([onItem.id, onControl.id].sort());
    const itemFile = attachments.find((f) => f.attachmentId === onItem.id)!;
    const controlFile = attachments.find((f) => f.attachmentId === onControl.id)!;
    expect(itemFile).toMatchObject({ controls: ["GV-11"], item: first, sha256: onItem.sha256 });
    expect(controlFile).toMatchObject({ controls: ["GV-11"], item: null });
    expect(itemFile.path).toMatch(/^attachments\/GV-11\/[0-9a-f-]{8}_re-performance_notes\.txt$/);
    expect(bytesOf(itemFile.path).equals(ITEM_FILE)).toBe(true);
    expect(bytesOf(controlFile.path).equals(CONTROL_FILE)).toBe(true);

    // The control's workpaper: its steps, and per item the result of each step and the note.
    const gv = JSON.parse(bytesOf("controls/GV-11.json").toString()) as {
      steps: { number: number; text: string }[];
      items: {
        key: string;
        label: string;
        result: string | null;
        note: string | null;
        workpaperNote: string | null;
        attributes: { step: number; text: string; result: string | null }[];
        attachments: string[];
      }[];
      attachments: { path: string; fileName: string; item: string | null }[];
    };
    expect(gv.steps).toEqual([
      { number: 1, text: STEPS[0] },
      { number: 2, text: STEPS[1] },
    ]);
    const one = gv.items.find((i) => i.key === first)!;
    expect(one).toMatchObject({
      result: "pass",
      workpaperNote: "Minutes signed by the chair.",
      attachments: [itemFile.path],
    });
    expect(one.label).toMatch(/^[A-Z][a-z]+ 2026$/);
    expect(one.attributes).toEqual([
      { step: 1, text: STEPS[0], result: "met" },
      { step: 2, text: STEPS[1], result: "met" },
    ]);
    const two = gv.items.find((i) => i.key === second)!;
    expect(two.result).toBe("exception");
    expect(two.note).toBe("Attribute not met: 2. Signed by the chair.");
    expect(two.attributes.map((a) => a.result)).toEqual(["met", "not-met"]);
    expect(gv.attachments.map((a) => [a.path, a.fileName, a.item])).toEqual(
      expect.arrayContaining([
        [itemFile.path, "re-performance notes.txt", first],
        [controlFile.path, "walkthrough.png", null],
      ]),
    );

    // The imported population: source, rows, hash, the company's statement, the decision.
    const population = JSON.parse(bytesOf("populations/CM-02.json").toString()) as {
      imports: Record<string, unknown>[];
    };
    expect(population.imports).toHaveLength(1);
    expect(population.imports[0]).toMatchObject({
      number: 1,
      source: {
        system: "GitHub",
        query: "merged pull requests on main",
        ranBy: "Sam Ortiz",
        ranAt: "2026-10-05",
      },
      rowCount: 12,
      completeness: "Every pull request merged to main in the period.",
      decision: { status: "accepted", by: auditor.name },
    });
    const canonical = [...PULL_REQUESTS]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((r) => `{"date":"${r.date}","key":"${r.key}","label":"${r.label}"}`);
    expect(population.imports[0]?.rowsSha256).toBe(sha256(Buffer.from(`[${canonical.join(",")}]`)));
    const cm = JSON.parse(bytesOf("controls/CM-02.json").toString()) as {
      population: { source: string; import: { number: number } };
    };
    expect(cm.population).toMatchObject({ source: "imported", import: { number: 1 } });

    // An attachment changed in the archive is caught by name.
    const altered = join(dir, "altered.zip");
    await flipByteInPlace(file, itemFile.path, altered);
    const broken = await verifyBundle(altered);
    expect(broken.problems.map((p) => [p.kind, p.path])).toContainEqual([
      "hash-mismatch",
      itemFile.path,
    ]);
  });

  it("stop, naming the file, when an attachment's stored bytes no longer match", async () => {
    const { id, auditor, onControl } = await workpaperEngagement();
    await corruptBlob(t, onControl.sha256);
    const out = join(dir, "corrupt.zip");
    const failed = await expectAppError(
      () => buildWorkpapers(t.ctx, auditor, id, out),
      "INVALID_STATE",
    );
    expect(failed.message).toContain(`workpaper attachment ${onControl.id}`);
    await expect(readFile(out)).rejects.toThrow();
  });

  it("are the auditor's alone: every company role is refused, the owner included", async () => {
    const { id } = await workpaperEngagement();
    const other = await assignedAuditor(t.ctx, owner, id, {
      name: "Omar Reyes",
      email: "omar@ledger.example",
    });
    const before = await snapshotDatabase(t.ctx.db);
    const out = join(dir, "refused.zip");
    const refused = await expectAppError(() => buildWorkpapers(t.ctx, owner, id, out), "FORBIDDEN");
    expect(refused.message).toContain("only the engagement's assigned auditors");
    for (const role of ["admin", "control-owner", "employee"] as const) {
      await expectAppError(() => buildWorkpapers(t.ctx, as(owner, role), id, out), "FORBIDDEN");
    }
    await expectAppError(
      () => buildWorkpapers(t.ctx, { ...other, engagements: [] }, id, out),
      "NOT_FOUND",
    );
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
    await expect(readFile(out)).rejects.toThrow();
    expect((await buildWorkpapers(t.ctx, other, id, out)).attachments).toBe(2);
  });
});
