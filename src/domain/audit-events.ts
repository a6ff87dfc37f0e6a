/**
 * Every action Attest records in the audit trail, with the kind of record it is about and the
 * shape of its data. Recording an event goes through this list, so an unknown action or a
 * payload of the wrong shape does not compile, and is refused at run time too (a payload built
 * from loosely typed values, or a schema that drifted from its caller). Readers of the trail
 * (reconciliation, the audit-log page, the CLI) name actions from the same list.
 *
 * The data of an event is stored as canonical JSON of what the caller passed, not of what the
 * schema returns, so adding a schema changes no stored byte and old chains still verify.
 * Schemas therefore only check; none of them transforms or fills in defaults.
 */
import { z } from "zod";
import { CATEGORY_IDS, CONTROL_AUTOMATIONS, CONTROL_FREQUENCIES } from "../catalog/types.ts";
import { CONTROL_KINDS, OWNER_ROLES } from "../catalog/types.ts";
import { ROLES, TOKEN_SCOPES } from "./actor.ts";
import { CONTROL_STATUSES } from "./control.ts";
import { ENGAGEMENT_STATUSES } from "./engagement.ts";
import { AppError } from "./errors.ts";
import { EVIDENCE_KINDS, EVIDENCE_SOURCES } from "./evidence.ts";
import { OPINION_TYPES } from "./report.ts";
import { REPORT_SECTIONS, THREAD_STATUSES } from "./review.ts";
import { DESIGN_CONCLUSIONS, ITEM_RESULTS, TEST_METHODS } from "./test-results.ts";
import { RISK_CATEGORIES, RISK_TREATMENTS } from "../catalog/risks/types.ts";
import { RISK_CHANGE_FIELDS } from "./risk.ts";
import { ATTRIBUTE_RESULTS } from "./workpaper.ts";
import { REQUEST_SIDES } from "./audit-request.ts";
import { VENDOR_CHANGE_FIELDS } from "./vendor-changes.ts";
import {
  REPORT_OPINIONS,
  REPORT_TYPES,
  REVIEW_ITEM_IDS,
  REVIEW_OUTCOMES,
  SUBSERVICE_KINDS,
} from "./vendor.ts";
import type { ReviewItemId } from "./vendor.ts";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "./notification.ts";
import { CHECKLIST_KINDS } from "../catalog/people/checklists.ts";
import { BACKGROUND_CHECK_STATUSES, EMPLOYMENT_TYPES, PERSON_FIELDS } from "./person.ts";
import { FINDING_SOURCES, FINDING_STATUSES, TRIAGE_DECISIONS } from "./findings/finding.ts";
import { CONNECTOR_FAILURES, CONNECTOR_KINDS } from "./checks/check.ts";
import { MONITOR_STATES } from "./monitor.ts";
import { ACCESS_DECISIONS, ACCOUNT_FLAGS } from "./access-review.ts";

/** What an event is about; with the event's target id it names one record. */
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
  "policy",
  "risk",
  "risk-assessment",
  "training",
  "vendor",
  "notification-channel",
  "person",
  "people-import",
  "finding",
  "finding-import",
  // Connectors and checks (issue 17).
  "connector",
  "check-run",
  "check-exception",
  // The availability monitor (issue 17).
  "monitor",
  // Access reviews (issue 16 part 3).
  "access-review",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

const text = z.string();
const id = z.string().min(1);
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lowercase hex");
const instant = z.iso.datetime();
const day = z.iso.date();
const reason = z.string().nullable();
const role = z.enum(ROLES);
const category = z.enum(CATEGORY_IDS);
const engagementStatus = z.enum(ENGAGEMENT_STATUSES);
/** Report events name the engagement as people do ("E-3"); the target id is its uuid. */
const engagement = z.string().regex(/^E-\d+$/, "an engagement label such as E-3");
const thread = z.string().regex(/^T-\d+$/, "a thread label such as T-2");
const reportVersion = z.number().int().nonnegative();
const riskLevel = z.number().int().min(1).max(5);
const requestLabel = z.string().regex(/^R-\d+$/, "a request label such as R-3");

/** The fields of a control that control.updated may list as changed. */
export const CONTROL_CHANGE_FIELDS = [
  "title",
  "description",
  "kind",
  "automation",
  "frequency",
  "ownerRole",
  "owner",
  "status",
  "statusReason",
  "suggestedEvidence",
  "testProcedure",
] as const;

