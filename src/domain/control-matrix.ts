/**
 * The control matrix an auditor takes away: one row per control of the engagement, with what
 * was tested and found. Pure: the rows come from the engagement's results
 * (services/fieldwork/exports/control-matrix.ts); this names the columns and writes the CSV.
 */
import type { ControlFrequency } from "../catalog/types.ts";
import type { ControlConclusion, ControlOutcome, ControlTest, TestMethod } from "./test-results.ts";

export const MATRIX_COLUMNS = [
  { key: "criteria", header: "Criteria" },
  { key: "ref", header: "Control ref" },
  { key: "title", header: "Control title" },
  { key: "description", header: "Description" },
  { key: "owner", header: "Owner" },
  { key: "frequency", header: "Frequency" },
  { key: "population", header: "Population" },
  { key: "sampleSize", header: "Sample size" },
  { key: "testPerformed", header: "Test performed" },
  { key: "result", header: "Result" },
  { key: "exceptions", header: "Exceptions" },
] as const;

export type MatrixColumn = (typeof MATRIX_COLUMNS)[number]["key"];

export interface MatrixRow {
  /** Criterion ids, in catalog order: "CC6.1, CC6.2". */
  criteria: string;
  ref: string;
  title: string;
  description: string;
  /** The owner's address, or "" when the control has none. */
  owner: string;
  frequency: string;
  /** Occurrences in the period; null before a sample is drawn, and for a Type 1. */
  population: number | null;
  sampleSize: number | null;
  testPerformed: string;
  result: string;
  exceptions: string;
}

const FREQUENCY_WORDS: Record<ControlFrequency, string> = {
  continuous: "Continuous",
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Yearly",
  "event-driven": "Event-driven",
};

export function frequencyWords(frequency: ControlFrequency): string {
  return FREQUENCY_WORDS[frequency];
}

const CONCLUSION_WORDS: Record<ControlConclusion, string> = {
  "operating-effectively": "Operating effectively",
  "exception-noted": "Exception noted",
  "not-tested": "Not tested",
  "no-occurrences": "No occurrences in the period",
  "not-implemented": "Not in place at the freeze",
  "suitably-designed": "Suitably designed",
  "design-deficiency": "Design deficiency",
  "not-evaluated": "Not evaluated",
};

export function conclusionWords(conclusion: ControlConclusion): string {
  return CONCLUSION_WORDS[conclusion];
}

const METHOD_WORDS: Record<TestMethod, string> = {
  inquiry: "Inquiry",
  observation: "Observation",
  inspection: "Inspection",
  "re-performance": "Re-performance",
};

/** "Inspection, inquiry: Inspected the records. (Dana Whitfield, 2026-10-02)", or "". */
export function testPerformedWords(test: ControlTest | null): string {
  if (test === null) return "";
  const methods = test.methods.map((m, i) =>
    i === 0 ? METHOD_WORDS[m] : METHOD_WORDS[m].toLowerCase(),
  );
  return `${methods.join(", ")}: ${test.procedure.trim()} (${test.tester}, ${test.testedOn})`;
}

/** Each exception and each sampled occurrence found without evidence, "; " between them. */
export function exceptionsWords(
  outcome: Pick<ControlOutcome, "exceptions" | "missingOccurrences"> | undefined,
  labelOf: (key: string) => string,
): string {
  if (outcome === undefined) return "";
  const recorded = outcome.exceptions.map((x) => {
    const what = x.description?.trim() ?? "";
    return `${labelOf(x.itemKey)}: ${what === "" ? "exception" : what}`;
  });
  const missing = outcome.missingOccurrences.map(
    (m) => `${m.label}: no evidence of the occurrence`,
  );
  return [...recorded, ...missing].join("; ");
}

/** The cell a spreadsheet shows: numbers as numbers, nothing as empty. */
export function cellValue(row: MatrixRow, column: MatrixColumn): string | number {
  const value = row[column];
  return value ?? "";
}

// A spreadsheet runs a cell that starts with one of these as a formula: a description typed as
// "=HYPERLINK(…)" would act when opened. Such text is written after an apostrophe, which
// spreadsheets read as "this is text" (the OWASP advice for CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180: CRLF between records, fields with commas, quotes or line breaks in double quotes
 * (quotes doubled), a header record. A UTF-8 byte order mark leads, so Excel reads the accents
 * and dashes of names and descriptions as UTF-8 rather than the machine's code page.
 */
export function matrixCsv(rows: readonly MatrixRow[]): string {
  const records = [
    MATRIX_COLUMNS.map((c) => csvField(c.header)),
    ...rows.map((row) => MATRIX_COLUMNS.map((c) => csvField(cellValue(row, c.key)))),
  ];
  return `\uFEFF${records.map((fields) => fields.join(",")).join("\r\n")}\r\n`;
}
