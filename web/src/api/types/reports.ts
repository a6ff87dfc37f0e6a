/** The answers of the reports routes: types from the server's contracts (src/contracts). */
import type {
  ComponentKind,
  OpinionType,
  SubserviceMethod,
} from "../../../../src/contracts/report-package.ts";
import type { ReportSection } from "../../../../src/contracts/reports.ts";
export type {
  Approval,
  Assertion,
  AuditorOpinion,
  ComplementaryControl,
  ComponentKind,
  DescriptionGap,
  OpinionType,
  PackageControl,
  PackageCriterion,
  ReportPackage,
  SignificantChange,
  SubserviceMethod,
  SubserviceOrganization,
  SystemComponent,
  SystemDescriptionContent,
  SystemIncident,
} from "../../../../src/contracts/report-package.ts";
export type {
  AccessEvent,
  AccessRecord,
  BridgeLetterView,
  CommentAction,
  CreatedShareLink,
  NdaAcceptance,
  ReportAgeStatus,
  ReportDraftView,
  ReportSection,
  ReportStanding,
  ReportVersion,
  ReviewComment,
  ReviewThread,
  ShareLinkState,
  ShareLinkView,
  SharedReportPreview,
  SigningKey as SigningKeyView,
  ThreadStatus,
} from "../../../../src/contracts/reports.ts";

export const COMPONENT_KINDS = [
  "infrastructure",
  "software",
  "people",
  "procedures",
  "data",
] as const satisfies readonly ComponentKind[];
export const SUBSERVICE_METHODS = [
  "carve-out",
  "inclusive",
] as const satisfies readonly SubserviceMethod[];
export const OPINION_TYPES = [
  "unmodified",
  "qualified",
  "adverse",
  "disclaimer",
] as const satisfies readonly OpinionType[];
export const REPORT_SECTIONS = [
  "I",
  "II",
  "III",
  "IV",
  "V",
] as const satisfies readonly ReportSection[];
/** The download route's `format` choices (a query parameter, so no answer contract). */
export const REPORT_FORMATS = ["pdf", "html", "json", "oscal-ssp", "oscal-ar"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The banner on every package no auditor has given an opinion on. */
export const READINESS_NOTICE = "Readiness report — not an auditor's report";
