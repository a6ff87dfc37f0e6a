/**
 * The words a rendered report uses, shared by the PDF and the HTML renderers so the two never
 * drift apart. All of it is Attest's own wording: no AICPA text, and never an opinion — the
 * opinion is the auditor's alone and is only ever shown as they recorded it.
 */
import { getCategory } from "../../../catalog/index.ts";
import type { CategoryId } from "../../../catalog/types.ts";
import type { EngagementType } from "../../../domain/engagement.ts";
import type {
  Assertion,
  AuditorOpinion,
  ComponentKind,
  OpinionType,
  PackageControl,
  PackageCriterion,
  ReportPackage,
  SubserviceMethod,
} from "../../../domain/report.ts";
import { periodPhrase } from "../../../domain/report.ts";
import { dateInWords } from "../../../domain/words.ts";
import type { ControlConclusion, TestMethod } from "../../../domain/test-results.ts";

export type SectionKey = "opinion" | "assertion" | "description" | "results" | "other";

export interface SectionTitle {
  key: SectionKey;
  numeral: "I" | "II" | "III" | "IV" | "V";
  title: string;
  /** Anchor for HTML and named destination for PDF. */
  anchor: string;
}

export const SECTIONS: readonly SectionTitle[] = [
  {
    key: "opinion",
    numeral: "I",
    title: "Independent service auditor's report",
    anchor: "section-i",
  },
  { key: "assertion", numeral: "II", title: "Management's assertion", anchor: "section-ii" },
  {
    key: "description",
    numeral: "III",
    title: "Description of the system",
    anchor: "section-iii",
  },
  {
    key: "results",
    numeral: "IV",
    title: "Trust services criteria, controls, tests and results",
    anchor: "section-iv",
  },
  {
    key: "other",
    numeral: "V",
    title: "Other information provided by management",
    anchor: "section-v",
  },
];

export function sectionHeading(key: SectionKey): string {
  const s = SECTIONS.find((x) => x.key === key);
  if (s === undefined) throw new Error(`unknown report section ${key}`);
  return `${s.numeral}. ${s.title}`;
}

export function sectionAnchor(key: SectionKey): string {
  return SECTIONS.find((x) => x.key === key)?.anchor ?? key;
}

export const CONCLUSION_LABELS: Record<ControlConclusion, string> = {
  "operating-effectively": "No exceptions noted",
  "exception-noted": "Exceptions noted",
  "not-tested": "Not yet tested",
  "no-occurrences": "Not tested: no occurrences in the period",
  "not-implemented": "Not in place when the scope was frozen",
  "suitably-designed": "Suitably designed",
  "design-deficiency": "Design deficiency noted",
  "not-evaluated": "Design not yet evaluated",
};

/** Conclusions a reader should notice: an exception or a design deficiency. */
export function isAdverseConclusion(c: ControlConclusion): boolean {
  return c === "exception-noted" || c === "design-deficiency";
}

export const OPINION_TYPE_LABELS: Record<OpinionType, string> = {
  unmodified: "Unmodified opinion",
  qualified: "Qualified opinion",
  adverse: "Adverse opinion",
  disclaimer: "Disclaimer of opinion",
};

export const METHOD_LABELS: Record<TestMethod, string> = {
  inquiry: "inquiry",
  observation: "observation",
  inspection: "inspection",
  "re-performance": "re-performance",
};

export const COMPONENT_KIND_LABELS: Record<ComponentKind, string> = {
  infrastructure: "Infrastructure",
  software: "Software",
  people: "People",
  procedures: "Procedures",
  data: "Data",
};

export const SUBSERVICE_METHOD_LABELS: Record<SubserviceMethod, string> = {
  "carve-out": "Carve-out method: its controls are not covered by this report",
  inclusive: "Inclusive method: its relevant controls are described and covered by this report",
};

/** Headings of section III, one per description criterion (DC1–DC9). */
export const DESCRIPTION_HEADINGS = {
  DC1: "Services provided",
  DC2: "Principal service commitments and system requirements",
  DC3: "Components of the system",
  DC4: "System incidents",
  DC5: "Applicable criteria and related controls",
  DC6: "Complementary user entity controls",
  DC7: "Subservice organizations",
  DC8: "Criteria not relevant to the system",
  DC9: "Significant changes during the period",
} as const;
export type DescriptionCriterionId = keyof typeof DESCRIPTION_HEADINGS;

