/** All SQL of the auditor's request list; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { requestRef } from "../domain/audit-request.ts";
import type {
  AuditRequest,
  RequestComment,
  RequestEvidence,
  RequestSide,
  RequestStatus,
} from "../domain/audit-request.ts";
import type { AuditRequestsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

function toRequest(
  row: Selectable<AuditRequestsTable>,
  evidence: RequestEvidence[],
  comments: RequestComment[],
): AuditRequest {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: requestRef(number),
    number,
    engagementId: row.engagement_id,
    control: row.control_ref,
    item: row.item_key,
    description: row.description,
    addressee: row.addressee,
    dueOn: row.due_on,
    status: row.status as RequestStatus,
    returnReason: row.return_reason,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    answeredAt: row.answered_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    remindedOn: row.reminded_on,
    updatedAt: row.updated_at,
    evidence,
    comments,
  };
}

/** The evidence and comments of these requests, keyed by request id. */
async function detailsOf(
  tx: Tx,
  scope: OrgScope,
  requestIds: readonly string[],
): Promise<{ evidence: Map<string, RequestEvidence[]>; comments: Map<string, RequestComment[]> }> {
  const evidence = new Map<string, RequestEvidence[]>();
  const comments = new Map<string, RequestComment[]>();
  if (requestIds.length === 0) return { evidence, comments };
  const links = await tx
    .selectFrom("audit_request_evidence")
    .innerJoin("evidence_items", "evidence_items.id", "audit_request_evidence.evidence_id")
    .select([
      "audit_request_evidence.request_id as request_id",
      "audit_request_evidence.evidence_id as evidence_id",
      "evidence_items.title as title",
    ])
    .where("audit_request_evidence.organization_id", "=", scope.organizationId)
    .where("audit_request_evidence.request_id", "in", [...requestIds])
    .orderBy("audit_request_evidence.linked_at")
    .orderBy("audit_request_evidence.evidence_id")
    .execute();
  for (const link of links) {
    const given = { id: link.evidence_id, title: link.title };
    evidence.set(link.request_id, [...(evidence.get(link.request_id) ?? []), given]);
  }
  const rows = await tx
    .selectFrom("audit_request_comments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("request_id", "in", [...requestIds])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const comment: RequestComment = {
      id: row.id,
      author: row.author,
      side: row.side as RequestSide,
      body: row.body,
      createdAt: row.created_at,
    };
    comments.set(row.request_id, [...(comments.get(row.request_id) ?? []), comment]);
  }
  return { evidence, comments };
}

async function withDetails(
  tx: Tx,
  scope: OrgScope,
  rows: Selectable<AuditRequestsTable>[],
): Promise<AuditRequest[]> {
  const { evidence, comments } = await detailsOf(
    tx,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toRequest(row, evidence.get(row.id) ?? [], comments.get(row.id) ?? []));
}

/** An engagement's requests (or every engagement's, without one), in number order. */
export async function listRequests(
  tx: Tx,
  scope: OrgScope,
  filter: { engagementId?: string; statuses?: readonly RequestStatus[] } = {},
): Promise<AuditRequest[]> {
  let query = tx
    .selectFrom("audit_requests")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (filter.engagementId !== undefined) {
    query = query.where("engagement_id", "=", filter.engagementId);
  }
  if (filter.statuses !== undefined) query = query.where("status", "in", [...filter.statuses]);
  const rows = await query.orderBy("engagement_id").orderBy("number").execute();
  return withDetails(tx, scope, rows);
}

export async function findRequest(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  number: number,
): Promise<AuditRequest | undefined> {
  const row = await tx
    .selectFrom("audit_requests")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return (await withDetails(tx, scope, [row]))[0];
}

export async function nextRequestNumber(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<number> {
  const row = await tx
    .selectFrom("audit_requests")
    .select((eb) => eb.fn.max("number").as("last"))
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertRequest(tx: Tx, scope: OrgScope, request: AuditRequest): Promise<void> {
  await tx
    .insertInto("audit_requests")
    .values({
      id: request.id,
      organization_id: scope.organizationId,
      engagement_id: request.engagementId,
      number: request.number,
      control_ref: request.control,
      item_key: request.item,
      description: request.description,
      addressee: request.addressee,
      due_on: request.dueOn,
      status: request.status,
      return_reason: request.returnReason,
      opened_by: request.openedBy,
      opened_at: request.openedAt,
      answered_at: request.answeredAt,
      decided_by: request.decidedBy,
      decided_at: request.decidedAt,
      reminded_on: request.remindedOn,
      updated_at: request.updatedAt,
    })
    .execute();
}

/** Writes the request's state: status, reason, who answered or decided, and when. */
export async function updateRequestState(
  tx: Tx,
  scope: OrgScope,
  request: AuditRequest,
): Promise<void> {
  await tx
    .updateTable("audit_requests")
    .set({
      status: request.status,
      return_reason: request.returnReason,
      answered_at: request.answeredAt,
      decided_by: request.decidedBy,
      decided_at: request.decidedAt,
      reminded_on: request.remindedOn,
      updated_at: request.updatedAt,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", request.id)
    .execute();
}

export async function markReminded(
  tx: Tx,
  scope: OrgScope,
  requestIds: readonly string[],
  day: string,
): Promise<void> {
  if (requestIds.length === 0) return;
  await tx
    .updateTable("audit_requests")
    .set({ reminded_on: day })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "in", [...requestIds])
    .execute();
}

export async function linkRequestEvidence(
  tx: Tx,
  scope: OrgScope,
  requestId: string,
  evidenceIds: readonly string[],
  by: string,
  at: string,
): Promise<void> {
  if (evidenceIds.length === 0) return;
  await tx
    .insertInto("audit_request_evidence")
    .values(
      evidenceIds.map((evidenceId) => ({
        organization_id: scope.organizationId,
        request_id: requestId,
        evidence_id: evidenceId,
        linked_by: by,
        linked_at: at,
      })),
    )
    .execute();
}

export async function insertRequestComment(
  tx: Tx,
  scope: OrgScope,
  requestId: string,
  comment: RequestComment,
): Promise<void> {
  await tx
    .insertInto("audit_request_comments")
    .values({
      id: comment.id,
      organization_id: scope.organizationId,
      request_id: requestId,
      author: comment.author,
      side: comment.side,
      body: comment.body,
      created_at: comment.createdAt,
    })
    .execute();
}
