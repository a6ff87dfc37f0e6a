/**
 * The report package as a PDF: title page, table of contents, sections I to V, a running
 * header and "Page N of M" on every page but the title, and the readiness notice on every page
 * while no auditor has recorded an opinion. Pages are buffered so the table of contents can be
 * filled in, with true page numbers, once every section has been laid out.
 */
import { pipeline } from "node:stream/promises";
import PDFDocument from "pdfkit";
import type { ReportPackage } from "../../../domain/report.ts";
import { READINESS_NOTICE, periodPhrase } from "../../../domain/report.ts";
import {
  isStructuredOpinion,
  opinionParts,
  signatureLines,
} from "../../../domain/opinion-template.ts";
import { renderDescription } from "./render-pdf-description.ts";
import { COLOR, FONT, PdfWriter, SIZE, fitLine } from "./render-pdf-layout.ts";
import { renderResults } from "./render-pdf-results.ts";
import {
  ASSERTION_TEMPLATE_NOTE,
  CONFIDENTIAL,
  NO_OPINION_STATEMENT,
  NO_OTHER_INFORMATION,
  OPINION_TYPE_LABELS,
  OTHER_INFORMATION_NOTE,
  SECTIONS,
  SIGNING_KEY_HEADING,
  SIGNING_KEY_INTRO,
  assertionStatusLine,
  criterionGroups,
  dateOf,
  descriptionSubsections,
  opinionRecordedLine,
  paragraphs,
  reportTypeLabel,
  runningHeader,
  sectionHeading,
  titlePage,
  versionLabel,
} from "./report-wording.ts";
import type { SectionKey } from "./report-wording.ts";

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  /** Deflate page contents (default). Tests turn it off to read the text back. */
  compress?: boolean;
}

interface TocEntry {
  title: string;
  level: 0 | 1;
  /** Zero-based page index; printed as index + 1, like the footer. */
  page: number;
  anchor: string;
}

const MARGINS = { top: 78, bottom: 72, left: 60, right: 60 };
const TOC_LINE = 19;

function titlePageContent(w: PdfWriter, pkg: ReportPackage): void {
  const doc = w.doc;
  const t = titlePage(pkg);
  doc.rect(0, 0, doc.page.width, 14).fill(COLOR.accent);
  const line = (text: string, font: string, size: number, color: string, gap: number) => {
    doc.font(font).fontSize(size).fillColor(color);
    doc.text(text, w.left, doc.y, { width: w.width, align: "left" });
    doc.y += gap;
  };
  doc.y = 170;
  line(t.organization, FONT.bold, 26, COLOR.text, 6);
  line(t.system, FONT.regular, 16, COLOR.text, 26);
  line(t.reportType, FONT.bold, 15, COLOR.accent, 6);
  line(t.subject, FONT.regular, 11.5, COLOR.text, 6);
  line(t.period, FONT.regular, 11.5, COLOR.text, 26);
  line(t.auditFirm, FONT.regular, 10.5, COLOR.muted, 4);
  line(t.version, FONT.regular, 10.5, COLOR.muted, 4);
  if (pkg.opinion === null) {
    const top = 520;
    doc.rect(w.left, top, w.width, 84).lineWidth(1.5).fillAndStroke("#fdecec", COLOR.notice);
    doc.font(FONT.bold).fontSize(15).fillColor(COLOR.notice);
    doc.text(READINESS_NOTICE, w.left + 14, top + 14, { width: w.width - 28 });
    doc.font(FONT.regular).fontSize(9).fillColor(COLOR.text);
    doc.text(NO_OPINION_STATEMENT, w.left + 14, top + 38, { width: w.width - 28 });
  }
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
  doc.text(`${CONFIDENTIAL}. Generated with Attest on ${dateOf(pkg.generatedAt)}.`, w.left, 660, {
    width: w.width,
  });
}

function tocPagesNeeded(w: PdfWriter, pkg: ReportPackage): number {
  const entries =
    SECTIONS.length +
    descriptionSubsections(pkg.engagement.type).length +
    criterionGroups(pkg.criteria).length +
    1;
  return Math.max(1, Math.ceil((entries * TOC_LINE + 60) / w.usableHeight));
}

