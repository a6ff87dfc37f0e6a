import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { READINESS_NOTICE } from "../../../domain/report.ts";
import type { ReportPackage } from "../../../domain/report.ts";
import type { PdfPage } from "../../../../test/support/pdf-text.ts";
import { readPdfText } from "../../../../test/support/pdf-text.ts";
import {
  EXCEPTION_CRITERION,
  EXCEPTION_ITEM_LABEL,
  MANAGEMENT_RESPONSE,
  buildReportPackage,
} from "../../../../test/support/report-package.ts";
import { RESPONSES_HEADING, RESPONSES_NOTE } from "./results-matrix.ts";
import { renderPdf, renderPdfBuffer } from "./render-pdf.ts";
import {
  CONFIDENTIAL,
  DESCRIPTION_INCOMPLETE,
  criterionGroups,
  descriptionSubsections,
  runningHeader,
  sectionHeading,
  SECTIONS,
} from "./report-wording.ts";

async function pages(pkg: ReportPackage): Promise<PdfPage[]> {
  return readPdfText(await renderPdfBuffer(pkg, { compress: false }));
}

const PAGE_HEIGHT = 792;
// The body lies between the margins (78 top, 72 bottom); header and footer sit outside.
const BODY_TOP = PAGE_HEIGHT - 78;
const BODY_BOTTOM = 72;

const draft = buildReportPackage();
let cached: Promise<PdfPage[]> | undefined;
const draftPages = () => (cached ??= pages(draft));

