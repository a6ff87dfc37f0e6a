/**
 * The answers of the audit-log routes (see src/contracts for the server's side), and copies of
 * the lists a filter offers: the compiler checks each copy holds exactly the server's values.
 */
import type { AuditAction, AuditTargetType } from "../../../../src/contracts/audit-log.ts";

export type {
  AuditAction,
  AuditChange,
  AuditLogEntry,
  AuditTargetType,
  AuditVerification,
} from "../../../../src/contracts/audit-log.ts";

export const AUDIT_ACTIONS = [
  "organization.created",
  "organization.updated",
  "signing-key.created",
  "signing-key.re-encrypted",
  "expired.cleared",
  "scope.category-added",
  "scope.category-removed",
  "scope.criterion-not-relevant",
  "scope.criterion-relevant",
  "control.created",
  "control.adopted",
  "control.updated",
  "control.mapped",
  "control.unmapped",
  "catalog-text.imported",
  "evidence.added",
  "evidence.linked",
  "evidence.removed",
  "engagement.created",
  "engagement.advanced",
  "engagement.reverted",
  "engagement.auditor-assigned",
  "engagement.auditor-unassigned",
  "engagement.sampled",
  "engagement.resampled",
  "engagement.test-recorded",
  "engagement.result-recorded",
  "engagement.exception-response",
  "member.joined",
  "member.role-changed",
  "member.removed",
  "invitation.created",
  "invitation.revoked",
  "api-token.created",
  "api-token.revoked",
  "report.description-updated",
  "report.assertion-updated",
  "report.assertion-approved",
  "report.opinion-recorded",
  "report.other-information-updated",
  "report.finalized",
  "report.bridge-letter-drafted",
  "report.bridge-letter-edited",
  "report.bridge-letter-approved",
  "report.thread-opened",
  "report.thread-comment",
  "report.thread-resolved",
  "report.thread-disputed",
  "report.thread-reopened",
  "report.shared",
  "report.share-revoked",
  "report.nda-accepted",
  "report.downloaded",
  "notice.created",
  "notice.mailed",
  "risk.created",
  "risk.updated",
  "risk-assessment.recorded",
] as const satisfies readonly AuditAction[];

export const AUDIT_TARGET_TYPES = [
  "organization",
  "scope",
  "control",
  "catalog-text",
  "evidence",
  "engagement",
  "member",
  "invitation",
  "api-token",
  "report",
  "share-link",
  "notice",
  "risk",
  "risk-assessment",
] as const satisfies readonly AuditTargetType[];

// A value the server gained and these copies lack fails to compile here.
type Missing<All, Copied> = [Exclude<All, Copied>] extends [never] ? true : Exclude<All, Copied>;
export const AUDIT_LISTS_COMPLETE: [
  Missing<AuditAction, (typeof AUDIT_ACTIONS)[number]>,
  Missing<AuditTargetType, (typeof AUDIT_TARGET_TYPES)[number]>,
] = [true, true];
