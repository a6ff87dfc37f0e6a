/**
 * The shapes the API answers with, copied from the server's domain and service types (the
 * browser bundle never imports server code). Keep in step with /api-contract.md.
 */

export const ROLES = ["owner", "admin", "control-owner", "employee", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORY_IDS = [
  "security",
  "availability",
  "processing-integrity",
  "confidentiality",
  "privacy",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

export interface ListResponse<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- Session and account ----

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
}

export interface Membership {
  organization: { id: string; slug: string; name: string };
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  memberships: Membership[];
}

export type LoginResult = { status: "signed-in"; session: Session } | { status: "totp-required" };

export interface InvitationPreview {
  organization: { name: string };
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

// ---- Organizations and scope ----

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  systemName: string;
  timeZone: string;
  role: Role;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
  systemName: string;
  timeZone: string;
  requireTotp: boolean;
  createdAt: string;
}

export interface CreatedOrganization {
  organization: { id: string; slug: string; name: string };
  categories: CategoryId[];
  adoption: { created: string[]; mapped: { ref: string; criteria: string[] }[] } | null;
}

export interface Scope {
  categories: CategoryId[];
  exclusions: { criterionId: string; reason: string; createdBy?: string; createdAt?: string }[];
}

export interface Criterion {
  id: string;
  category: CategoryId;
  label: string;
  summary: string;
  cosoPrinciple: number | null;
  pointsOfFocus: number;
  officialText?: { text: string; pointsOfFocus?: string[] };
}

// ---- Readiness ----

// The readiness report is the server's own type: type-only imports are erased from the
// bundle, and sharing the declaration keeps the page and the engine from drifting apart.
export type {
  CategoryReadiness,
  CriterionReadiness,
  CriterionStatus,
  GapSummary,
  NextControl,
  ReadinessReport,
  Tally,
} from "../../../src/domain/readiness.ts";
import type { EvidenceItem } from "../../../src/domain/evidence.ts";
export type { EvidenceItem };

export interface OverdueControl {
  ref: string;
  title: string;
  frequency: ControlFrequency;
  status: ControlStatus;
  state: "current" | "overdue" | "missing";
  lastEvidenceFor: string | null;
  dueBy: string | null;
  reason: string;
}

export interface MyTask {
  kind: string;
  controlRef: string;
  title: string;
  dueBy: string | null;
  reason: string;
}

// ---- Controls ----

export const CONTROL_STATUSES = [
  "not-started",
  "in-progress",
  "implemented",
  "not-applicable",
] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const CONTROL_KINDS = ["preventive", "detective", "corrective"] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export const CONTROL_AUTOMATIONS = ["manual", "automated", "it-dependent-manual"] as const;
export type ControlAutomation = (typeof CONTROL_AUTOMATIONS)[number];

export const CONTROL_FREQUENCIES = [
  "continuous",
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "annual",
  "event-driven",
] as const;
export type ControlFrequency = (typeof CONTROL_FREQUENCIES)[number];

import type { Control } from "../../../src/domain/control.ts";
export type { Control };

/** One event about a record, as the control and evidence detail pages show it. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  data: unknown;
}

export interface ControlDetail {
  control: Control;
  evidence: EvidenceItem[];
  history: HistoryEntry[];
}

// ---- Evidence ----

export const EVIDENCE_KINDS = ["file", "link", "record"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SOURCES = ["manual", "automated", "imported"] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export interface EvidenceDetail {
  evidence: EvidenceItem;
  history: HistoryEntry[];
}

// ---- Engagements ----

export const ENGAGEMENT_STATUSES = [
  "planning",
  "readiness-review",
  "remediation",
  "fieldwork",
  "draft-report",
  "final-report",
  "distributed",
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

// Engagements, samples and test results are the server's own types (erased from the bundle).
import type {
  Engagement,
  EngagementSample,
  PopulationItem,
  SnapshotControl,
} from "../../../src/domain/engagement.ts";
import type {
  ControlConclusion,
  ControlOutcome,
  ControlTest,
  ItemResult,
} from "../../../src/domain/test-results.ts";
export type {
  ControlConclusion,
  ControlOutcome,
  ControlTest,
  Engagement,
  EngagementSample,
  ItemResult,
  PopulationItem,
  SnapshotControl,
};

export interface ControlPopulation {
  controlRef: string;
  frequency: ControlFrequency;
  automation: ControlAutomation;
  population: PopulationItem[];
  missing: string[];
}

export interface ControlSample extends ControlPopulation {
  sampleSize: number;
  basis: string;
  items: string[];
}

export const TEST_METHODS = ["inquiry", "observation", "inspection", "re-performance"] as const;
export type TestMethod = (typeof TEST_METHODS)[number];

export const DESIGN_CONCLUSIONS = ["suitably-designed", "design-deficiency"] as const;
export type DesignConclusion = (typeof DESIGN_CONCLUSIONS)[number];

export type { EngagementResults } from "../../../src/services/fieldwork/testing.service.ts";

export interface EngagementAuditor {
  userId: string;
  email: string;
  name: string;
}

// ---- Audit log ----

export interface AuditLogEntry {
  seq: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { type: string; id: string };
  data: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  chain: { seq: number; reason: string } | null;
  filesChecked: number;
  corruptFiles: { sha256: string; problem: string }[];
  recordsChecked: number;
  records: { target: string; problem: string }[];
}

// ---- Users, invitations, tokens ----

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** The link comes back only when it was not mailed: then the inviter passes it on. */
export type CreatedInvitation =
  | { invitation: Invitation; link: null; emailed: true }
  | { invitation: Invitation; link: string; emailed: false };

export const TOKEN_SCOPES = ["read", "evidence:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

// ---- Report package ----

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
} from "../../../src/domain/report.ts";
import type {
  CommentAction,
  ReportSection,
  ReviewComment,
  ReviewThread,
  ThreadStatus,
} from "../../../src/domain/review.ts";
import type { AccessEvent, AccessRecord, ShareLinkState } from "../../../src/domain/sharing.ts";
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
export type { ReportDraftView } from "../../../src/services/reporting/report-draft.service.ts";
export type { ReportVersion } from "../../../src/db/reports.repo.ts";
export type { ReportStanding } from "../../../src/services/reporting/report-versions.service.ts";
export type { JobStatus } from "../../../src/services/jobs/jobs.service.ts";
export type { Notice } from "../../../src/services/program/notices.service.ts";
export type {
  CreatedShareLink,
  ShareLinkView,
  SharedReportPreview,
} from "../../../src/services/reporting/report-sharing.service.ts";
export type { BridgeLetterView } from "../../../src/services/reporting/bridge-letters.service.ts";

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
export type { OrganizationSigningKey as SigningKeyView } from "../../../src/services/reporting/signing-keys.ts";