const change = z.strictObject({ from: z.unknown(), to: z.unknown() });

/** Policy events name the policy as people do ("P-3"); the target id is its uuid. */
const policy = z.string().regex(/^P-\d+$/, "a policy label such as P-3");
const policyVersion = z.number().int().positive();
/** The fields of a policy that policy.updated may list as changed. */
export const POLICY_CHANGE_FIELDS = [
  "title",
  "body",
  "owner",
  "reviewMonths",
  "audience",
  "ackDays",
] as const;

/** A recorded draft edit always says which engagement and which draft version it changed. */
const draftEdit = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ engagement, version: reportVersion, ...shape });

const letterEvent = z.strictObject({
  engagement,
  letter: z.number().int().positive(),
  through: day,
});

/** A reply moves a thread from one status to another (or keeps it, for a plain comment). */
const threadReply = z.strictObject({
  engagement,
  thread,
  from: z.enum(THREAD_STATUSES),
  to: z.enum(THREAD_STATUSES),
});

const none = z.strictObject({});

/**
 * An engagement moved a stage forward or back, and what the move froze or discarded. A freeze
 * records the SHA-256 of the frozen scope (canonical JSON) so reconciliation can prove it;
 * events from before it was recorded leave the scope unproven.
 */
const stageMove = z.strictObject({
  from: engagementStatus,
  to: engagementStatus,
  reason,
  frozenControls: count.optional(),
  snapshotSha256: sha256.optional(),
  discardedSample: z.literal(true).optional(),
  discardedTests: count.optional(),
});

/**
 * A sample drawn; a redraw says why and which sample it replaced. `sha256` is of the drawn
 * populations and items as stored (canonical JSON); samples drawn before it was recorded
 * cannot have their items proven.
 */
const sampleDrawn = z.strictObject({
  sample: id,
  seed: text,
  controls: count,
  items: count,
  redrawReason: reason,
  replaced: id.nullable(),
  sha256: sha256.optional(),
  // Recorded since the auditor draws: the population drawn from, and how (older events lack it).
  populationSha256: sha256.optional(),
  kind: z.enum(["period", "interim"]).optional(),
  populationTo: day.optional(),
  // Since populations are imported: the accepted imports drawn from, and the event-driven
  // controls the auditor chose to draw from recorded events instead.
  imported: z.array(z.strictObject({ control: id, import: count, rowsSha256: sha256 })).optional(),
  recordedEvents: z.array(id).optional(),
});

/** A population imported for an event-driven control, and the auditor's review of it. */
const populationImported = z.strictObject({
  engagement,
  control: id,
  import: count,
  rows: count,
  rowsSha256: sha256,
  system: text,
  query: text.nullable(),
  ranBy: text,
  ranAt: text,
  completeness: text,
  reason,
  replaces: count.nullable(),
});
const populationReviewed = z.strictObject({
  engagement,
  control: id,
  import: count,
  rowsSha256: sha256,
  reason,
});

interface AuditEventSpec {
  readonly target: AuditTargetType;
  readonly data: z.ZodType<Record<string, unknown>>;
}