/** DC9 only exists for a Type 2: a Type 1 speaks for a single day. */
export function descriptionSubsections(
  type: EngagementType,
): { id: DescriptionCriterionId; heading: string; anchor: string }[] {
  return (Object.keys(DESCRIPTION_HEADINGS) as DescriptionCriterionId[])
    .filter((id) => id !== "DC9" || type === 2)
    .map((id) => ({ id, heading: DESCRIPTION_HEADINGS[id], anchor: id.toLowerCase() }));
}

export function descriptionHeading(id: string): string {
  return id in DESCRIPTION_HEADINGS ? DESCRIPTION_HEADINGS[id as DescriptionCriterionId] : id;
}

export function reportTypeLabel(type: EngagementType): string {
  return type === 1 ? "SOC 2 Type 1 report" : "SOC 2 Type 2 report";
}

/** "Draft v2" or "Final v1, issued 15 July 2026". */
export function versionLabel(pkg: Pick<ReportPackage, "state" | "version" | "issueDate">): string {
  if (pkg.state === "draft") return `Draft v${pkg.version}`;
  return pkg.issueDate === null
    ? `Final v${pkg.version}`
    : `Final v${pkg.version}, issued ${dateInWords(pkg.issueDate)}`;
}

export interface TitlePage {
  organization: string;
  system: string;
  reportType: string;
  /** What the report is about, in one line. */
  subject: string;
  period: string;
  auditFirm: string;
  version: string;
}

export function titlePage(pkg: ReportPackage): TitlePage {
  const e = pkg.engagement;
  const subject =
    e.type === 1
      ? `On the description of ${pkg.organization.systemName} and the design of its controls ` +
        `for ${categoryList(e.categories)}`
      : `On the description of ${pkg.organization.systemName} and the design and operation of ` +
        `its controls for ${categoryList(e.categories)}`;
  return {
    organization: pkg.organization.name,
    system: pkg.organization.systemName,
    reportType: reportTypeLabel(e.type),
    subject,
    period: capitalize(periodPhrase(e, dateInWords)),
    auditFirm:
      e.auditFirm.trim() === ""
        ? "Service auditor: not yet named"
        : `Service auditor: ${e.auditFirm}`,
    version: versionLabel(pkg),
  };
}

/** "<org> — <engagement label> — <period phrase>", the running header. */
export function runningHeader(pkg: ReportPackage): string {
  return `${pkg.organization.name} — ${pkg.engagement.label} — ${periodPhrase(pkg.engagement, dateInWords)}`;
}

export const CONFIDENTIAL = "Confidential";

export function categoryName(id: CategoryId): string {
  return getCategory(id).name;
}

/** "security, availability and confidentiality" */
export function categoryList(ids: readonly CategoryId[]): string {
  const names = ids.map((id) => categoryName(id).toLowerCase());
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export interface CriterionGroup {
  category: CategoryId;
  name: string;
  anchor: string;
  criteria: PackageCriterion[];
}

/** Consecutive criteria of one category, keeping the order the package gives. */
export function criterionGroups(criteria: readonly PackageCriterion[]): CriterionGroup[] {
  const groups: CriterionGroup[] = [];
  for (const c of criteria) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.category === c.category) last.criteria.push(c);
    else
      groups.push({
        category: c.category,
        name: categoryName(c.category),
        anchor: `criteria-${c.category}`,
        criteria: [c],
      });
  }
  return groups;
}

