/** Section III of the PDF: the description of the system, DC1 to DC9. */
import { findCriterion } from "../../../catalog/index.ts";
import { COMPONENT_KINDS } from "../../../domain/report.ts";
import type { ComplementaryControl, ReportPackage } from "../../../domain/report.ts";
import type { PdfWriter } from "./render-pdf-layout.ts";
import { COLOR, FONT } from "./render-pdf-layout.ts";
import {
  COMPONENT_KIND_LABELS,
  CSOC_HEADING,
  CUEC_INTRO,
  DC5_INTRO,
  describedControls,
  DESCRIPTION_INCOMPLETE,
  DESCRIPTION_INCOMPLETE_INTRO,
  noCuecsStatement,
  NO_NOT_RELEVANT_STATEMENT,
  NO_SUBSERVICES_STATEMENT,
  NOT_YET_WRITTEN,
  SUBSERVICE_METHOD_LABELS,
  descriptionHeading,
  descriptionSubsections,
  noChangesStatement,
  noIncidentsStatement,
  paragraphs,
  dateOf,
} from "./report-wording.ts";
import type { DescriptionCriterionId } from "./report-wording.ts";

export type Mark = (title: string, level: 0 | 1, anchor: string) => void;

function withCriteria(c: ComplementaryControl): string {
  return c.criteria.length === 0 ? c.text : `${c.text} (${c.criteria.join(", ")})`;
}

function textOrPending(w: PdfWriter, text: string): void {
  const parts = paragraphs(text);
  if (parts.length === 0) w.paragraph(NOT_YET_WRITTEN, { color: COLOR.muted, font: FONT.italic });
  for (const p of parts) w.paragraph(p);
}

function listOrStatement(w: PdfWriter, items: readonly string[], none: string): void {
  if (items.length === 0) w.paragraph(none, { color: COLOR.muted, font: FONT.italic });
  else w.bullets(items);
}

function subheading(w: PdfWriter, text: string): void {
  w.heading(text, 4, 30);
}

type Body = (w: PdfWriter, pkg: ReportPackage) => void;

const BODIES: Record<DescriptionCriterionId, Body> = {
  DC1: (w, pkg) => textOrPending(w, pkg.description.services),
  DC2: (w, pkg) => {
    subheading(w, "Principal service commitments");
    listOrStatement(w, pkg.description.commitments, NOT_YET_WRITTEN);
    subheading(w, "System requirements");
    listOrStatement(w, pkg.description.systemRequirements, NOT_YET_WRITTEN);
  },
  DC3: (w, pkg) => {
    for (const kind of COMPONENT_KINDS) {
      const list = pkg.description.components[kind];
      subheading(w, COMPONENT_KIND_LABELS[kind]);
      if (list.length === 0) {
        w.paragraph(NOT_YET_WRITTEN, { color: COLOR.muted, font: FONT.italic });
        continue;
      }
      w.table(
        [
          { header: "Component", share: 0.26 },
          { header: "Description", share: 0.46 },
          { header: "Owner", share: 0.28 },
        ],
        list.map((c) => [c.name, c.description, c.owner.trim() === "" ? "Not named" : c.owner]),
      );
    }
    subheading(w, "System boundaries");
    textOrPending(w, pkg.description.boundaries);
  },
  DC4: (w, pkg) => {
    const d = pkg.description;
    if (d.incidents.length > 0) {
      w.table(
        [
          { header: "Date", share: 0.13 },
          { header: "Nature", share: 0.31 },
          { header: "Extent", share: 0.28 },
          { header: "Disposition", share: 0.28 },
        ],
        d.incidents.map((i) => [dateOf(i.date), i.nature, i.extent, i.disposition]),
      );
    } else if (d.noIncidents) w.paragraph(noIncidentsStatement(pkg));
    else w.paragraph(NOT_YET_WRITTEN, { color: COLOR.muted, font: FONT.italic });
  },
  DC5: (w, pkg) => {
    w.paragraph(DC5_INTRO);
    w.table(
      [
        { header: "Criterion", share: 0.12 },
        { header: "Subject", share: 0.4 },
        { header: "Controls", share: 0.48 },
      ],
      pkg.criteria.map((c) => [c.id, c.label, describedControls(c)]),
    );
  },
  DC6: (w, pkg) => {
    w.paragraph(CUEC_INTRO);
    listOrStatement(w, pkg.description.cuecs.map(withCriteria), noCuecsStatement(pkg));
  },
  DC7: (w, pkg) => {
    const d = pkg.description;
    if (d.subservices.length === 0) {
      w.paragraph(d.noSubservices ? NO_SUBSERVICES_STATEMENT : NOT_YET_WRITTEN);
      return;
    }
    for (const s of d.subservices) {
      w.ensureSpace(60);
      w.paragraph(s.name, { font: FONT.bold, gapAfter: 2 });
      w.labelled("Services:", s.services, { indent: 10 });
      w.labelled("Method:", SUBSERVICE_METHOD_LABELS[s.method], { indent: 10 });
      if (s.csocs.length > 0) {
        w.paragraph(`${CSOC_HEADING}:`, { indent: 10, font: FONT.bold, gapAfter: 2 });
        w.bullets(s.csocs.map(withCriteria), { indent: 10 });
      }
      w.space(4);
    }
  },
  DC8: (w, pkg) => {
    if (pkg.notRelevant.length === 0) {
      w.paragraph(NO_NOT_RELEVANT_STATEMENT);
      return;
    }
    w.table(
      [
        { header: "Criterion", share: 0.12 },
        { header: "Subject", share: 0.3 },
        { header: "Why it is not relevant", share: 0.58 },
      ],
      pkg.notRelevant.map((n) => [
        n.criterionId,
        findCriterion(n.criterionId)?.label ?? "",
        n.reason.trim() === "" ? "No reason given yet." : n.reason,
      ]),
    );
  },
  DC9: (w, pkg) => {
    const d = pkg.description;
    if (d.changes.length > 0) {
      w.table(
        [
          { header: "Date", share: 0.15 },
          { header: "Change", share: 0.85 },
        ],
        d.changes.map((c) => [dateOf(c.date), c.description]),
      );
    } else if (d.noChanges) w.paragraph(noChangesStatement(pkg));
    else w.paragraph(NOT_YET_WRITTEN, { color: COLOR.muted, font: FONT.italic });
  },
};

export function renderDescription(w: PdfWriter, pkg: ReportPackage, mark: Mark): void {
  if (pkg.state === "draft" && pkg.descriptionGaps.length > 0) {
    w.box(
      DESCRIPTION_INCOMPLETE,
      DESCRIPTION_INCOMPLETE_INTRO,
      pkg.descriptionGaps.map(
        (g) => `${descriptionHeading(g.criterion)} (${g.criterion}): ${g.missing}`,
      ),
      COLOR.warnFill,
      COLOR.warnRule,
    );
  }
  for (const sub of descriptionSubsections(pkg.engagement.type)) {
    w.heading(sub.heading, 2, 50, () => mark(sub.heading, 1, sub.anchor));
    BODIES[sub.id](w, pkg);
    w.space(8);
  }
}
