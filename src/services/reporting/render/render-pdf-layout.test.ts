import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { readPdfText } from "../../../../test/support/pdf-text.ts";
import { PdfWriter } from "./render-pdf-layout.ts";

/** Writes filler until `room` points are left above the page foot, then calls `write`. */
async function pageFoot(room: number, write: (w: PdfWriter) => void) {
  const doc = new PDFDocument({ size: "LETTER", bufferPages: true, compress: false });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const w = new PdfWriter(doc);
  w.paragraph("Filler at the top of the page.");
  doc.y = w.bottom - room;
  write(w);
  doc.end();
  await done;
  return readPdfText(Buffer.concat(chunks));
}

const TALL_CELL = Array.from({ length: 12 }, (_, i) => `line ${i + 1} of a tall cell`).join("\n");

describe("PDF layout: keep with next", () => {
  it("moves a heading to the next page with the table that follows it", async () => {
    const pages = await pageFoot(60, (w) => {
      w.heading("Heading before a table", 3);
      w.table(
        [
          { header: "Control", share: 0.5 },
          { header: "Result", share: 0.5 },
        ],
        [["CM-02", TALL_CELL]],
      );
    });
    const at = pages.findIndex((p) => p.text.includes("Heading before a table"));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(pages[at]!.text).toContain("Control");
    expect(pages[at]!.text).toContain("CM-02");
  });

  it("moves stacked headings together with the first lines of their paragraph", async () => {
    const pages = await pageFoot(45, (w) => {
      w.heading("Group heading", 2);
      w.heading("Item heading", 3);
      w.paragraph("The first line of the body that belongs under both headings.");
    });
    const group = pages.findIndex((p) => p.text.includes("Group heading"));
    const body = pages.findIndex((p) => p.text.includes("The first line of the body"));
    expect(group).toBe(body);
    expect(pages[body]!.text).toContain("Item heading");
  });

  it("leaves a heading where it is when its next block fits", async () => {
    const pages = await pageFoot(200, (w) => {
      w.heading("Heading with room", 3);
      w.paragraph("A short paragraph.");
    });
    expect(pages).toHaveLength(1);
  });
});
