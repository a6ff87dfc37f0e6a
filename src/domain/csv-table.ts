/**
 * A small CSV reader for imports (RFC 4180: commas, double-quoted fields with "" for a quote,
 * CRLF or LF line ends). Each row keeps the line it starts on, so a refusal can name it.
 */

export interface CsvRow {
  /** The 1-based line of the file the row starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Parses text into rows; an unterminated quote is reported with its line. */
export function parseCsv(text: string): CsvTable | { error: string; line: number } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRow = () => {
    cells.push(cell);
    // A blank line is no row.
    if (!(cells.length === 1 && cells[0]?.trim() === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? "";
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { error: "a quoted field is never closed", line: rowLine };
  if (cell !== "" || cells.length > 0) endRow();
  const [first, ...rest] = rows;
  return { header: (first?.cells ?? []).map((h) => h.trim().toLowerCase()), rows: rest };
}
