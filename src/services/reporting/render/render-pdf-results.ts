/**
 * Section IV of the PDF: each criterion in scope with the matrix of its controls (number,
 * description, test performed, result and exceptions), then management's responses, apart
 * and marked as not covered by the service auditor's opinion.
 */
import type { PackageCriterion, ReportPackage } from "../../../domain/report.ts";
import type { Mark } from "./render-pdf-description.ts";
import type { PdfWriter } from "./render-pdf-layout.ts";
import { COLOR, FONT, SIZE } from "./render-pdf-layout.ts";
import {
  CONCLUSION_LABELS,
  NO_CONTROLS_FOR_CRITERION,
  criterionGroups,
  isAdverseConclusion,
  resultsIntro,
} from "./report-wording.ts";
import {
  MATRIX_COLUMNS,
  NO_RESPONSES,
  RESPONSES_ANCHOR,
  RESPONSES_HEADING,
  RESPONSES_NOTE,
  descriptionCell,
  managementResponses,
  matrixRows,
} from "./results-matrix.ts";

function criterionHeading(w: PdfWriter, c: PackageCriterion): void {
  w.heading(`${c.id}  ${c.label}`, 3, 60);
  const adverse = isAdverseConclusion(c.conclusion);
  w.labelled("Criterion result:", CONCLUSION_LABELS[c.conclusion], {
    size: SIZE.small,
    color: adverse ? COLOR.notice : COLOR.muted,
    gapAfter: 2,
  });
}

const SHARES = [0.1, 0.32, 0.32, 0.26];

function matrix(w: PdfWriter, type: 1 | 2, c: PackageCriterion): void {
  const columns = MATRIX_COLUMNS[type === 1 ? "type1" : "type2"];
  w.table(
    columns.map((header, i) => ({ header, share: SHARES[i] ?? 0.25 })),
    matrixRows(type, c).map((row) => [
      row.ref,
      descriptionCell(row),
      row.test,
      [row.result, ...row.exceptions].join("\n"),
    ]),
  );
}

function responses(w: PdfWriter, pkg: ReportPackage, mark: Mark): void {
  w.heading(RESPONSES_HEADING, 2, 60, () => mark(RESPONSES_HEADING, 1, RESPONSES_ANCHOR));
  w.paragraph(RESPONSES_NOTE, { font: FONT.italic, color: COLOR.muted });
  const entries = managementResponses(pkg);
  if (entries.length === 0) {
    w.paragraph(NO_RESPONSES);
    return;
  }
  w.table(
    [
      { header: "Control", share: 0.12 },
      { header: "Exception", share: 0.3 },
      { header: "Management's response", share: 0.58 },
    ],
    entries.map((e) => [e.control, e.item, e.response]),
  );
}

export function renderResults(w: PdfWriter, pkg: ReportPackage, mark: Mark): void {
  w.paragraph(resultsIntro(pkg.engagement.type));
  w.space(4);
  for (const group of criterionGroups(pkg.criteria)) {
    w.heading(group.name, 2, 80, () => mark(group.name, 1, group.anchor));
    for (const c of group.criteria) {
      criterionHeading(w, c);
      if (c.controls.length === 0) {
        w.paragraph(NO_CONTROLS_FOR_CRITERION, { color: COLOR.muted, font: FONT.italic });
      } else {
        matrix(w, pkg.engagement.type, c);
      }
      w.space(6);
    }
  }
  if (pkg.engagement.type === 2) responses(w, pkg, mark);
}
