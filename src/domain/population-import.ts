/**
 * A population imported from the system of record (pull requests, tickets, hires, leavers):
 * one row per occurrence with a unique key, a date and a label, as CSV (header exactly
 * `key,date,label`) or as a JSON array of `{key, date, label}`.
 *
 * Parsing checks every row and names each bad one by its line (CSV: the file's line, the
 * header being line 1; JSON: the row's position in the array, from 1) and field. The whole
 * file is refused when any row is bad: a population is complete or it is nothing.
 *
 * The canonical rows, hashed with SHA-256 so anyone can check what was imported:
 * 1. Each row normalized: key and label trimmed, runs of whitespace in the label made one
 *    space, both in Unicode NFC; the date as YYYY-MM-DD.
 * 2. Rows sorted by key in Unicode code-point order (the order `drawSample` uses).
 * 3. Written as canonical JSON (audit-chain.ts: object keys sorted, no spaces):
 *    `[{"date":"2026-03-02","key":"PR-4105","label":"Pull request #4105"},…]`, UTF-8.
 * The SHA-256 of those bytes, in lowercase hex, is the population's hash.
 */
import { sha256Hex } from "./digest.ts";
import type { PopulationItem } from "./engagement.ts";
import { AppError } from "./errors.ts";
import type { FieldError } from "./errors.ts";
import { isCalendarDate } from "./periods.ts";
import { compareKeys } from "./sampling.ts";
import { dateInWords } from "./words.ts";

export const POPULATION_FORMATS = ["csv", "json"] as const;
export type PopulationFormat = (typeof POPULATION_FORMATS)[number];

/** Where the company stands on an import: awaiting the auditor, accepted, or returned. */
export const POPULATION_IMPORT_STATUSES = ["pending", "accepted", "returned"] as const;
export type PopulationImportStatus = (typeof POPULATION_IMPORT_STATUSES)[number];

export const CSV_HEADER = "key,date,label";
export const MAX_KEY_LENGTH = 200;
export const MAX_LABEL_LENGTH = 500;
export const MAX_POPULATION_ROWS = 500_000;
/** Beyond this many, bad rows are counted rather than each named (the answer stays readable). */
const MAX_NAMED_PROBLEMS = 200;

export interface PopulationRow {
  /** The CSV line or the JSON position (from 1) it came from. */
  line: number;
  key: string;
  date: string;
  label: string;
}

export interface CanonicalRow {
  key: string;
  date: string;
  label: string;
}

/** How the system of record produced the file, as the company states it. */
export interface PopulationSourceStatement {
  system: string;
  query: string | null;
  ranBy: string;
  ranAt: string;
}

export interface PopulationImport {
  id: string;
  engagementId: string;
  controlRef: string;
  /** 1 for a control's first import, then 2, 3, … */
  number: number;
  format: PopulationFormat;
  fileName: string | null;
  source: PopulationSourceStatement;
  completeness: string;
  /** Why a later import replaces the one before; null for the first. */
  reason: string | null;
  rowCount: number;
  firstDate: string | null;
  lastDate: string | null;
  rowsSha256: string;
  status: PopulationImportStatus;
  importedBy: string;
  /** The importer's account, to address requests to; null when imported without one. */
  importedByEmail: string | null;
  importedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
}

interface Problem {
  line: number;
  field: string;
  message: string;
}

function normalizeKey(value: string): string {
  return value.trim().normalize("NFC");
}

function normalizeLabel(value: string): string {
  return value.trim().replace(/\s+/gu, " ").normalize("NFC");
}

/**
 * Splits CSV text into records (RFC 4180 quoting), each with the line it starts on. A line
 * without quotes is split at its commas; a quoted field (which may hold commas, doubled
 * quotes and line breaks) is read character by character.
 */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const raw = text.slice(at, end);
    const plain = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!plain.includes('"')) {
      records.push({ line, fields: plain.split(",") });
      at = end + 1;
      line += 1;
      continue;
    }
    const quoted = readQuotedRecord(text, at, line);
    records.push({ line, fields: quoted.fields });
    at = quoted.next;
    line = quoted.line;
  }
  return records;
}

