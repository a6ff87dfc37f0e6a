/**
 * The report package: the system description (DC 200) as structured data, what each
 * description criterion still lacks, and the package model every output (PDF, HTML, JSON,
 * OSCAL) is rendered from. Pure data and rules; nothing here reads or writes.
 */
import type { CategoryId } from "../catalog/types.ts";
import type { EngagementType } from "./engagement.ts";
import type { ControlConclusion, ControlOutcome, TestMethod } from "./test-results.ts";
import { countOf } from "./words.ts";

export const COMPONENT_KINDS = [
  "infrastructure",
  "software",
  "people",
  "procedures",
  "data",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface SystemComponent {
  name: string;
  description: string;
  owner: string;
}

export interface SystemIncident {
  date: string;
  nature: string;
  extent: string;
  disposition: string;
}

export interface ComplementaryControl {
  text: string;
  criteria: string[];
}

export const SUBSERVICE_METHODS = ["carve-out", "inclusive"] as const;
export type SubserviceMethod = (typeof SUBSERVICE_METHODS)[number];

export interface SubserviceOrganization {
  name: string;
  services: string;
  method: SubserviceMethod;
  /** Complementary subservice organization controls: what the vendor is expected to do. */
  csocs: ComplementaryControl[];
}

export interface SignificantChange {
  date: string;
  description: string;
}

/** What the company writes; DC5 (criteria and controls) and DC8 (not relevant) are generated. */
export interface SystemDescriptionContent {
  /** DC1. */
  services: string;
  /** DC2. */
  commitments: string[];
  systemRequirements: string[];
  /** DC3. */
  components: Record<ComponentKind, SystemComponent[]>;
  boundaries: string;
  /** DC4: incidents in the period, or an explicit statement that there were none. */
  incidents: SystemIncident[];
  noIncidents: boolean;
  /** DC6: an empty list needs `noCuecs`. */
  cuecs: ComplementaryControl[];
  noCuecs: boolean;
  /** DC7: an empty list needs `noSubservices`. */
  subservices: SubserviceOrganization[];
  noSubservices: boolean;
  /** DC9 (Type 2): changes in the period, or the statement that there were none. */
  changes: SignificantChange[];
  noChanges: boolean;
}

export function emptyDescription(): SystemDescriptionContent {
  return {
    services: "",
    commitments: [],
    systemRequirements: [],
    components: { infrastructure: [], software: [], people: [], procedures: [], data: [] },
    boundaries: "",
    incidents: [],
    noIncidents: false,
    cuecs: [],
    noCuecs: false,
    subservices: [],
    noSubservices: false,
    changes: [],
    noChanges: false,
  };
}

export interface DescriptionGap {
  criterion: string;
  missing: string;
}

export interface GeneratedDescriptionFacts {
  type: EngagementType;
  /** DC5: criteria in scope that have at least one control, and those with none. */
  criteriaWithoutControls: string[];
  /** DC8: criteria marked not relevant whose reason is empty. */
  exclusionsWithoutReason: string[];
}

/** What each of DC1–DC9 still lacks. An empty list means the description is complete. */
export function descriptionGaps(
  d: SystemDescriptionContent,
  facts: GeneratedDescriptionFacts,
): DescriptionGap[] {
  const gaps: DescriptionGap[] = [];
  const need = (criterion: string, missing: string, ok: boolean) => {
    if (!ok) gaps.push({ criterion, missing });
  };
  need("DC1", "describe the services the report covers", d.services.trim().length > 0);
  need("DC2", "list at least one principal service commitment", d.commitments.length > 0);
  need("DC2", "list at least one system requirement", d.systemRequirements.length > 0);
  for (const kind of COMPONENT_KINDS) {
    need("DC3", `list the ${kind} components`, d.components[kind].length > 0);
    d.components[kind].forEach((c, i) =>
      need(
        "DC3",
        `name an owner for ${kind} component ${i + 1} (${c.name})`,
        c.owner.trim() !== "",
      ),
    );
  }
  need(
    "DC4",
    "record the incidents in the period, or state that there were none",
    d.incidents.length > 0 || d.noIncidents,
  );
  need(
    "DC5",
    `map a control to ${facts.criteriaWithoutControls.join(", ")}`,
    facts.criteriaWithoutControls.length === 0,
  );
  need(
    "DC6",
    "list the complementary user entity controls (CUECs), or state that there are none",
    d.cuecs.length > 0 || d.noCuecs,
  );
  need(
    "DC7",
    "list the subservice organizations, or state that there are none",
    d.subservices.length > 0 || d.noSubservices,
  );
  d.subservices.forEach((s) =>
    need(
      "DC7",
      `list the controls expected of ${s.name} (CSOCs)`,
      s.method === "inclusive" || s.csocs.length > 0,
    ),
  );
  need(
    "DC8",
    `give the reason ${facts.exclusionsWithoutReason.join(", ")} are not relevant`,
    facts.exclusionsWithoutReason.length === 0,
  );
  if (facts.type === 2) {
    need(
      "DC9",
      "record the significant changes in the period, or state that there were none",
      d.changes.length > 0 || d.noChanges,
    );
  }
  return gaps;
}

export const OPINION_TYPES = ["unmodified", "qualified", "adverse", "disclaimer"] as const;
export type OpinionType = (typeof OPINION_TYPES)[number];

/** A qualified or adverse opinion names the criteria not met; a disclaimer may. */
export function isModifiedOpinion(type: OpinionType): boolean {
  return type !== "unmodified";
}

/**
 * Section I as the auditor fills it: the variable parts over Attest's template words
 * (`opinion-template.ts`). The date is the report's date, and so the final version's issue date.
 */
export interface AuditorOpinion {
  type: OpinionType;
  firm: string;
  city: string;
  date: string;
  /** Qualified or adverse: in-scope criteria not met, in catalog order. Empty when unmodified. */
  criteriaNotMet: string[];
  /** The auditor's own words on why the opinion is modified; null when unmodified. */
  basisForModification: string | null;
  /** Further paragraphs of the auditor's (an emphasis of matter, other matters); may be empty. */
  text: string;
  /** The content the opinion was given on (`contentDigest`): an edit afterwards voids it. */
  contentSha256: string;
  /** The auditor who entered it, as signed in. */
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export interface Approval {
  by: string;
  name: string;
  at: string;
  /** The content approved (`contentDigest`): an edit afterwards voids the approval. */
  contentSha256: string;
}

export interface Assertion {
  text: string;
  /** True while the text is the template's, untouched. */
  generated: boolean;
  approval: Approval | null;
  updatedAt: string;
}

/** Shown on every page of a package no auditor has given an opinion on. */
export const READINESS_NOTICE = "Readiness report — not an auditor's report";

export interface PackageControl {
  ref: string;
  title: string;
  /** The control as described when the scope was frozen ("" for snapshots from before). */
  description: string;
  frequency: string;
  automation: string;
  testProcedure: string;
  conclusion: ControlConclusion;
  /** Type 2: what the auditor did; null when no test is recorded. */
  test: {
    methods: TestMethod[];
    procedure: string;
    tester: string;
    /** The owner who entered the test on the auditor's behalf; null when the auditor did. */
    enteredBy: string | null;
    testedOn: string;
    designNotes: string | null;
  } | null;
  population: number;
  sampleSize: number;
  deviations: number;
  /** "No exceptions noted." or "1 deviation in 25 items." */
  result: string;
  exceptions: {
    item: string;
    /** The sampled item in words ("pull request #4105 (2 March 2026)"). */
    label: string;
    description: string;
    managementResponse: string | null;
    respondedAt: string | null;
  }[];
}

export interface PackageCriterion {
  id: string;
  label: string;
  category: CategoryId;
  conclusion: ControlConclusion;
  controls: PackageControl[];
}

export interface ReportPackage {
  /** 1 for the first draft; each finalization freezes one, and editing after starts the next. */
  version: number;
  /** What the package says, apart from sign-offs and version stamps (`contentDigest`). */
  contentSha256: string;
  /**
   * Sign-offs given on earlier content, in words ("management's assertion was approved by …
   * on an earlier draft"): they no longer count, and the package shows none in their place.
   */
  voidedSignOffs: string[];
  state: "draft" | "final";
  issueDate: string | null;
  generatedAt: string;
  organization: { name: string; systemName: string };
  engagement: {
    id: string;
    label: string;
    type: EngagementType;
    asOf: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    categories: CategoryId[];
    auditFirm: string;
  };
  /** Section I: null unless an auditor recorded one. */
  opinion: AuditorOpinion | null;
  /** Section II. */
  assertion: Assertion;
  /** Section III. */
  description: SystemDescriptionContent;
  descriptionGaps: DescriptionGap[];
  notRelevant: { criterionId: string; reason: string }[];
  /** Section IV, in catalog order. */
  criteria: PackageCriterion[];
  /** Section V: other information from management, not covered by the opinion. */
  otherInformation: string;
  /** The organization's evidence-bundle signing key, so readers can match a bundle. */
  signingKey: { algorithm: "Ed25519"; publicKey: string; fingerprint: string } | null;
}

/**
 * "as of 2026-06-30" or "for the period 2026-01-01 to 2026-06-30"; reports pass `dateInWords`
 * to read "as of 30 June 2026".
 */
export function periodPhrase(
  e: Pick<ReportPackage["engagement"], "type" | "asOf" | "periodFrom" | "periodTo">,
  day: (date: string) => string = (date) => date,
): string {
  const show = (date: string | null) => (date === null ? "?" : day(date));
  return e.type === 1
    ? `as of ${show(e.asOf)}`
    : `for the period ${show(e.periodFrom)} to ${show(e.periodTo)}`;
}

/**
 * The result column of section IV for a Type 2 control: "No exceptions noted." or
 * "1 deviation in 8 items.", counted in words that agree with their number. A Type 1 has none.
 */
export function resultSentence(
  type: EngagementType,
  outcome:
    | (Pick<ControlOutcome, "conclusion" | "deviations" | "sampleSize"> &
        Partial<Pick<ControlOutcome, "note">>)
    | undefined,
): string {
  if (outcome === undefined) return "Not tested.";
  if (type === 1) return "";
  // A control not in place, or one whose circumstances never arose, was not tested: saying
  // "No exceptions noted" there would read as a clean test that never happened.
  const why = outcome.note ?? null;
  if (outcome.conclusion === "not-implemented" || outcome.conclusion === "no-occurrences") {
    return why ?? "Not tested.";
  }
  if (outcome.conclusion === "not-tested")
    return why === null ? "Not tested." : `Not tested. ${why}`;
  if (outcome.deviations === 0) return "No exceptions noted.";
  return `${countOf(outcome.deviations, "deviation")} in ${countOf(outcome.sampleSize, "item")}.`;
}

/** The last day the report speaks for: its as-of date or its period's end. */
export function coverageEnd(e: {
  type: EngagementType;
  asOf: string | null;
  periodTo: string | null;
}): string {
  return (e.type === 1 ? e.asOf : e.periodTo) ?? "0000-01-01";
}

export const REPORT_AGE_STATUSES = ["current", "renew-soon", "aging", "expired"] as const;
export type ReportAgeStatus = (typeof REPORT_AGE_STATUSES)[number];

export interface ReportAge {
  months: number;
  status: ReportAgeStatus;
}

/**
 * Whole months from the coverage end to today. A month is complete on the same day of the
 * month, or on the last day of a shorter month: from 2025-08-31, 2026-02-28 is six months.
 */
export function monthsSince(from: string, today: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const months = (ty - fy) * 12 + (tm - fm) - (td < Math.min(fd, lastDay) ? 1 : 0);
  return Math.max(0, months);
}

/**
 * Customers treat a report as current for 12 months after its coverage ends; renewal should be
 * under way from month 10, and past 18 months it no longer speaks for the company.
 */
export function reportAge(coverageEndDate: string, today: string): ReportAge {
  const months = monthsSince(coverageEndDate, today);
  const status: ReportAgeStatus =
    months >= 18 ? "expired" : months >= 12 ? "aging" : months >= 10 ? "renew-soon" : "current";
  return { months, status };
}

/**
 * The digest of what a package says: everything but the sign-offs themselves (approval,
 * opinion) and the stamps that differ between a draft and its final version. An approval or
 * an opinion records the digest it was given on; any later change to the content voids it.
 */
export function contentDigestInput(pkg: ReportPackage): unknown {
  return {
    ...pkg,
    version: 0,
    state: "",
    issueDate: null,
    generatedAt: "",
    contentSha256: "",
    voidedSignOffs: [],
    opinion: null,
    assertion: { text: pkg.assertion.text, generated: pkg.assertion.generated },
  };
}