export function criterionAnchor(id: string): string {
  return `criterion-${id.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

// Section I -------------------------------------------------------------------------------

export const NO_OPINION_STATEMENT =
  "No service auditor has given an opinion on this report. It is a readiness report prepared " +
  "by management with Attest: nothing in it has been examined or reported on by an " +
  "independent auditor, and it must not be read or presented as an auditor's report.";

export function opinionRecordedLine(o: AuditorOpinion): string {
  return `Recorded by ${o.recordedByName} on ${dateOf(o.recordedAt)}.`;
}

// Section II ------------------------------------------------------------------------------

export function assertionStatusLine(a: Assertion): string {
  if (a.approval !== null) return `Approved by ${a.approval.name} on ${dateOf(a.approval.at)}.`;
  return "Not yet approved by management.";
}

export const ASSERTION_TEMPLATE_NOTE =
  "This assertion still reads as Attest's starting template; management has not edited it.";

// Section III -----------------------------------------------------------------------------

export const DESCRIPTION_INCOMPLETE = "Description incomplete";
export const DESCRIPTION_INCOMPLETE_INTRO =
  "The description does not yet meet every description criterion. Still missing:";

export const NOT_YET_WRITTEN = "Not yet written.";

export function noIncidentsStatement(pkg: ReportPackage): string {
  return pkg.engagement.type === 1
    ? `No significant system incidents were identified up to ${dateInWords(pkg.engagement.asOf ?? "?")}.`
    : `No significant system incidents occurred ${periodPhrase(pkg.engagement, dateInWords)}.`;
}

export function noChangesStatement(pkg: ReportPackage): string {
  return `There were no significant changes to the system or its controls ${periodPhrase(pkg.engagement, dateInWords)}.`;
}

export const NO_SUBSERVICES_STATEMENT =
  "The system does not rely on any subservice organization for the criteria in scope.";
export function noCuecsStatement(pkg: ReportPackage): string {
  return pkg.description.noCuecs
    ? "The criteria can be met without controls at user entities: none are assumed."
    : "No complementary user entity controls have been listed.";
}
export const NO_NOT_RELEVANT_STATEMENT =
  "Every criterion in the selected categories is relevant to the system.";
export const NO_CONTROL_MAPPED = "No control mapped";

/**
 * The controls a criterion relies on, as the description states them: a control that was not
 * in place when the scope was frozen is not one of them, and its absence is said, so a reader
 * sees the criterion's cover as it was (and one left with none).
 */
export function describedControls(c: Pick<PackageCriterion, "controls">): string {
  if (c.controls.length === 0) return NO_CONTROL_MAPPED;
  const inPlace = c.controls.filter((x) => x.conclusion !== "not-implemented").map((x) => x.ref);
  const absent = c.controls.filter((x) => x.conclusion === "not-implemented").map((x) => x.ref);
  const listed = inPlace.length === 0 ? "No control in place" : inPlace.join(", ");
  return absent.length === 0
    ? listed
    : `${listed} (not in place when the scope was frozen: ${absent.join(", ")})`;
}
export const DC5_INTRO =
  "Each criterion in scope and the controls that address it. Section IV gives each control's " +
  "description, test and result.";
export const CUEC_INTRO =
  "The controls below are expected of user entities (customers). The criteria can only be " +
  "met if user entities run them alongside the controls of the service organization.";
export const CSOC_HEADING = "Controls expected of the subservice organization";

// Section IV ------------------------------------------------------------------------------

export function resultsIntro(type: EngagementType): string {
  return type === 1
    ? "For each criterion in scope, the controls that address it and the conclusion on their " +
        "design. A Type 1 report does not test whether controls operated over time."
    : "For each criterion in scope, the controls that address it: each control's number and " +
        "description, the test performed with its sample, and the result, with each exception " +
        "named by the item it was found on. Management's responses to exceptions follow the " +
        "criteria, apart: they are not covered by the service auditor's opinion.";
}

export function testedWithLine(c: PackageControl): string {
  if (c.test === null) return "Test performed: not yet recorded.";
  const methods = c.test.methods.map((m) => METHOD_LABELS[m]).join(", ");
  return methods === "" ? "Test performed:" : `Test performed (${methods}):`;
}

export function sampleLine(c: PackageControl): string {
  return `Population: ${c.population} · Sample size: ${c.sampleSize} · Deviations: ${c.deviations}`;
}

export function resultLine(c: PackageControl): string {
  const text = c.result.trim() === "" ? CONCLUSION_LABELS[c.conclusion] : c.result.trim();
  return `Result: ${text}`;
}

const AUTOMATION_LABELS: Record<string, string> = {
  manual: "manual",
  automated: "automated",
  "it-dependent-manual": "IT-dependent manual",
};

export function frequencyLine(c: PackageControl): string {
  return `Frequency: ${c.frequency} · ${AUTOMATION_LABELS[c.automation] ?? c.automation}`;
}

export const MANAGEMENT_RESPONSE = "Management's response:";
export const NO_MANAGEMENT_RESPONSE = "None recorded yet.";
export const NO_CONTROLS_FOR_CRITERION = "No control is mapped to this criterion.";

// Section V -------------------------------------------------------------------------------

export const OTHER_INFORMATION_NOTE =
  "This section is provided by management. It is not part of the description and is not " +
  "covered by any auditor's opinion.";
export const NO_OTHER_INFORMATION = "Management has provided no other information.";
export const SIGNING_KEY_HEADING = "Evidence bundle signing key";
export const SIGNING_KEY_INTRO =
  "Evidence bundles exported for this engagement are signed with the key below, so a reader " +
  "can check that a bundle came from this organization.";

// Small helpers ---------------------------------------------------------------------------

/** The date of an ISO date or timestamp, in words: reports show dates, not times. */
export function dateOf(iso: string): string {
  return dateInWords(iso.slice(0, 10));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Paragraphs of a free text, split on blank lines, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}