/** One record with quotes, from `start` to just past its line break. */
function readQuotedRecord(
  text: string,
  start: number,
  startLine: number,
): { fields: string[]; next: number; line: number } {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = startLine;
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === "\n") line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\n") {
      fields.push(field.endsWith("\r") ? field.slice(0, -1) : field);
      return { fields, next: i + 1, line: line + 1 };
    } else field += char;
    i += 1;
  }
  if (quoted) throw invalidFile(`line ${startLine}: a quoted field is never closed`);
  fields.push(field.endsWith("\r") ? field.slice(0, -1) : field);
  return { fields, next: text.length, line: line + 1 };
}

function invalidFile(message: string): AppError {
  return new AppError("VALIDATION_FAILED", `file: ${message}`, [{ field: "file", message }]);
}

function rawCsvRows(text: string): { line: number; key: unknown; date: unknown; label: unknown }[] {
  const records = csvRecords(text.startsWith("\uFEFF") ? text.slice(1) : text);
  const header = records[0];
  if (header === undefined || header.fields.join(",").trim() !== CSV_HEADER) {
    throw invalidFile(`the first line must be the header "${CSV_HEADER}" exactly`);
  }
  return records
    .slice(1)
    .filter((r) => !(r.fields.length === 1 && (r.fields[0] ?? "").trim() === ""))
    .map((r) => {
      if (r.fields.length !== 3) {
        return { line: r.line, key: r.fields.length, date: undefined, label: undefined };
      }
      const [key, date, label] = r.fields;
      return { line: r.line, key, date, label };
    });
}