describe("PDF report", () => {
  it("has a title page, a table of contents and the sections", async () => {
    const list = await draftPages();
    expect(list.length).toBeGreaterThan(5);
    expect(list[0]!.lines).toContain("Northwind Analytics");
    expect(list[0]!.lines).toContain("SOC 2 Type 2 report");
    expect(list[0]!.lines).toContain("Draft v2");
    expect(list[1]!.lines).toContain("Contents");
  });

  it("shows the readiness notice on every page when no opinion is recorded", async () => {
    const list = await draftPages();
    list.forEach((p, i) => expect(p.lines, `page ${i + 1}`).toContain(READINESS_NOTICE));
  });

  it("shows no readiness notice once an auditor's opinion is recorded", async () => {
    const list = await pages(buildReportPackage({ opinion: true }));
    for (const p of list) expect(p.text).not.toContain(READINESS_NOTICE);
    expect(list.some((p) => p.lines.includes(sectionHeading("opinion")))).toBe(true);
    expect(list.some((p) => p.text.includes("Unmodified opinion"))).toBe(true);
    expect(list.some((p) => p.text.includes("Recorded by Dana Whitfield"))).toBe(true);
  });

  it("numbers every page but the title and repeats the running header", async () => {
    const list = await draftPages();
    const header = `${runningHeader(draft)}${CONFIDENTIAL}`;
    expect(list[0]!.text).not.toMatch(/Page \d+ of/);
    expect(list[0]!.lines).not.toContain(header);
    list.slice(1).forEach((p, i) => {
      expect(p.lines).toContain(header);
      expect(p.lines.some((l) => l.endsWith(`Page ${i + 2} of ${list.length}`))).toBe(true);
    });
  });

  it("gives the page each section and criterion group really starts on in the contents", async () => {
    const list = await draftPages();
    const tocPage = list[1]!;
    const expected = [
      ...SECTIONS.map((s) => sectionHeading(s.key)),
      ...descriptionSubsections(2).map((s) => s.heading),
      ...criterionGroups(draft.criteria).map((g) => g.name),
    ];
    expect(expected.length).toBeGreaterThan(15);
    for (const title of expected) {
      const entry = tocPage.runs.find((r) => r.text === title);
      expect(entry, `contents entry ${title}`).toBeDefined();
      const number = tocPage.runs.find((r) => r.y === entry!.y && /^\d+$/.test(r.text));
      expect(number, `page number of ${title}`).toBeDefined();
      // The first page after the contents that has the heading as a line of its own.
      const actual = list.findIndex((p, i) => i > 1 && p.lines.includes(title)) + 1;
      expect(Number(number!.text), title).toBe(actual);
    }
  });

  it("puts each exception, by its item, in its criterion's matrix, and the responses apart", async () => {
    const list = await draftPages();
    const startsCriterion = (p: PdfPage, id: string) =>
      p.lines.some((l) => l.startsWith(`${id}  `) || l.startsWith(`${id} `));
    const first = list.findIndex((p) => startsCriterion(p, EXCEPTION_CRITERION));
    const next = list.findIndex((p, i) => i > first && startsCriterion(p, "CC9.1"));
    expect(first).toBeGreaterThan(1);
    // The result column holds the result and the exceptions; cells side by side share lines.
    const resultColumn = list
      .slice(first, next + 1)
      .flatMap((p) => p.runs.filter((r) => r.x > 400 && r.y > BODY_BOTTOM && r.y < BODY_TOP))
      .map((r) => r.text)
      .join(" ")
      .replace(/\s+/g, " ");
    expect(resultColumn).toContain(`Exception: ${EXCEPTION_ITEM_LABEL}:`);
    const all = list.map((p) => p.text).join(" ");
    // The last mention: the contents list it first.
    const responses = all.lastIndexOf(RESPONSES_HEADING);
    expect(responses).toBeGreaterThan(all.lastIndexOf("CC9.1"));
    expect(all.indexOf(RESPONSES_NOTE.slice(0, 40))).toBeGreaterThan(responses);
    expect(all.indexOf(MANAGEMENT_RESPONSE.slice(0, 30))).toBeGreaterThan(responses);
    expect(all.slice(0, responses)).not.toContain(MANAGEMENT_RESPONSE.slice(0, 30));
  });

  it("sets Section I in its parts with the firm, city and date, and dates in words throughout", async () => {
    const list = await pages(buildReportPackage({ opinion: true }));
    const all = list.map((p) => p.text).join(" ");
    const order = [
      "Scope",
      "The service organization's responsibilities",
      "The service auditor's responsibilities",
      "Inherent limitations",
      "Description of tests of controls",
      "Restricted use",
      "Boston, Massachusetts",
    ].map((h) => all.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(list[0]!.lines).toContain("For the period 1 January 2026 to 30 June 2026");
    expect(all).toContain("Recorded by Dana Whitfield on 20 July 2026.");
    expect(all).toContain("Tested by Dana Whitfield (Ledger & Co) on 9 July 2026.");
    for (const p of list.slice(1)) {
      for (const line of p.lines.filter((l) => /Page \d+ of|Northwind Analytics —/.test(l))) {
        expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
    expect(all).not.toMatch(/\b1 items\b/);
    expect(all).toContain("Sample: 1 item of a population of 1.");
  });

  it("keeps body text clear of the header and footer, even for very long text", async () => {
    const pkg = buildReportPackage();
    const long = Array.from({ length: 900 }, (_, i) => `word${i}`).join(" ");
    pkg.description.components.software[0]!.description = `${long} END-OF-COMPONENT`;
    pkg.criteria
      .find((c) => c.id === EXCEPTION_CRITERION)!
      .controls.find((c) => c.exceptions.length > 0)!.exceptions[0]!.description =
      `${long} END-OF-EXCEPTION`;
    const list = await pages(pkg);
    const furniture = new Set([
      `${runningHeader(pkg)}`,
      CONFIDENTIAL,
      READINESS_NOTICE,
      "Draft v2",
    ]);
    list.forEach((p, i) => {
      for (const r of p.runs) {
        if (furniture.has(r.text) || /^Page \d+ of \d+$/.test(r.text) || i === 0) continue;
        expect(r.y, `page ${i + 1}: "${r.text}"`).toBeGreaterThanOrEqual(BODY_BOTTOM);
        expect(r.y, `page ${i + 1}: "${r.text}"`).toBeLessThanOrEqual(BODY_TOP);
      }
    });
    const all = list.map((p) => p.text).join(" ");
    expect(all).toContain("word899 END-OF-COMPONENT");
    expect(all).toContain("word899 END-OF-EXCEPTION");
  });

  it("lists what the description still lacks in a draft, and not in a final report", async () => {
    const gaps = [
      { criterion: "DC6", missing: "list the complementary user entity controls (CUECs)" },
    ];
    const withGaps = await pages(buildReportPackage({ gaps }));
    expect(withGaps.some((p) => p.lines.includes(DESCRIPTION_INCOMPLETE))).toBe(true);
    expect(withGaps.map((p) => p.text).join(" ")).toContain(gaps[0]!.missing);
    const final = await pages(buildReportPackage({ gaps, opinion: true }));
    expect(final.some((p) => p.lines.includes(DESCRIPTION_INCOMPLETE))).toBe(false);
  });

  it("shows a Type 1 as design only, without sampling", async () => {
    const list = await pages(buildReportPackage({ type: 1 }));
    const all = list.map((p) => p.text).join(" ");
    expect(all).toContain("Design conclusion");
    expect(all).toContain("Suitably designed");
    expect(all).not.toContain("Sample:");
    expect(all).not.toContain("population of");
    expect(all).not.toContain(descriptionSubsections(2).at(-1)!.heading);
  });

  it("writes to a stream", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await renderPdf(draft, out);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toContain("%%EOF");
  });
});
