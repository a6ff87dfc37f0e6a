/**
 * The report package as one standalone HTML5 document: inline CSS (it is downloaded and opened
 * as a file, with nothing to fetch), a table of contents with anchors, print rules, and the
 * readiness notice as a banner and a fixed footer while no auditor has recorded an opinion.
 * Every piece of package text goes through `escapeHtml`: descriptions are written by users.
 */
import { findCriterion } from "../../../catalog/index.ts";
import { COMPONENT_KINDS, READINESS_NOTICE } from "../../../domain/report.ts";
import type {
  ComplementaryControl,
  PackageControl,
  PackageCriterion,
  ReportPackage,
} from "../../../domain/report.ts";
import {
  isStructuredOpinion,
  opinionParts,
  signatureLines,
} from "../../../domain/opinion-template.ts";
import { HTML_STYLE } from "./render-html-style.ts";
import * as W from "./report-wording.ts";
import * as M from "./results-matrix.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const e = escapeHtml;

function paras(text: string, empty = W.NOT_YET_WRITTEN): string {
  const list = W.paragraphs(text);
  if (list.length === 0) return `<p class="pending">${e(empty)}</p>`;
  return list.map((p) => `<p>${e(p)}</p>`).join("\n");
}

function list(items: readonly string[], none: string): string {
  if (items.length === 0) return `<p class="pending">${e(none)}</p>`;
  return `<ul>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function withCriteria(c: ComplementaryControl): string {
  return c.criteria.length === 0 ? c.text : `${c.text} (${c.criteria.join(", ")})`;
}

function titlePage(pkg: ReportPackage): string {
  const t = W.titlePage(pkg);
  return `<header class="title-page">
<p class="org">${e(t.organization)}</p>
<p class="system">${e(t.system)}</p>
<h1>${e(t.reportType)}</h1>
<p>${e(t.subject)}</p>
<p>${e(t.period)}</p>
<p class="muted">${e(t.auditFirm)}</p>
<p class="muted">${e(t.version)}</p>
<p class="muted">${e(W.CONFIDENTIAL)}</p>
</header>`;
}

function toc(pkg: ReportPackage): string {
  const children: Partial<Record<W.SectionKey, string[]>> = {
    description: W.descriptionSubsections(pkg.engagement.type).map(
      (s) => `<li><a href="#${s.anchor}">${e(s.heading)}</a></li>`,
    ),
    results: [
      ...W.criterionGroups(pkg.criteria).map(
        (g) => `<li><a href="#${g.anchor}">${e(g.name)}</a></li>`,
      ),
      ...(pkg.engagement.type === 2
        ? [`<li><a href="#${M.RESPONSES_ANCHOR}">${e(M.RESPONSES_HEADING)}</a></li>`]
        : []),
    ],
  };
  const items = W.SECTIONS.map((s) => {
    const sub = children[s.key];
    const nested = sub === undefined ? "" : `<ul>${sub.join("")}</ul>`;
    return `<li><a href="#${s.anchor}">${e(W.sectionHeading(s.key))}</a>${nested}</li>`;
  });
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2>
<ol>${items.join("\n")}</ol></nav>`;
}

function opinionSection(pkg: ReportPackage): string {
  const o = pkg.opinion;
  if (o === null) return `<p class="no-opinion">${e(W.NO_OPINION_STATEMENT)}</p>`;
  const head = `<p><strong>Opinion:</strong> ${e(W.OPINION_TYPE_LABELS[o.type])}</p>`;
  const recorded = `<p class="muted">${e(W.opinionRecordedLine(o))}</p>`;
  if (!isStructuredOpinion(o))
    return `${head}<div class="opinion">${paras(o.text)}</div>${recorded}`;
  const parts = opinionParts(pkg, o).map(
    (part) =>
      `<h3>${e(part.heading)}</h3>${part.paragraphs
        .map((p) => `<p>${p.split("\n").map(e).join("<br>")}</p>`)
        .join("\n")}`,
  );
  const signature = signatureLines(o)
    .map((line) => e(line))
    .join("<br>");
  return `${head}<div class="opinion">${parts.join("\n")}
<p class="signature">${signature}</p></div>${recorded}`;
}

function assertionSection(pkg: ReportPackage): string {
  const a = pkg.assertion;
  const note =
    a.generated && pkg.state === "draft"
      ? `<p class="note">${e(W.ASSERTION_TEMPLATE_NOTE)}</p>`
      : "";
  return `${note}${paras(a.text)}<p class="muted">${e(W.assertionStatusLine(a))}</p>`;
}

