/**
 * Section IV as a matrix, one row per control under each criterion: the control's number, its
 * description, the test performed and the result, each exception named by the sampled item it
 * was found on. Management's responses are gathered apart, because they are management's words
 * and not covered by the service auditor's opinion. The PDF and the HTML both render this.
 */
import type { PackageControl, PackageCriterion, ReportPackage } from "../../../domain/report.ts";
import { countOf, dateInWords } from "../../../domain/words.ts";
import { CONCLUSION_LABELS, METHOD_LABELS } from "./report-wording.ts";

export const MATRIX_COLUMNS = {
  type2: ["Control", "Control description", "Test performed", "Result"],
  type1: ["Control", "Control description", "Design conclusion", "Notes"],
} as const;

export interface MatrixRow {
  ref: string;
  title: string;
  description: string;
  /** Type 2: the methods, the procedure and the sample; Type 1: the design conclusion. */
  test: string;
  /** Type 2: "No exceptions noted." or "1 deviation in 8 items."; Type 1: the design notes. */
  result: string;
  /** "Exception: pull request #4105 (2 March 2026): approved after merge." */
  exceptions: string[];
  adverse: boolean;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The test cell: "Inspection, re-performance: <procedure>" then the sample. */
export function testPerformed(c: PackageControl): string {
  if (c.test === null) return "No test recorded.";
  const methods = capitalized(c.test.methods.map((m) => METHOD_LABELS[m]).join(", "));
  const procedure = c.test.procedure.trim();
  const what = procedure === "" ? `${methods}.` : `${methods}: ${procedure}`;
  const sample =
    c.sampleSize === 0
      ? ""
      : `\nSample: ${countOf(c.sampleSize, "item")} of a population of ${c.population}.`;
  return `${what}${sample}\nTested by ${c.test.tester} on ${dateInWords(c.test.testedOn)}.`;
}

/** An exception as the matrix shows it: the sampled item in words, then what was found. */
export function exceptionLine(x: PackageControl["exceptions"][number]): string {
  const found = x.description.trim();
  return found === "" ? `Exception: ${x.label}.` : `Exception: ${x.label}: ${found}`;
}

function resultText(c: PackageControl): string {
  return c.result.trim() === "" ? `${CONCLUSION_LABELS[c.conclusion]}.` : c.result.trim();
}

export function matrixRows(type: 1 | 2, criterion: PackageCriterion): MatrixRow[] {
  return criterion.controls.map((c) => {
    const adverse = c.conclusion === "exception-noted" || c.conclusion === "design-deficiency";
    const base = { ref: c.ref, title: c.title, description: c.description, adverse };
    if (type === 1) {
      return {
        ...base,
        test: CONCLUSION_LABELS[c.conclusion],
        result: c.test?.designNotes ?? "",
        exceptions: [],
      };
    }
    return {
      ...base,
      test: testPerformed(c),
      result: resultText(c),
      exceptions: c.exceptions.map(exceptionLine),
    };
  });
}

/** The description cell: the control's description, or its title when none was frozen. */
export function descriptionCell(row: MatrixRow): string {
  return row.description.trim() === "" ? row.title : `${row.title}. ${row.description.trim()}`;
}

export const RESPONSES_HEADING = "Management's responses to exceptions";
export const RESPONSES_ANCHOR = "management-responses";
export const RESPONSES_NOTE =
  "The responses below are management's own words. They are not covered by the service " +
  "auditor's opinion.";
export const NO_RESPONSES = "No exceptions were reported, so management has no responses.";
export const NO_RESPONSE_YET = "None recorded yet.";

export interface ResponseEntry {
  control: string;
  item: string;
  response: string;
}

/** Each exception once (a control can sit under several criteria), with its response. */
export function managementResponses(pkg: ReportPackage): ResponseEntry[] {
  const seen = new Set<string>();
  const entries: ResponseEntry[] = [];
  for (const criterion of pkg.criteria) {
    for (const c of criterion.controls) {
      for (const x of c.exceptions) {
        const key = `${c.ref}\u0000${x.item}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const text = x.managementResponse?.trim() ?? "";
        entries.push({
          control: c.ref,
          item: x.label,
          response:
            text === ""
              ? NO_RESPONSE_YET
              : x.respondedAt === null
                ? text
                : `${text} (Responded ${dateInWords(x.respondedAt)}.)`,
        });
      }
    }
  }
  return entries;
}
