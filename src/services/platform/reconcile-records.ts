/**
 * The records `audit-log verify` proves against the trail, read in the verifying snapshot,
 * and the reconciliation of all of them (domain/reconcile.ts, domain/reconcile-access.ts).
 */
import { listEngagements } from "../../db/engagements.repo.ts";
import { listEvidence } from "../../db/evidence.repo.ts";
import {
  listAllControlTests,
  listAllItemResults,
  listAllSamples,
  listApiTokenRows,
  listAssignmentRows,
  listInvitationRows,
  listMembershipRows,
  listReportVersionPackages,
  listShareLinkRows,
  setupAccount,
} from "../../db/reconcile.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import type { ChainedAuditEvent } from "../../domain/audit-chain.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { accessRecordCount, reconcileAccess } from "../../domain/reconcile-access.ts";
import type { AccessRecords } from "../../domain/reconcile-access.ts";
import {
  reconcileEvidence,
  reconcileFieldwork,
  reconcileReportVersions,
  reconcileShareLinks,
} from "../../domain/reconcile.ts";
import type {
  FieldworkRecords,
  RecordProblem,
  StoredReportVersion,
  StoredShareLink,
} from "../../domain/reconcile.ts";

export interface RecordsToReconcile {
  evidence: EvidenceItem[];
  fieldwork: FieldworkRecords;
  reports: StoredReportVersion[];
  shareLinks: StoredShareLink[];
  access: AccessRecords;
}

export async function readRecordsToReconcile(tx: Tx, scope: OrgScope): Promise<RecordsToReconcile> {
  return {
    evidence: await listEvidence(tx, scope, { includeRemoved: true }),
    fieldwork: {
      engagements: await listEngagements(tx, scope),
      samples: await listAllSamples(tx, scope),
      results: await listAllItemResults(tx, scope),
      tests: await listAllControlTests(tx, scope),
    },
    reports: await listReportVersionPackages(tx, scope),
    shareLinks: await listShareLinkRows(tx, scope),
    access: {
      memberships: await listMembershipRows(tx, scope),
      invitations: await listInvitationRows(tx, scope),
      tokens: await listApiTokenRows(tx, scope),
      assignments: await listAssignmentRows(tx, scope),
      setupAccount: await setupAccount(tx),
    },
  };
}

/** Every record against the trail: how many were checked, and what differs. */
export function reconcileRecords(
  records: RecordsToReconcile,
  events: readonly ChainedAuditEvent[],
): { checked: number; problems: RecordProblem[] } {
  const { fieldwork } = records;
  return {
    checked:
      records.evidence.length +
      fieldwork.engagements.length +
      fieldwork.samples.length +
      fieldwork.results.length +
      fieldwork.tests.length +
      records.reports.length +
      records.shareLinks.length +
      accessRecordCount(records.access),
    problems: [
      ...reconcileEvidence(records.evidence, events),
      ...reconcileFieldwork(fieldwork, events),
      ...reconcileReportVersions(records.reports, events),
      ...reconcileShareLinks(records.shareLinks, events),
      ...reconcileAccess(records.access, events),
    ],
  };
}
