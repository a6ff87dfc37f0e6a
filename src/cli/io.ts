import type { AuditChange } from "../domain/audit-wording.ts";

/** Where a command writes. Tests capture it; the binary sends it to stdout and stderr. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table: columns padded to their widest cell, no colours, safe to pipe. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return (
    [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n"
  );
}

/**
 * The sentence, then what changed: "… — status: in progress → implemented". The audit log and
 * a record's history (controls show, evidence show) print events this way.
 */
export function eventLine(entry: { sentence: string; changes: readonly AuditChange[] }): string {
  if (entry.changes.length === 0) return entry.sentence;
  const changes = entry.changes.map((c) => `${c.field}: ${c.from ?? "none"} → ${c.to ?? "none"}`);
  return `${entry.sentence} — ${changes.join("; ")}`;
}
