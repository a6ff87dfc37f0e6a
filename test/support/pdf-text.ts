/**
 * Reads the text of each page back out of a PDF written by pdfkit with `compress: false`, so
 * renderer tests can check what is on which page without an external tool. It understands
 * exactly what pdfkit writes for its built-in fonts: one page tree, one content stream per
 * page, each text run a BT … ET block with a Tm position and hex strings in WinAnsi encoding.
 */

export interface PdfRun {
  x: number;
  /** From the bottom of the page, as PDF measures it. */
  y: number;
  text: string;
}

export interface PdfPage {
  runs: PdfRun[];
  /** Runs sharing a baseline, left to right, top to bottom. */
  lines: string[];
  /** The lines joined with spaces: wrapped sentences read whole again. */
  text: string;
}

// WinAnsi differs from Latin-1 only in 0x80–0x9F.
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: "€",
  0x82: "‚",
  0x83: "ƒ",
  0x84: "„",
  0x85: "…",
  0x86: "†",
  0x87: "‡",
  0x88: "ˆ",
  0x89: "‰",
  0x8a: "Š",
  0x8b: "‹",
  0x8c: "Œ",
  0x8e: "Ž",
  0x91: "‘",
  0x92: "’",
  0x93: "“",
  0x94: "”",
  0x95: "•",
  0x96: "–",
  0x97: "—",
  0x98: "˜",
  0x99: "™",
  0x9a: "š",
  0x9b: "›",
  0x9c: "œ",
  0x9e: "ž",
  0x9f: "Ÿ",
};

function decodeHex(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

function objects(pdf: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of pdf.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    map.set(Number(m[1]), m[2]!);
  }
  return map;
}

function runsOf(content: string): PdfRun[] {
  const runs: PdfRun[] = [];
  for (const block of content.matchAll(/\nBT\n([\s\S]*?)\nET/g)) {
    const body = block[1]!;
    const tm = /1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm/.exec(body);
    if (tm === null) continue;
    let text = "";
    for (const tj of body.matchAll(/\[(.*?)\] TJ/g)) {
      for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) text += decodeHex(hex[1]!);
    }
    runs.push({ x: Number(tm[1]), y: Number(tm[2]), text });
  }
  return runs;
}

function linesOf(runs: readonly PdfRun[]): string[] {
  const rows = new Map<number, PdfRun[]>();
  for (const r of runs) {
    const key = Math.round(r.y);
    rows.set(key, [...(rows.get(key) ?? []), r]);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((r) => r.text)
        .join(""),
    );
}

export function readPdfText(pdf: Buffer): PdfPage[] {
  const source = pdf.toString("latin1");
  const objs = objects(source);
  const tree = [...objs.values()].find((o) => /\/Type \/Pages\b/.test(o));
  if (tree === undefined)
    throw new Error("no page tree: was the PDF written with compress: false?");
  const kids = /\/Kids \[([^\]]*)\]/.exec(tree)?.[1] ?? "";
  return [...kids.matchAll(/(\d+) 0 R/g)].map((kid) => {
    const page = objs.get(Number(kid[1])) ?? "";
    const contentRef = /\/Contents (\d+) 0 R/.exec(page)?.[1];
    const stream = objs.get(Number(contentRef)) ?? "";
    const content = /stream\n([\s\S]*)\nendstream/.exec(stream)?.[1] ?? "";
    if (/\/Filter/.test(stream))
      throw new Error("compressed content stream: render with compress: false");
    const runs = runsOf(`\n${content}`);
    const lines = linesOf(runs);
    return { runs, lines, text: lines.join(" ").replace(/\s+/g, " ") };
  });
}