function descriptionBody(pkg: ReportPackage, id: W.DescriptionCriterionId): string {
  const d = pkg.description;
  const pending = `<p class="pending">${e(W.NOT_YET_WRITTEN)}</p>`;
  switch (id) {
    case "DC1":
      return paras(d.services);
    case "DC2":
      return `<h4>Principal service commitments</h4>${list(d.commitments, W.NOT_YET_WRITTEN)}
<h4>System requirements</h4>${list(d.systemRequirements, W.NOT_YET_WRITTEN)}`;
    case "DC3":
      return (
        COMPONENT_KINDS.map((kind) => {
          const rows = d.components[kind].map((c) => [
            c.name,
            c.description,
            c.owner.trim() === "" ? "Not named" : c.owner,
          ]);
          const body =
            rows.length === 0 ? pending : table(["Component", "Description", "Owner"], rows);
          return `<h4>${e(W.COMPONENT_KIND_LABELS[kind])}</h4>${body}`;
        }).join("\n") + `<h4>System boundaries</h4>${paras(d.boundaries)}`
      );
    case "DC4":
      if (d.incidents.length > 0)
        return table(
          ["Date", "Nature", "Extent", "Disposition"],
          d.incidents.map((i) => [W.dateOf(i.date), i.nature, i.extent, i.disposition]),
        );
      return d.noIncidents ? `<p>${e(W.noIncidentsStatement(pkg))}</p>` : pending;
    case "DC5":
      return `<p>${e(W.DC5_INTRO)}</p>${table(
        ["Criterion", "Subject", "Controls"],
        pkg.criteria.map((c) => [c.id, c.label, W.describedControls(c)]),
      )}`;
    case "DC6":
      return `<p>${e(W.CUEC_INTRO)}</p>${list(d.cuecs.map(withCriteria), W.noCuecsStatement(pkg))}`;
    case "DC7":
      if (d.subservices.length === 0)
        return d.noSubservices ? `<p>${e(W.NO_SUBSERVICES_STATEMENT)}</p>` : pending;
      return d.subservices
        .map(
          (s) => `<div class="subservice"><h4>${e(s.name)}</h4>
<p><strong>Services:</strong> ${e(s.services)}</p>
<p><strong>Method:</strong> ${e(W.SUBSERVICE_METHOD_LABELS[s.method])}</p>
${s.csocs.length > 0 ? `<p><strong>${e(W.CSOC_HEADING)}:</strong></p>${list(s.csocs.map(withCriteria), "")}` : ""}</div>`,
        )
        .join("\n");
    case "DC8":
      if (pkg.notRelevant.length === 0) return `<p>${e(W.NO_NOT_RELEVANT_STATEMENT)}</p>`;
      return table(
        ["Criterion", "Subject", "Why it is not relevant"],
        pkg.notRelevant.map((n) => [
          n.criterionId,
          findCriterion(n.criterionId)?.label ?? "",
          n.reason.trim() === "" ? "No reason given yet." : n.reason,
        ]),
      );
    case "DC9":
      if (d.changes.length > 0)
        return table(
          ["Date", "Change"],
          d.changes.map((c) => [W.dateOf(c.date), c.description]),
        );
      return d.noChanges ? `<p>${e(W.noChangesStatement(pkg))}</p>` : pending;
  }
}

function descriptionSection(pkg: ReportPackage): string {
  const gaps =
    pkg.state === "draft" && pkg.descriptionGaps.length > 0
      ? `<aside class="gaps" role="note"><h3>${e(W.DESCRIPTION_INCOMPLETE)}</h3>
<p>${e(W.DESCRIPTION_INCOMPLETE_INTRO)}</p>${list(
          pkg.descriptionGaps.map(
            (g) => `${W.descriptionHeading(g.criterion)} (${g.criterion}): ${g.missing}`,
          ),
          "",
        )}</aside>`
      : "";
  const subs = W.descriptionSubsections(pkg.engagement.type).map(
    (s) =>
      `<section id="${s.anchor}"><h3>${e(s.heading)}</h3>${descriptionBody(pkg, s.id)}</section>`,
  );
  return gaps + subs.join("\n");
}

function conclusionClass(c: PackageControl["conclusion"]): string {
  return W.isAdverseConclusion(c) ? "adverse" : "";
}

function multiline(text: string): string {
  return text.split("\n").map(e).join("<br>");
}