function fillToc(w: PdfWriter, first: number, entries: readonly TocEntry[]): void {
  const doc = w.doc;
  let page = first;
  doc.switchToPage(page);
  doc.y = MARGINS.top;
  w.heading("Contents", 1, 0);
  w.keepHeadingsWith(TOC_LINE);
  const numberWidth = 40;
  for (const e of entries) {
    if (doc.y + TOC_LINE > w.bottom) {
      page += 1;
      doc.switchToPage(page);
      doc.y = MARGINS.top;
    }
    const y = doc.y;
    const x = w.left + (e.level === 1 ? 18 : 0);
    const font = e.level === 0 ? FONT.bold : FONT.regular;
    doc
      .font(font)
      .fontSize(e.level === 0 ? 10.5 : SIZE.body)
      .fillColor(COLOR.text);
    const title = fitLine(doc, e.title, w.width - numberWidth - (x - w.left) - 20);
    doc.text(title, x, y, { lineBreak: false });
    const titleEnd = x + doc.widthOfString(title) + 4;
    const number = String(e.page + 1);
    const numberX = w.left + w.width - doc.widthOfString(number);
    doc.text(number, numberX, y, { lineBreak: false });
    // Dot leaders are drawn, not typed, so the entry reads back as its title and its number.
    doc
      .moveTo(titleEnd, y + 8)
      .lineTo(numberX - 4, y + 8)
      .dash(0.5, { space: 2.5 })
      .lineWidth(0.7)
      .strokeColor(COLOR.muted)
      .stroke()
      .undash();
    doc.goTo(w.left, y - 2, w.width, TOC_LINE - 2, e.anchor);
    doc.y = y + TOC_LINE;
  }
}

function decorate(doc: Doc, pkg: ReportPackage): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const header = runningHeader(pkg);
  const version = versionLabel(pkg);
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const width = page.width - MARGINS.left - MARGINS.right;
    // Header and footer sit in the margins; with the bottom margin at 0, pdfkit does not
    // mistake the footer for text overflowing the page.
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0;
    if (i > 0) {
      const top = MARGINS.top - 42;
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.accent);
      const confidentialWidth = doc.widthOfString(CONFIDENTIAL);
      doc.text(CONFIDENTIAL, MARGINS.left + width - confidentialWidth, top, { lineBreak: false });
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(fitLine(doc, header, width - confidentialWidth - 16), MARGINS.left, top, {
        lineBreak: false,
      });
      doc
        .moveTo(MARGINS.left, top + 14)
        .lineTo(MARGINS.left + width, top + 14)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    const foot = page.height - MARGINS.bottom + 14;
    doc
      .moveTo(MARGINS.left, foot)
      .lineTo(MARGINS.left + width, foot)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    if (pkg.opinion === null) {
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.notice);
      doc.text(READINESS_NOTICE, MARGINS.left, foot + 6, {
        width,
        align: "center",
        lineBreak: false,
      });
    }
    if (i > 0) {
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(version, MARGINS.left, foot + 22, { lineBreak: false });
      const label = `Page ${i + 1} of ${total}`;
      doc.text(label, MARGINS.left + width - doc.widthOfString(label), foot + 22, {
        lineBreak: false,
      });
    }
    page.margins.bottom = savedBottom;
  }
}

function opinionSection(w: PdfWriter, pkg: ReportPackage): void {
  const o = pkg.opinion;
  if (o === null) {
    w.paragraph(NO_OPINION_STATEMENT, { color: COLOR.notice, font: FONT.bold });
    return;
  }
  w.labelled("Opinion:", OPINION_TYPE_LABELS[o.type], { gapAfter: 8 });
  if (!isStructuredOpinion(o)) {
    for (const p of paragraphs(o.text)) w.paragraph(p);
  } else {
    for (const part of opinionParts(pkg, o)) {
      w.heading(part.heading, 3, 30);
      for (const p of part.paragraphs) w.paragraph(p);
      w.space(2);
    }
    w.space(8);
    const [firm, ...rest] = signatureLines(o);
    w.paragraph(firm ?? "", { font: FONT.bold, gapAfter: 1 });
    for (const line of rest) w.paragraph(line, { gapAfter: 1 });
    w.space(8);
  }
  w.paragraph(opinionRecordedLine(o), { size: SIZE.small, color: COLOR.muted });
}

