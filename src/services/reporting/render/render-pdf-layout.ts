/**
 * The small layout toolkit the PDF renderer is written with: headings, paragraphs, labelled
 * lines, lists, tables and boxes on top of pdfkit, each of which breaks across pages without
 * running into the footer. Pages are buffered, so the table of contents, the running header
 * and "Page N of M" are drawn once every page exists.
 */
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

export const FONT = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
} as const;

export const COLOR = {
  text: "#1a1a1a",
  muted: "#5b6470",
  accent: "#1f3a5f",
  notice: "#9b1c1c",
  rule: "#c9ced6",
  fill: "#eef1f5",
  warnFill: "#fff6e5",
  warnRule: "#c2780a",
} as const;

export const SIZE = { body: 9.5, small: 8.5, h1: 16, h2: 12.5, h3: 11 } as const;
const LINE_GAP = 1.5;
const CELL_PAD = 4;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  indent?: number;
  gapAfter?: number;
}

/** 1 to 3: section, group, item; 4: a bold run-in heading at body size. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Column {
  header: string;
  /** Share of the text width, all columns summing to 1. */
  share: number;
}

export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The lowest y text may reach; below it is the footer. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get usableHeight(): number {
    return this.bottom - this.doc.page.margins.top;
  }

  /** Index of the page being written (pages are only ever appended while writing). */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` still fits, so a block is not split at its start. */
  ensureSpace(height: number): void {
    this.keepHeadingsWith(height);
    this.ensureRoom(height);
  }

  private ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    if (this.waiting.length > 0) {
      this.keepHeadingsWith(points);
      return;
    }
    // Moving down past the bottom would put the next line under the footer; start a page.
    if (this.doc.y + points > this.bottom) this.doc.addPage();
    else this.doc.y += points;
  }

  private style(s: TextStyle): void {
    this.doc
      .font(s.font ?? FONT.regular)
      .fontSize(s.size ?? SIZE.body)
      .fillColor(s.color ?? COLOR.text);
  }

  heightOf(text: string, width: number, s: TextStyle = {}): number {
    this.style(s);
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /**
   * Headings wait to be drawn until what follows them is known, then go on the page only with
   * room for its first lines too (keep with next): no heading is left alone at a page foot.
   * `placed` runs once the heading's page is settled, so what it records (a table of contents
   * entry, a bookmark) points at the page the heading is really on.
   */
  heading(text: string, level: HeadingLevel, keepWith = 40, placed?: () => void): void {
    this.waiting.push({ text, level, keepWith, placed });
  }

  private waiting: { text: string; level: HeadingLevel; keepWith: number; placed?: () => void }[] =
    [];

  private headingStyle(level: HeadingLevel): TextStyle {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : level === 3 ? SIZE.h3 : SIZE.body;
    return { font: FONT.bold, size, color: COLOR.accent };
  }

  private headingGap(level: HeadingLevel): number {
    return level === 1 ? 8 : level === 4 ? 3 : 4;
  }

  /** Draws the waiting headings where they fit with `next` points of what follows them. */
  keepHeadingsWith(next: number): void {
    if (this.waiting.length === 0) return;
    const headings = this.waiting;
    this.waiting = [];
    const height = headings.reduce(
      (sum, h) =>
        sum +
        this.heightOf(h.text, this.width, this.headingStyle(h.level)) +
        this.headingGap(h.level),
      0,
    );
    const keep = Math.max(next, ...headings.map((h) => h.keepWith));
    // A block taller than a page cannot come along whole; its first lines do.
    this.ensureRoom(height + Math.min(keep, this.usableHeight / 3));
    for (const h of headings) {
      h.placed?.();
      this.style(this.headingStyle(h.level));
      this.doc.text(h.text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
      this.doc.y += this.headingGap(h.level);
    }
  }

  /** The height of a text's first lines, what a heading above it must stay with. */
  private firstLines(text: string, width: number, s: TextStyle, lines = 2): number {
    this.style(s);
    const line = this.doc.currentLineHeight(true) + LINE_GAP;
    return Math.min(this.heightOf(text === "" ? " " : text, width, s), lines * line);
  }

  paragraph(text: string, s: TextStyle = {}): void {
    const indent = s.indent ?? 0;
    this.keepHeadingsWith(this.firstLines(text, this.width - indent, s));
    this.style(s);
    // Wrapping and page breaks are pdfkit's: lines past the bottom margin continue on a new page.
    this.doc.text(text, this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: LINE_GAP,
    });
    this.doc.y += s.gapAfter ?? 5;
  }

  /** "Label: text" with the label in bold, wrapping as one paragraph. */
  labelled(label: string, text: string, s: TextStyle & { labelColor?: string } = {}): void {
    if (text.trim() === "") {
      // pdfkit mishandles an empty continuation; a lone label is just a bold line.
      this.paragraph(label, { ...s, font: FONT.bold, color: s.labelColor ?? s.color });
      return;
    }
    const indent = s.indent ?? 0;
    const width = this.width - indent;
    this.keepHeadingsWith(this.firstLines(`${label} ${text}`, width, s));
    this.style({ ...s, font: FONT.bold, color: s.labelColor ?? s.color });
    this.doc.text(`${label} `, this.left + indent, this.doc.y, {
      width,
      lineGap: LINE_GAP,
      continued: true,
    });
    this.style({ ...s, font: s.font ?? FONT.regular });
    this.doc.text(text, { width, lineGap: LINE_GAP });
    this.doc.y += s.gapAfter ?? 4;
  }

  bullets(items: readonly string[], s: TextStyle = {}): void {
    const indent = (s.indent ?? 0) + 12;
    this.keepHeadingsWith(this.firstLines(items[0] ?? "", this.width - indent, s));
    for (const item of items) {
      this.style(s);
      // Keep the bullet with the first line of its item, on a new page if need be.
      this.ensureSpace(this.doc.currentLineHeight(true));
      const top = this.doc.y;
      this.doc.text("•", this.left + indent - 10, top, { width: 10, lineBreak: false });
      this.doc.text(item, this.left + indent, top, {
        width: this.width - indent,
        lineGap: LINE_GAP,
      });
      this.doc.y += s.gapAfter ?? 3;
    }
  }

  rule(color: string = COLOR.rule): void {
    this.keepHeadingsWith(4);
    const y = this.doc.y;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke();
    this.doc.y = y + 4;
  }

  /**
   * A table whose rows never split: a row that does not fit starts a new page, under a repeated
   * header. A row taller than a whole page cannot be kept together, so it is written as
   * labelled paragraphs instead, which flow across pages.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = SIZE.small): void {
    const widths = columns.map((c) => c.share * this.width);
    const cell: TextStyle = { size };
    const head: TextStyle = { size, font: FONT.bold };
    const rowHeight = (cells: readonly string[], s: TextStyle) =>
      Math.max(
        ...cells.map((t, i) =>
          this.heightOf(t === "" ? " " : t, (widths[i] ?? 0) - 2 * CELL_PAD, s),
        ),
      ) +
      2 * CELL_PAD;
    const headers = columns.map((c) => c.header);
    const headerHeight = rowHeight(headers, head);
    const drawRow = (cells: readonly string[], s: TextStyle, h: number, fill: string | null) => {
      const top = this.doc.y;
      if (fill !== null) this.doc.rect(this.left, top, this.width, h).fill(fill);
      let x = this.left;
      cells.forEach((t, i) => {
        const w = widths[i] ?? 0;
        this.style(s);
        this.doc.text(t, x + CELL_PAD, top + CELL_PAD, {
          width: w - 2 * CELL_PAD,
          lineGap: LINE_GAP,
        });
        x += w;
      });
      this.doc.y = top + h;
      this.rule();
      this.doc.y -= 4;
    };
    const first = rows[0];
    this.keepHeadingsWith(
      headerHeight + (first === undefined ? 0 : Math.min(rowHeight(first, cell), 80)),
    );
    this.ensureSpace(
      headerHeight + (first === undefined ? 0 : Math.min(rowHeight(first, cell), 80)),
    );
    drawRow(headers, head, headerHeight, COLOR.fill);
    // After a row written as paragraphs, the next row may be pages below its header.
    let headerAbove = true;
    for (const cells of rows) {
      const h = rowHeight(cells, cell);
      if (h > this.usableHeight - headerHeight) {
        this.doc.y += CELL_PAD;
        cells.forEach((t, i) => this.labelled(`${headers[i] ?? ""}:`, t, { size }));
        this.rule();
        headerAbove = false;
        continue;
      }
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        headerAbove = false;
      }
      if (!headerAbove) {
        this.ensureSpace(headerHeight + h);
        drawRow(headers, head, headerHeight, COLOR.fill);
        headerAbove = true;
      }
      drawRow(cells, cell, h, null);
    }
    this.doc.x = this.left;
    this.doc.y += 8;
  }

  /** A framed box with a title; too tall for one page, it is written unframed. */
  box(title: string, intro: string, lines: readonly string[], fill: string, stroke: string): void {
    const inner = this.width - 20;
    const titleHeight = this.heightOf(title, inner, { font: FONT.bold, size: SIZE.h3 });
    const introHeight = this.heightOf(intro, inner) + 5;
    const linesHeight = lines.reduce((h, l) => h + this.heightOf(l, inner - 12) + 3, 0);
    const height = titleHeight + introHeight + linesHeight + 24;
    this.keepHeadingsWith(Math.min(height, this.usableHeight / 3));
    if (height <= this.usableHeight) {
      this.ensureSpace(height);
      const top = this.doc.y;
      this.doc.rect(this.left, top, this.width, height).lineWidth(1).fillAndStroke(fill, stroke);
      this.doc.y = top + 10;
      this.style({ font: FONT.bold, size: SIZE.h3, color: stroke });
      this.doc.text(title, this.left + 10, this.doc.y, { width: inner, lineGap: LINE_GAP });
      this.doc.y += 4;
      this.paragraph(intro, { indent: 10 });
      this.bullets(lines, { indent: 10 });
      this.doc.y = top + height + 10;
    } else {
      this.heading(title, 3);
      this.paragraph(intro);
      this.bullets(lines);
    }
    this.doc.x = this.left;
  }
}

/** Cuts a one-line text to `width`, ending it with an ellipsis, for headers and footers. */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
