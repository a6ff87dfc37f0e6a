/** The answers of the reports routes (see src/contracts for the server's side). */
// The package, its parts and the answers around it are the server's own types (erased from
// the bundle). The value lists below are copies: the browser runs none of the server's code.
import type {
  Approval,
  Assertion,
  AuditorOpinion,
  ComplementaryControl,
  ComponentKind,
  DescriptionGap,
  OpinionType,
  ReportAgeStatus,
  ReportPackage,
  SignificantChange,
  SubserviceMethod,
  SubserviceOrganization,
  SystemComponent,
  SystemDescriptionContent,
  SystemIncident,
} from "../../../../src/domain/report.ts";
import type {
  CommentAction,
  ReportSection,
  ReviewComment,
  ReviewThread,
  ThreadStatus,
} from "../../../../src/domain/review.ts";
import type { AccessEvent, AccessRecord, ShareLinkState } from "../../../../src/domain/sharing.ts";
export type {
  AccessEvent,
  AccessRecord,
  Approval,
  Assertion,
  AuditorOpinion,
  CommentAction,
  ComplementaryControl,
  ComponentKind,
  DescriptionGap,
  OpinionType,
  ReportAgeStatus,
  ReportPackage,
  ReportSection,
  ReviewComment,
  ReviewThread,
  ShareLinkState,
  SignificantChange,
  SubserviceMethod,
  SubserviceOrganization,
  SystemComponent,
  SystemDescriptionContent,
  SystemIncident,
  ThreadStatus,
};
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { ReportDraftView } from "../../../../src/services/reporting/report-draft.service.ts";
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { ReportVersion } from "../../../../src/db/reports.repo.ts";
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { ReportStanding } from "../../../../src/services/reporting/report-versions.service.ts";
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type {
  CreatedShareLink,
  ShareLinkView,
  SharedReportPreview,
} from "../../../../src/services/reporting/report-sharing.service.ts";
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { BridgeLetterView } from "../../../../src/services/reporting/bridge-letters.service.ts";

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
export const REPORT_FORMATS = ["pdf", "html", "json", "oscal-ssp", "oscal-ar"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The banner on every package no auditor has given an opinion on. */
export const READINESS_NOTICE = "Readiness report — not an auditor's report";

/** GET /orgs/:org/signing-key: the key that signs evidence bundles (made on first use). */
// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { OrganizationSigningKey as SigningKeyView } from "../../../../src/services/reporting/signing-keys.ts";