function matrix(pkg: ReportPackage, c: PackageCriterion): string {
  const type = pkg.engagement.type;
  const headers = M.MATRIX_COLUMNS[type === 1 ? "type1" : "type2"];
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join("");
  const rows = M.matrixRows(type, c).map((row) => {
    const exceptions =
      row.exceptions.length === 0
        ? ""
        : `<ul class="exceptions">${row.exceptions.map((x) => `<li class="exception">${e(x)}</li>`).join("")}</ul>`;
    return `<tr><th scope="row">${e(row.ref)}</th><td>${e(M.descriptionCell(row))}</td>
<td>${multiline(row.test)}</td><td class="result ${row.adverse ? "adverse" : ""}">${e(row.result)}${exceptions}</td></tr>`;
  });
  return `<table class="matrix"><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function criterionBlock(pkg: ReportPackage, c: PackageCriterion): string {
  const head = `<h4>${e(c.id)} ${e(c.label)}</h4>
<p class="conclusion ${conclusionClass(c.conclusion)}"><strong>Criterion result:</strong> ${e(W.CONCLUSION_LABELS[c.conclusion])}</p>`;
  const body =
    c.controls.length === 0
      ? `<p class="pending">${e(W.NO_CONTROLS_FOR_CRITERION)}</p>`
      : matrix(pkg, c);
  return `<article class="criterion" id="${W.criterionAnchor(c.id)}">${head}${body}</article>`;
}

function responsesSection(pkg: ReportPackage): string {
  if (pkg.engagement.type === 1) return "";
  const entries = M.managementResponses(pkg);
  const body =
    entries.length === 0
      ? `<p>${e(M.NO_RESPONSES)}</p>`
      : table(
          ["Control", "Exception", "Management's response"],
          entries.map((x) => [x.control, x.item, x.response]),
        );
  return `<section id="${M.RESPONSES_ANCHOR}" class="management-responses"><h3>${e(M.RESPONSES_HEADING)}</h3>
<p class="note">${e(M.RESPONSES_NOTE)}</p>${body}</section>`;
}

function resultsSection(pkg: ReportPackage): string {
  const groups = W.criterionGroups(pkg.criteria).map(
    (g) => `<section id="${g.anchor}"><h3>${e(g.name)}</h3>
${g.criteria.map((c) => criterionBlock(pkg, c)).join("\n")}</section>`,
  );
  return `<p>${e(W.resultsIntro(pkg.engagement.type))}</p>${groups.join("\n")}${responsesSection(pkg)}`;
}

function otherSection(pkg: ReportPackage): string {
  const key = pkg.signingKey;
  const signing =
    key === null
      ? ""
      : `<h3>${e(W.SIGNING_KEY_HEADING)}</h3><p>${e(W.SIGNING_KEY_INTRO)}</p>
<dl class="key"><dt>Algorithm</dt><dd>${e(key.algorithm)}</dd><dt>Public key</dt><dd><code>${e(key.publicKey)}</code></dd>
<dt>Fingerprint</dt><dd><code>${e(key.fingerprint)}</code></dd></dl>`;
  return `<p class="note">${e(W.OTHER_INFORMATION_NOTE)}</p>${paras(pkg.otherInformation, W.NO_OTHER_INFORMATION)}${signing}`;
}

const SECTION_BODIES: Record<W.SectionKey, (pkg: ReportPackage) => string> = {
  opinion: opinionSection,
  assertion: assertionSection,
  description: descriptionSection,
  results: resultsSection,
  other: otherSection,
};

/**
 * Printed, a fixed footer is drawn over whatever reaches the bottom of each page. A table
 * footer is repeated on every printed page, so an empty one keeps that strip free of text.
 */
function frame(content: string): string {
  return `<table class="page-frame" role="presentation">
<tfoot><tr><td><div class="footer-space"></div></td></tr></tfoot>
<tbody><tr><td>
${content}
</td></tr></tbody></table>`;
}

export function renderHtml(pkg: ReportPackage): string {
  const readiness = pkg.opinion === null;
  const banner = readiness
    ? `<div class="notice-banner" role="note"><strong>${e(READINESS_NOTICE)}</strong>
<p>${e(W.NO_OPINION_STATEMENT)}</p></div>`
    : "";
  const footer = readiness
    ? `<footer class="notice-footer" aria-hidden="true">${e(READINESS_NOTICE)}</footer>`
    : "";
  const sections = W.SECTIONS.map(
    (s) => `<section class="report-section" id="${s.anchor}">
<h2>${e(W.sectionHeading(s.key))}</h2>
${SECTION_BODIES[s.key](pkg)}
</section>`,
  );
  const title = `${pkg.organization.name} — ${W.reportTypeLabel(pkg.engagement.type)} — ${W.versionLabel(pkg)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Attest">
<title>${e(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body class="${readiness ? "readiness" : "opinion"}">
${banner}
<div class="running-header"><span>${e(W.runningHeader(pkg))}</span><span>${e(W.CONFIDENTIAL)}</span></div>
${titlePage(pkg)}
${toc(pkg)}
${frame(`<main>\n${sections.join("\n")}\n</main>`)}
${footer}
</body>
</html>
`;
}
