/**
 * Section IV of the PDF: each criterion in scope with its controls. A Type 2 gives the test,
 * population, sample and result of every control, each exception with management's response
 * directly under it; a Type 1 gives the design conclusion only.
 */
import type { PackageControl, PackageCriterion, ReportPackage } from "../../../domain/report.ts";
import type { Mark } from "./render-pdf-description.ts";
import type { PdfWriter } from "./render-pdf-layout.ts";
import { COLOR, FONT, SIZE } from "./render-pdf-layout.ts";
import {
  CONCLUSION_LABELS,
  MANAGEMENT_RESPONSE,
  NO_CONTROLS_FOR_CRITERION,
  NO_MANAGEMENT_RESPONSE,
  criterionGroups,
  dateOf,
  frequencyLine,
  isAdverseConclusion,
  resultLine,
  resultsIntro,
  sampleLine,
  testedWithLine,
} from "./report-wording.ts";

function criterionHeading(w: PdfWriter, c: PackageCriterion): void {
  w.heading(`${c.id}  ${c.label}`, 3, 60);
  const adverse = isAdverseConclusion(c.conclusion);
  w.labelled("Criterion result:", CONCLUSION_LABELS[c.conclusion], {
    size: SIZE.small,
    color: adverse ? COLOR.notice : COLOR.muted,
    gapAfter: 2,
  });
  w.rule();
  w.space(2);
}

function type2Control(w: PdfWriter, c: PackageControl): void {
  // Keep the control's name with at least its first lines of test.
  w.ensureSpace(58);
  w.paragraph(`${c.ref}  ${c.title}`, { font: FONT.bold, gapAfter: 1 });
  w.paragraph(frequencyLine(c), { size: SIZE.small, color: COLOR.muted, gapAfter: 3 });
  const procedure = c.test?.procedure.trim() ?? "";
  w.labelled(testedWithLine(c), procedure === "" && c.test === null ? "" : procedure, {
    indent: 10,
  });
  if (c.test !== null) {
    w.paragraph(`Tested by ${c.test.tester} on ${dateOf(c.test.testedOn)}.`, {
      indent: 10,
      size: SIZE.small,
      color: COLOR.muted,
      gapAfter: 3,
    });
  }
  w.paragraph(sampleLine(c), { indent: 10, gapAfter: 3 });
  const adverse = isAdverseConclusion(c.conclusion);
  w.paragraph(resultLine(c), {
    indent: 10,
    font: FONT.bold,
    color: adverse ? COLOR.notice : COLOR.text,
  });
  for (const e of c.exceptions) {
    w.ensureSpace(40);
    w.labelled(`Exception, item ${e.item}:`, e.description, {
      indent: 22,
      labelColor: COLOR.notice,
      gapAfter: 2,
    });
    const response =
      e.managementResponse === null || e.managementResponse.trim() === ""
        ? NO_MANAGEMENT_RESPONSE
        : e.respondedAt === null
          ? e.managementResponse
          : `${e.managementResponse} (Responded ${dateOf(e.respondedAt)}.)`;
    w.labelled(MANAGEMENT_RESPONSE, response, { indent: 22 });
  }
  w.space(6);
}

function type1Controls(w: PdfWriter, controls: readonly PackageControl[]): void {
  w.table(
    [
      { header: "Control", share: 0.42 },
      { header: "Design conclusion", share: 0.2 },
      { header: "Notes", share: 0.38 },
    ],
    controls.map((c) => [
      `${c.ref}  ${c.title}`,
      CONCLUSION_LABELS[c.conclusion],
      c.test?.designNotes ?? "",
    ]),
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
      } else if (pkg.engagement.type === 1) {
        type1Controls(w, c.controls);
      } else {
        for (const control of c.controls) type2Control(w, control);
      }
      w.space(6);
    }
  }
}