function assertionSection(w: PdfWriter, pkg: ReportPackage): void {
  const a = pkg.assertion;
  if (a.generated && pkg.state === "draft") {
    w.paragraph(ASSERTION_TEMPLATE_NOTE, {
      size: SIZE.small,
      color: COLOR.muted,
      font: FONT.italic,
    });
  }
  for (const p of paragraphs(a.text)) w.paragraph(p);
  w.space(4);
  w.paragraph(assertionStatusLine(a), { size: SIZE.small, color: COLOR.muted });
}

function otherSection(w: PdfWriter, pkg: ReportPackage): void {
  w.paragraph(OTHER_INFORMATION_NOTE, { size: SIZE.small, color: COLOR.muted, font: FONT.italic });
  const parts = paragraphs(pkg.otherInformation);
  if (parts.length === 0) w.paragraph(NO_OTHER_INFORMATION);
  for (const p of parts) w.paragraph(p);
  const key = pkg.signingKey;
  if (key !== null) {
    w.space(6);
    w.heading(SIGNING_KEY_HEADING, 3);
    w.paragraph(SIGNING_KEY_INTRO);
    w.labelled("Algorithm:", key.algorithm, { indent: 10 });
    w.labelled("Public key:", key.publicKey, { indent: 10 });
    w.labelled("Fingerprint:", key.fingerprint, { indent: 10 });
  }
}

function build(doc: Doc, pkg: ReportPackage): void {
  const w = new PdfWriter(doc);
  titlePageContent(w, pkg);
  const tocFirst = w.pageIndex + 1;
  const tocPages = tocPagesNeeded(w, pkg);
  for (let i = 0; i < tocPages; i++) w.newPage();

  const entries: TocEntry[] = [];
  let parent: PDFKit.PDFOutline | null = null;
  const mark = (title: string, level: 0 | 1, anchor: string) => {
    entries.push({ title, level, page: w.pageIndex, anchor });
    doc.addNamedDestination(anchor);
    if (level === 0 || parent === null) parent = doc.outline.addItem(title);
    else parent.addItem(title);
  };
  const bodies: Record<SectionKey, () => void> = {
    opinion: () => opinionSection(w, pkg),
    assertion: () => assertionSection(w, pkg),
    description: () => renderDescription(w, pkg, mark),
    results: () => renderResults(w, pkg, mark),
    other: () => otherSection(w, pkg),
  };
  for (const s of SECTIONS) {
    w.newPage();
    const title = sectionHeading(s.key);
    w.heading(title, 1, 0, () => mark(title, 0, s.anchor));
    bodies[s.key]();
  }
  fillToc(w, tocFirst, entries);
  decorate(doc, pkg);
}

function createDocument(pkg: ReportPackage, options: PdfOptions): Doc {
  return new PDFDocument({
    size: "LETTER",
    margins: MARGINS,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `${pkg.organization.name}: ${reportTypeLabel(pkg.engagement.type)}`,
      Author: pkg.organization.name,
      Subject: `${pkg.organization.systemName}, ${periodPhrase(pkg.engagement)}`,
      Creator: "Attest",
      // The package's own time, so rendering the same package twice gives the same dates.
      CreationDate: new Date(pkg.generatedAt),
    },
  });
}

export async function renderPdf(
  pkg: ReportPackage,
  out: NodeJS.WritableStream,
  options: PdfOptions = {},
): Promise<void> {
  const doc = createDocument(pkg, options);
  build(doc, pkg);
  doc.end();
  await pipeline(doc, out);
}

export async function renderPdfBuffer(
  pkg: ReportPackage,
  options: PdfOptions = {},
): Promise<Buffer> {
  const doc = createDocument(pkg, options);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  build(doc, pkg);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