export const AUDIT_EVENTS = {
  "organization.created": {
    target: "organization",
    data: z.strictObject({
      name: text,
      systemName: text,
      timeZone: text,
      categories: z.array(category),
    }),
  },
  "organization.updated": {
    target: "organization",
    data: z.strictObject({
      name: text.optional(),
      systemName: text.optional(),
      timeZone: text.optional(),
      requireTotp: z.boolean().optional(),
    }),
  },
  // The key's record is the organization: there is one key per organization.
  "signing-key.created": {
    target: "organization",
    data: z.strictObject({ algorithm: text, publicKey: text, fingerprint: text }),
  },
  // The same key sealed again at rest: from the key id it was sealed with (null: in the clear,
  // from before encryption) to the operator's current one. The key pair itself is unchanged.
  "signing-key.re-encrypted": {
    target: "organization",
    data: z.strictObject({ fingerprint: text, from: text.nullable(), to: text }),
  },
  "expired.cleared": {
    target: "organization",
    data: z.strictObject({
      invitations: z.array(z.strictObject({ id, email: text })),
      downloadGrants: z.array(id),
    }),
  },

  // Scope targets are a category id or a criterion id.
  "scope.category-added": { target: "scope", data: none },
  "scope.category-removed": {
    target: "scope",
    data: z.strictObject({
      reason,
      droppedNotRelevant: z.array(
        z.strictObject({ criterionId: id, reason: text, createdBy: text, createdAt: instant }),
      ),
    }),
  },
  "scope.criterion-not-relevant": { target: "scope", data: z.strictObject({ reason: text }) },
  "scope.criterion-relevant": { target: "scope", data: none },

  // Control targets are the control's ref, which is what people and reconciliation know.
  "control.created": {
    target: "control",
    data: z.strictObject({
      ref: id,
      templateId: id.nullable(),
      title: text,
      description: text,
      kind: z.enum(CONTROL_KINDS),
      automation: z.enum(CONTROL_AUTOMATIONS),
      frequency: z.enum(CONTROL_FREQUENCIES),
      ownerRole: z.enum(OWNER_ROLES).nullable(),
      owner: text.nullable(),
      status: z.enum(CONTROL_STATUSES),
      statusReason: reason,
      suggestedEvidence: z.array(text),
      testProcedure: text,
      criteria: z.array(id),
    }),
  },
  "control.adopted": {
    target: "control",
    data: z.strictObject({ template: id.nullable(), criteria: z.array(id) }),
  },
  "control.updated": {
    target: "control",
    data: z.strictObject({
      changes: z.partialRecord(z.enum(CONTROL_CHANGE_FIELDS), change),
      reason,
    }),
  },
  "control.mapped": {
    target: "control",
    data: z.strictObject({ criteria: z.array(id).min(1), by: z.literal("library").optional() }),
  },
  "control.unmapped": { target: "control", data: z.strictObject({ criteria: z.array(id).min(1) }) },

  // The wording is licensed: only which criteria were imported is recorded, not the text.
  "catalog-text.imported": {
    target: "catalog-text",
    data: z.strictObject({ source: text, criteria: z.array(id), replaced: count }),
  },

  "evidence.added": {
    target: "evidence",
    data: z.strictObject({
      kind: z.enum(EVIDENCE_KINDS),
      title: text,
      source: z.enum(EVIDENCE_SOURCES),
      sha256,
      size: count,
      for: z.strictObject({ from: day, to: day }),
      controls: z.array(id),
    }),
  },
  "evidence.linked": { target: "evidence", data: z.strictObject({ control: id }) },
  "evidence.removed": { target: "evidence", data: z.strictObject({ reason: text }) },

  "engagement.created": {
    target: "engagement",
    data: z.strictObject({
      id,
      number: z.number().int().positive(),
      type: z.union([z.literal(1), z.literal(2)]),
      asOf: day.nullable(),
      periodFrom: day.nullable(),
      periodTo: day.nullable(),
      categories: z.array(category),
      auditFirm: text,
      // The firm's team as typed (Engagement.firmTeam); empty since auditors are accounts.
      auditors: z.array(text),
      // Named shortPeriodReason in events recorded before long periods needed a reason too.
      shortPeriodReason: reason.optional(),
      periodReason: reason.optional(),
      /** A gap after the previous Type 2 that the creator confirmed. */
      confirmedGap: z.strictObject({ from: day, to: day }).optional(),
      status: engagementStatus,
    }),
  },
  "engagement.advanced": { target: "engagement", data: stageMove },
  "engagement.reverted": { target: "engagement", data: stageMove },
  "engagement.auditor-assigned": { target: "engagement", data: z.strictObject({ userId: id }) },
  "engagement.auditor-unassigned": { target: "engagement", data: z.strictObject({ userId: id }) },
  "engagement.sampled": { target: "engagement", data: sampleDrawn },
  "engagement.population-imported": { target: "engagement", data: populationImported },
  "engagement.population-accepted": { target: "engagement", data: populationReviewed },
  "engagement.population-returned": { target: "engagement", data: populationReviewed },
  "engagement.resampled": { target: "engagement", data: sampleDrawn },
  // The sample's items grow in place (its results stay); sha256 is the stored items' new hash.
  "engagement.sample-extended": {
    target: "engagement",
    data: z.strictObject({
      sample: id,
      control: id,
      from: count,
      to: count,
      added: z.array(id),
      deviations: count,
      populationSha256: sha256,
      sha256,
    }),
  },
  "engagement.sample-rolled-forward": {
    target: "engagement",
    data: z.strictObject({
      sample: id,
      populationTo: day,
      controls: count,
      items: count,
      populationSha256: sha256,
      sha256,
    }),
  },
  "engagement.test-recorded": {
    target: "engagement",
    data: z.strictObject({
      controlRef: id,
      methods: z.array(z.enum(TEST_METHODS)),
      procedure: text,
      tester: text,
      // Absent from events recorded before tests were tied to an auditor's account.
      testerEmail: text.nullable().optional(),
      enteredBy: text.nullable().optional(),
      testedOn: day,
      design: z.enum(DESIGN_CONCLUSIONS).nullable(),
      designNotes: text.nullable(),
    }),
  },
  // Reconciliation compares each stored result with the last of these events about its item.
  "engagement.result-recorded": {
    target: "engagement",
    data: z.strictObject({
      controlRef: id,
      itemKey: id,
      result: z.enum(ITEM_RESULTS),
      description: text.nullable(),
      recordedBy: text,
      // Absent from events recorded before results were tied to an auditor's account.
      recordedByEmail: text.nullable().optional(),
      enteredBy: text.nullable().optional(),
      recordedAt: instant,
      managementResponse: text.nullable(),
      respondedBy: text.nullable(),
      respondedAt: instant.nullable(),
    }),
  },
  "engagement.exception-response": {
    target: "engagement",
    data: z.strictObject({ control: id, item: id, response: text }),
  },
  // The auditor's workpapers. An attachment's event names the file by its hash alone: the
  // company reads this log, and the auditor's own files are not the company's to see.
  "engagement.workpaper-steps-set": {
    target: "engagement",
    data: z.strictObject({
      controlRef: id,
      steps: z.array(z.strictObject({ id: count, text })),
    }),
  },
  "engagement.workpaper-item-recorded": {
    target: "engagement",
    data: z.strictObject({
      controlRef: id,
      itemKey: id,
      attributes: z.record(z.string(), z.enum(ATTRIBUTE_RESULTS)),
      note: text.nullable(),
      recordedBy: text,
      recordedAt: instant,
    }),
  },
  "engagement.workpaper-attached": {
    target: "engagement",
    data: z.strictObject({
      controlRef: id,
      itemKey: id.nullable(),
      attachment: id,
      sha256,
      size: count,
    }),
  }, // The auditor's request list (issue 13): the target is the engagement, `request` its R-n.
  "engagement.request-opened": {
    target: "engagement",
    data: z.strictObject({
      request: requestLabel,
      control: id.nullable(),
      item: id.nullable(),
      description: text,
      addressee: text,
      dueOn: day,
      /** Opened with the others for every sampled item lacking evidence. */
      bulk: z.boolean(),
    }),
  },
  "engagement.request-answered": {
    target: "engagement",
    data: z.strictObject({
      request: requestLabel,
      /** Evidence linked in answer, uploads included. */
      evidence: z.array(id),
      /** Of these, the ones uploaded with the answer. */
      uploaded: z.array(id),
      comment: text.nullable(),
    }),
  },
  "engagement.request-commented": {
    target: "engagement",
    data: z.strictObject({ request: requestLabel, side: z.enum(REQUEST_SIDES), body: text }),
  },
  "engagement.request-accepted": {
    target: "engagement",
    data: z.strictObject({ request: requestLabel }),
  },
  "engagement.request-returned": {
    target: "engagement",
    data: z.strictObject({ request: requestLabel, reason: text }),
  },
  // Request withdrawal (issue 13 follow-up): a redraw left the request's item out of the sample.
  "engagement.request-withdrawn": {
    target: "engagement",
    data: z.strictObject({
      request: requestLabel,
      control: id,
      item: id,
      /** The status it had: open, submitted or returned. */
      from: z.enum(["open", "submitted", "returned"]),
      /** The sample it is not in. */
      sample: id,
    }),
  },
  "engagement.requests-reminded": {
    target: "engagement",
    data: z.strictObject({ requests: z.array(requestLabel), to: text, day }),
  },

  // Member targets are the user's id. A member joins by an invitation, or, without one, is
  // the first account, made owner of every organization that existed at setup.
  "member.joined": {
    target: "member",
    data: z.strictObject({ email: text, role, invitation: id.optional() }),
  },
  "member.role-changed": { target: "member", data: z.strictObject({ from: role, to: role }) },
  "member.removed": { target: "member", data: z.strictObject({ role }) },
  // The expiry is recorded since reconciliation checks invitations; older events lack it.
  "invitation.created": {
    target: "invitation",
    data: z.strictObject({ email: text, role, expiresAt: instant.optional() }),
  },
  "invitation.revoked": { target: "invitation", data: z.strictObject({ email: text }) },
  "api-token.created": {
    target: "api-token",
    data: z.strictObject({ name: text, scopes: z.array(z.enum(TOKEN_SCOPES)), expiresAt: instant }),
  },
  "api-token.revoked": { target: "api-token", data: none },

  // Report targets are the engagement's id: one report per engagement.
  "report.description-updated": {
    target: "report",
    data: draftEdit({ fields: z.array(text).min(1) }),
  },
  "report.assertion-updated": {
    target: "report",
    data: draftEdit({ generated: z.boolean(), approvalCleared: z.boolean() }),
  },
  "report.assertion-approved": {
    target: "report",
    data: draftEdit({ approvedBy: text, contentSha256: sha256 }),
  },
  // textSha256: of what the auditor wrote in Section I (`opinionTextDigest`); opinions
  // recorded before it was recorded have only their type and the content they were given on
  // checked.
  "report.opinion-recorded": {
    target: "report",
    data: draftEdit({
      type: z.enum(OPINION_TYPES),
      replaced: z.boolean(),
      contentSha256: sha256,
      textSha256: sha256.optional(),
      /** Absent from events recorded before Section I was structured. */
      date: day.optional(),
      criteriaNotMet: z.array(z.string()).optional(),
    }),
  },
  "report.other-information-updated": {
    target: "report",
    data: draftEdit({ length: count }),
  },
  "report.finalized": {
    target: "report",
    data: z.strictObject({
      engagement,
      version: reportVersion,
      issueDate: day,
      sha256,
      opinion: z.enum(OPINION_TYPES).nullable(),
    }),
  },
  "report.bridge-letter-drafted": { target: "report", data: letterEvent },
  "report.bridge-letter-edited": { target: "report", data: letterEvent },
  "report.bridge-letter-approved": { target: "report", data: letterEvent },
  "report.thread-opened": {
    target: "report",
    data: z.strictObject({
      engagement,
      thread,
      section: z.enum(REPORT_SECTIONS),
      item: text.nullable(),
    }),
  },
  "report.thread-comment": { target: "report", data: threadReply },
  "report.thread-resolved": { target: "report", data: threadReply },
  "report.thread-disputed": { target: "report", data: threadReply },
  "report.thread-reopened": { target: "report", data: threadReply },

  // Share-link targets are the link's id; the last two are recorded as the outside reader.
  "report.shared": {
    target: "share-link",
    data: z.strictObject({
      engagement,
      version: reportVersion,
      recipient: text,
      expiresAt: instant,
    }),
  },
  "report.share-revoked": {
    target: "share-link",
    data: z.strictObject({ engagement, recipient: text }),
  },
  "report.nda-accepted": {
    target: "share-link",
    data: z.strictObject({
      name: text,
      company: text,
      email: text,
      ndaSha256: sha256,
      address: text.nullable(),
    }),
  },
  "report.downloaded": {
    target: "share-link",
    data: z.strictObject({ version: reportVersion, sha256, address: text.nullable() }),
  },

  "notice.created": {
    target: "notice",
    data: z.strictObject({ kind: text, day, title: text, overdue: z.array(id) }),
  },
  "notice.mailed": { target: "notice", data: z.strictObject({ to: z.array(text).min(1) }) },

  "policy.adopted": {
    target: "policy",
    data: z.strictObject({
      policy,
      title: text,
      template: text.nullable(),
      owner: text,
      sha256,
    }),
  },
  "policy.updated": {
    target: "policy",
    data: z.strictObject({
      policy,
      changes: z.partialRecord(z.enum(POLICY_CHANGE_FIELDS), change),
      sha256,
    }),
  },
  "policy.submitted": { target: "policy", data: z.strictObject({ policy, sha256 }) },
  "policy.approved": { target: "policy", data: z.strictObject({ policy, sha256 }) },
  "policy.published": {
    target: "policy",
    data: z.strictObject({
      policy,
      version: policyVersion,
      sha256,
      approvedBy: text,
      approvedAt: instant,
      ackDueBy: day,
      audience: z.array(role),
    }),
  },
  "policy.reviewed": {
    target: "policy",
    data: z.strictObject({ policy, version: policyVersion, sha256 }),
  },
  "policy.retired": { target: "policy", data: z.strictObject({ policy, reason: text }) },
  "policy.acknowledged": {
    target: "policy",
    data: z.strictObject({
      policy,
      version: policyVersion,
      sha256,
      userId: id,
      email: text,
      address: text.nullable(),
    }),
  },
  // Risk targets are the risk's label, as people and the register know it.
  "risk.created": {
    target: "risk",
    data: z.strictObject({
      templateId: id.nullable(),
      title: text,
      description: text,
      category: z.enum(RISK_CATEGORIES),
      owner: text.nullable(),
      likelihood: riskLevel,
      impact: riskLevel,
      treatment: z.enum(RISK_TREATMENTS),
      controls: z.array(id),
      residualLikelihood: riskLevel,
      residualImpact: riskLevel,
      reviewDate: day,
      acceptanceNote: text.nullable(),
      /** Controls of the starter risk that the organization has not adopted. */
      skippedControls: z.array(id),
    }),
  },
  "risk.updated": {
    target: "risk",
    data: z.strictObject({ changes: z.partialRecord(z.enum(RISK_CHANGE_FIELDS), change) }),
  },
  // Assessment targets are their label (RA-2); the snapshot's hash is what the trail proves.
  "risk-assessment.recorded": {
    target: "risk-assessment",
    data: z.strictObject({
      heldOn: day,
      participants: z.array(z.strictObject({ name: text, email: text.nullable() })).min(1),
      risks: count,
      sha256,
      evidence: id,
    }),
  },
  // Training targets are the completion's id (a quiz attempt) or the evidence id (an import).
  "training.quiz-taken": {
    target: "training",
    data: z.strictObject({
      module: id,
      version: z.number().int().positive(),
      sha256,
      email: text,
      score: z.number().int().min(0).max(100),
      passed: z.boolean(),
    }),
  },
  "training.imported": {
    target: "training",
    data: z.strictObject({
      fileName: text,
      sha256,
      created: count,
      skipped: count,
      modules: z.array(id),
    }),
  },
  // Vendor targets are the vendor's label (V-2); reports, CUECs and reviews are named in the data.
  "vendor.created": {
    target: "vendor",
    data: z.strictObject({
      name: text,
      service: text,
      tier: z.number().int().min(1).max(3),
      owner: text.nullable(),
      dataShared: z.array(text),
      subservice: z.enum(SUBSERVICE_KINDS).nullable(),
    }),
  },
  "vendor.updated": {
    target: "vendor",
    data: z.strictObject({ changes: z.partialRecord(z.enum(VENDOR_CHANGE_FIELDS), change) }),
  },
  "vendor.report-added": {
    target: "vendor",
    data: z.strictObject({
      report: z.string().regex(/^VR-\d+$/),
      type: z.enum(REPORT_TYPES),
      from: day,
      to: day,
      opinion: z.enum(REPORT_OPINIONS).nullable(),
      evidence: id,
      cuecs: count,
    }),
  },
  "vendor.bridge-letter-added": {
    target: "vendor",
    data: z.strictObject({
      report: z.string().regex(/^VR-\d+$/),
      from: day,
      to: day,
      evidence: id,
    }),
  },
  "vendor.cuec-mapped": {
    target: "vendor",
    data: z.strictObject({
      cuec: z.string().regex(/^CUEC-\d+$/),
      from: z.array(id),
      to: z.array(id),
    }),
  },
  "vendor.reviewed": {
    target: "vendor",
    data: z.strictObject({
      review: z.string().regex(/^VRV-\d+$/),
      reviewedOn: day,
      tier: z.number().int().min(1).max(3),
      checked: z.array(z.enum(REVIEW_ITEM_IDS as [ReviewItemId, ...ReviewItemId[]])),
      outcome: z.enum(REVIEW_OUTCOMES),
      evidence: id,
    }),
  },
  // Channel targets are their label (N-2). The URL is a secret: only its scheme and host.
  "notification.webhook-added": {
    target: "notification-channel",
    data: z.strictObject({ urlHost: text }),
  },
  "notification.slack-set": {
    target: "notification-channel",
    data: z.strictObject({ urlHost: text, replaced: id.nullable() }),
  },
  "notification.channel-removed": {
    target: "notification-channel",
    data: z.strictObject({ kind: z.enum(["slack", "webhook"]), urlHost: text }),
  },
  // The target is the member's account id: what they chose to receive, and through what.
  "notification.preferences-changed": {
    target: "member",
    data: z.strictObject({
      changes: z
        .array(
          z.strictObject({
            channel: z.enum(NOTIFICATION_CHANNELS),
            kind: z.enum(NOTIFICATION_KINDS),
            enabled: z.boolean(),
          }),
        )
        .min(1),
    }),
  },
  // People targets are the person's id; the data names them by email, as HR does.
  "people.imported": {
    target: "people-import",
    data: z.strictObject({
      sha256,
      rows: count,
      created: z.array(text),
      updated: z.array(text),
      ended: z.array(text),
    }),
  },
  "person.created": {
    target: "person",
    data: z.strictObject({
      email: text,
      name: text,
      type: z.enum(EMPLOYMENT_TYPES),
      startDate: day.nullable(),
      endDate: day.nullable(),
    }),
  },
  "person.updated": {
    target: "person",
    data: z.strictObject({
      email: text,
      changes: z.partialRecord(z.enum(PERSON_FIELDS), change),
    }),
  },
  "person.step-completed": {
    target: "person",
    data: z.strictObject({
      email: text,
      checklist: z.enum(CHECKLIST_KINDS),
      step: id,
      dueBy: day,
      late: z.boolean(),
      evidence: id.nullable(),
    }),
  },
  "person.step-assigned": {
    target: "person",
    data: z.strictObject({
      email: text,
      checklist: z.enum(CHECKLIST_KINDS),
      step: id,
      from: text.nullable(),
      to: text.nullable(),
    }),
  },
  "person.background-check-recorded": {
    target: "person",
    data: z.strictObject({
      email: text,
      status: z.enum(BACKGROUND_CHECK_STATUSES),
      checkedOn: day.nullable(),
      provider: text,
      evidence: id.nullable(),
    }),
  },
  // Import targets are their label (FI-4); the file's hash is what the trail proves. Findings
  // created or seen again are counted, not listed (a scan may hold thousands); those whose
  // state changed are named.
  "finding.imported": {
    target: "finding-import",
    data: z.strictObject({
      source: z.enum(FINDING_SOURCES),
      fileName: text,
      sha256,
      results: count,
      created: count,
      seenAgain: count,
      reopened: z.array(id),
      closed: z.array(id),
    }),
  },
  // Finding targets are their label (F-12).
  "finding.triaged": {
    target: "finding",
    data: z.strictObject({
      decision: z.enum(TRIAGE_DECISIONS),
      reason: text,
      previousStatus: z.enum(FINDING_STATUSES),
    }),
  },

  // Connectors and checks (issue 17). Connector targets are their ref (CN-2); their settings
  // (scope and endpoints) are recorded, their credentials never.
  "connector.added": {
    target: "connector",
    data: z.strictObject({
      kind: z.enum(CONNECTOR_KINDS),
      name: text,
      settings: z.record(z.string(), z.unknown()),
      intervalMinutes: count,
    }),
  },
  "connector.updated": {
    target: "connector",
    data: z.strictObject({
      name: text,
      settings: z.record(z.string(), z.unknown()),
      intervalMinutes: count,
      credentialsReplaced: z.boolean(),
    }),
  },
  "connector.removed": {
    target: "connector",
    data: z.strictObject({ kind: z.enum(CONNECTOR_KINDS), name: text }),
  },
  // Run targets are their ref (CR-7): the snapshot's hash is what a replay checks against.
  "check.ran": {
    target: "check-run",
    data: z.strictObject({
      connector: id,
      trigger: z.enum(["schedule", "manual"]),
      outcome: z.enum(["ok", ...CONNECTOR_FAILURES]),
      message: text.nullable(),
      snapshotSha256: sha256.nullable(),
      checks: count,
      failing: z.array(id),
      startedFailing: z.array(id),
      recovered: z.array(id),
    }),
  },
  // Exception targets are their ref (CE-3).
  "check-exception.added": {
    target: "check-exception",
    data: z.strictObject({
      check: id,
      resource: id,
      reason: text,
      approver: text,
      expiresOn: day,
    }),
  },
  "check-exception.revoked": {
    target: "check-exception",
    data: z.strictObject({ check: id, resource: id, reason: text }),
  },
  // The availability monitor (issue 17). Targets are the endpoint's label (M-2). Probes are
  // the monitor's bookkeeping, not events; a change of state (an outage, a recovery) is one.
  "monitor.added": {
    target: "monitor",
    data: z.strictObject({
      name: text,
      url: text,
      expectedStatus: z.number().int(),
      intervalMinutes: z.number().int(),
      timeoutSeconds: z.number().int(),
      targetPercent: z.number(),
    }),
  },
  "monitor.removed": {
    target: "monitor",
    data: z.strictObject({ name: text, url: text }),
  },
  "monitor.state-changed": {
    target: "monitor",
    data: z.strictObject({
      from: z.enum(MONITOR_STATES),
      to: z.enum(MONITOR_STATES),
      status: z.number().int().nullable(),
      error: text.nullable(),
    }),
  },
  // Access reviews (issue 16 part 3). Targets are the campaign's label (AR-2); systems and
  // accounts are named in the data.
  "access-review.started": {
    target: "access-review",
    data: z.strictObject({
      name: text,
      periodFrom: day,
      periodTo: day,
      dueOn: day,
      reviewers: z.array(text).min(1),
      systems: z.array(text).min(1),
    }),
  },
  "access-review.accounts-imported": {
    target: "access-review",
    data: z.strictObject({
      system: text,
      sha256,
      accounts: count,
      leavers: count,
      unknown: count,
      privileged: count,
      /** Accounts of an earlier import of the system that this one replaced. */
      replaced: count,
    }),
  },
  "access-review.decided": {
    target: "access-review",
    data: z.strictObject({
      system: text,
      account: text,
      flags: z.array(z.enum(ACCOUNT_FLAGS)),
      decision: z.enum(ACCESS_DECISIONS),
      comment: text.nullable(),
      previous: z.enum(ACCESS_DECISIONS).nullable(),
    }),
  },
  "access-review.access-removed": {
    target: "access-review",
    data: z.strictObject({
      system: text,
      account: text,
      decision: z.enum(["change", "remove"]),
      evidence: id,
      note: text.nullable(),
    }),
  },
  "access-review.completed": {
    target: "access-review",
    data: z.strictObject({
      completedOn: day,
      accounts: count,
      kept: count,
      changed: count,
      removed: count,
      sha256,
      evidence: id,
    }),
  },
} as const satisfies Record<string, AuditEventSpec>;