function rawJsonRows(
  text: string,
): { line: number; key: unknown; date: unknown; label: unknown }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (error) {
    throw invalidFile(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw invalidFile("must be a JSON array of {key, date, label}");
  return parsed.map((row: unknown, index) => {
    const record = (typeof row === "object" && row !== null ? row : {}) as Record<string, unknown>;
    return { line: index + 1, key: record.key, date: record.date, label: record.label };
  });
}

/**
 * The rows of a population file, or a VALIDATION_FAILED naming every bad row by line and
 * field: a missing or repeated key, a date that is not a calendar date, an empty label, and
 * (when `period` is given) a date outside it.
 */
export function parsePopulation(
  text: string,
  format: PopulationFormat,
  period: { from: string; to: string },
): PopulationRow[] {
  const raw = format === "csv" ? rawCsvRows(text) : rawJsonRows(text);
  const where = format === "csv" ? "line" : "row";
  if (raw.length === 0) throw invalidFile("has no rows: a population needs at least one");
  if (raw.length > MAX_POPULATION_ROWS) {
    throw invalidFile(`has ${raw.length} rows; at most ${MAX_POPULATION_ROWS} are imported`);
  }
  const problems: Problem[] = [];
  const outside: number[] = [];
  // A year has at most 366 dates: each is checked once however many rows share it.
  const calendarDates = new Map<string, boolean>();
  const isDate = (value: string): boolean => {
    let known = calendarDates.get(value);
    if (known === undefined) {
      known = isCalendarDate(value);
      calendarDates.set(value, known);
    }
    return known;
  };
  const seen = new Map<string, number>();
  const rows: PopulationRow[] = [];
  for (const r of raw) {
    const problem = (field: string, message: string) =>
      problems.push({ line: r.line, field, message });
    if (typeof r.key === "number" && r.date === undefined && format === "csv") {
      problem("row", `has ${r.key} fields; write key,date,label (quote a label with commas)`);
      continue;
    }
    const key = typeof r.key === "string" ? normalizeKey(r.key) : "";
    const date = typeof r.date === "string" ? r.date.trim() : "";
    const label = typeof r.label === "string" ? normalizeLabel(r.label) : "";
    let good = true;
    if (key === "") {
      problem("key", "is empty");
      good = false;
    } else if (key.length > MAX_KEY_LENGTH) {
      problem("key", `is longer than ${MAX_KEY_LENGTH} characters`);
      good = false;
    } else if (seen.has(key)) {
      problem("key", `"${key}" repeats the key of ${where} ${seen.get(key) ?? "?"}`);
      good = false;
    } else seen.set(key, r.line);
    if (!isDate(date)) {
      problem("date", `"${date}" is not a calendar date (YYYY-MM-DD)`);
      good = false;
    } else if (date < period.from || date > period.to) {
      problem("date", `${date} is outside the period ${period.from} to ${period.to}`);
      outside.push(r.line);
      good = false;
    }
    if (label === "") {
      problem("label", "is empty");
      good = false;
    } else if (label.length > MAX_LABEL_LENGTH) {
      problem("label", `is longer than ${MAX_LABEL_LENGTH} characters`);
      good = false;
    }
    if (good) rows.push({ line: r.line, key, date, label });
  }
  if (problems.length > 0) throw rowProblems(problems, outside, where, period);
  return rows;
}

function rowProblems(
  problems: readonly Problem[],
  outside: readonly number[],
  where: "line" | "row",
  period: { from: string; to: string },
): AppError {
  const prefix = where === "line" ? "lines" : "rows";
  const fieldErrors: FieldError[] = problems.slice(0, MAX_NAMED_PROBLEMS).map((p) => ({
    field: `${prefix}.${p.line}.${p.field}`,
    message: `${where} ${p.line}: ${p.field} ${p.message}`,
  }));
  const badLines = new Set(problems.map((p) => p.line));
  const parts = [
    `${badLines.size} ${badLines.size === 1 ? where : prefix} refused, nothing imported`,
  ];
  if (outside.length > 0) {
    const shown = outside.slice(0, 1000).join(", ");
    parts.push(
      `outside the period ${period.from} to ${period.to}: ${prefix} ${shown}` +
        (outside.length > 1000 ? ` and ${outside.length - 1000} more` : ""),
    );
  }
  const outsideLines = new Set(outside);
  const other = problems.filter((p) => p.field !== "date" || !outsideLines.has(p.line));
  if (other.length > 0) {
    parts.push(
      other
        .slice(0, 10)
        .map((p) => `${where} ${p.line}: ${p.field} ${p.message}`)
        .join("; ") + (other.length > 10 ? `; and ${other.length - 10} more problems` : ""),
    );
  }
  if (problems.length > MAX_NAMED_PROBLEMS) {
    fieldErrors.push({
      field: "file",
      message: `and ${problems.length - MAX_NAMED_PROBLEMS} more problems not listed one by one`,
    });
  }
  return new AppError("VALIDATION_FAILED", parts.join("; "), fieldErrors);
}

/** The rows in canonical order and form (see the top of this file). */
export function canonicalRows(rows: readonly CanonicalRow[]): CanonicalRow[] {
  return rows
    .map((r) => ({ key: r.key, date: r.date, label: r.label }))
    .sort((a, b) => compareKeys(a.key, b.key));
}

/** SHA-256 of the canonical rows: the same for the same rows in any order, CSV or JSON. */
export function populationRowsSha256(rows: readonly CanonicalRow[]): string {
  // Each row written with its keys already in order: exactly canonicalJson's text, without
  // sorting the keys of 100,000 small objects one by one.
  const text = canonicalRows(rows)
    .map((r) => JSON.stringify({ date: r.date, key: r.key, label: r.label }))
    .join(",");
  return sha256Hex(`[${text}]`);
}

/**
 * Imported rows as a control's population: each row one occurrence on its date, labelled as
 * the system of record names it with the date in words ("Pull request #4105 (2 March 2026)").
 * Evidence for a sampled occurrence is asked for afterwards, so none is listed here. Rows
 * after `today` (a period still running) are not in the population yet.
 */
export function importedPopulationItems(
  rows: readonly CanonicalRow[],
  today?: string,
): PopulationItem[] {
  const words = new Map<string, string>();
  const inWords = (date: string): string => {
    let known = words.get(date);
    if (known === undefined) {
      known = dateInWords(date);
      words.set(date, known);
    }
    return known;
  };
  return rows
    .filter((r) => today === undefined || r.date <= today)
    .map((r) => ({
      key: r.key,
      label: `${r.label} (${inWords(r.date)})`,
      from: r.date,
      to: r.date,
      evidence: [],
    }));
}