type AuditEvents = typeof AUDIT_EVENTS;
export type AuditAction = keyof AuditEvents;
/** The data an action records, exactly: extra or missing fields do not compile. */
export type AuditEventData<A extends AuditAction> = z.input<AuditEvents[A]["data"]>;
/** The kind of record an action is about. */
export type AuditTargetOf<A extends AuditAction> = AuditEvents[A]["target"];

/** Every action, in the order above (grouped by what they are about). */
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}

export function auditTargetOf<A extends AuditAction>(action: A): AuditTargetOf<A> {
  return AUDIT_EVENTS[action].target;
}

/** The actions about one kind of record: what a filter on the audit log can offer. */
export function auditActionsAbout(target: AuditTargetType): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => AUDIT_EVENTS[action].target === target);
}

/**
 * Refuses data that does not fit the action's schema. A wrong payload is Attest's own bug,
 * never the caller's input, hence INTERNAL; the message names the action and the field so
 * the log says where to look.
 */
export function checkAuditEventData<A extends AuditAction>(
  action: A,
  data: AuditEventData<A>,
): void {
  const spec: AuditEventSpec = AUDIT_EVENTS[action];
  const parsed = spec.data.safeParse(data);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "data" : issue.path.join(".");
  throw new AppError(
    "INTERNAL",
    `audit event ${action}: ${field}: ${issue?.message ?? "does not match its schema"}`,
  );
}
