/**
 * Policies, their published versions and the acknowledgements of each version. Versions and
 * acknowledgements are only ever inserted: there is no function here that changes or deletes
 * one, which is what makes a published version and an acknowledgement permanent.
 */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { AudienceRole, PolicyState } from "../domain/policy.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { PoliciesTable, PolicyAcknowledgementsTable, PolicyVersionsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export interface Approval {
  by: string;
  name: string;
  at: string;
}

export interface Policy {
  id: string;
  number: number;
  templateId: string | null;
  title: string;
  /** Who keeps it reviewed, by email (or the local operator's id). */
  owner: string;
  reviewMonths: number;
  state: PolicyState;
  body: string;
  /** The roles asked to acknowledge; empty means every member. */
  audience: AudienceRole[];
  ackDays: number;
  approval: Approval | null;
  reviewedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyVersion {
  id: string;
  policyId: string;
  version: number;
  title: string;
  body: string;
  sha256: string;
  approval: Approval;
  publishedBy: string;
  publishedAt: string;
  audience: AudienceRole[];
  ackDueBy: string;
}

export interface PolicyAcknowledgement {
  id: string;
  policyVersionId: string;
  userId: string;
  email: string;
  name: string;
  sha256: string;
  acknowledgedAt: string;
  address: string | null;
}

function toPolicy(r: Selectable<PoliciesTable>): Policy {
  return {
    id: r.id,
    number: Number(r.number),
    templateId: r.template_id,
    title: r.title,
    owner: r.owner,
    reviewMonths: Number(r.review_months),
    state: r.state as PolicyState,
    body: r.body,
    audience: fromDbJson<AudienceRole[]>(r.audience),
    ackDays: Number(r.ack_days),
    approval:
      r.approved_by === null || r.approved_name === null || r.approved_at === null
        ? null
        : { by: r.approved_by, name: r.approved_name, at: r.approved_at },
    reviewedAt: r.reviewed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toVersion(r: Selectable<PolicyVersionsTable>): PolicyVersion {
  return {
    id: r.id,
    policyId: r.policy_id,
    version: Number(r.version),
    title: r.title,
    body: r.body,
    sha256: r.sha256,
    approval: { by: r.approved_by, name: r.approved_name, at: r.approved_at },
    publishedBy: r.published_by,
    publishedAt: r.published_at,
    audience: fromDbJson<AudienceRole[]>(r.audience),
    ackDueBy: r.ack_due_by,
  };
}

function toAcknowledgement(r: Selectable<PolicyAcknowledgementsTable>): PolicyAcknowledgement {
  return {
    id: r.id,
    policyVersionId: r.policy_version_id,
    userId: r.user_id,
    email: r.email,
    name: r.name,
    sha256: r.sha256,
    acknowledgedAt: r.acknowledged_at,
    address: r.address,
  };
}

export async function nextPolicyNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("policies")
    .select((eb) => eb.fn.max("number").as("highest"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

function policyColumns(p: Policy) {
  return {
    title: p.title,
    owner: p.owner,
    review_months: p.reviewMonths,
    state: p.state,
    body: p.body,
    audience: toDbJson(p.audience),
    ack_days: p.ackDays,
    approved_by: p.approval?.by ?? null,
    approved_name: p.approval?.name ?? null,
    approved_at: p.approval?.at ?? null,
    reviewed_at: p.reviewedAt,
    updated_at: p.updatedAt,
  };
}

export async function insertPolicy(tx: Tx, scope: OrgScope, p: Policy): Promise<void> {
  await tx
    .insertInto("policies")
    .values({
      id: p.id,
      organization_id: scope.organizationId,
      number: p.number,
      template_id: p.templateId,
      created_by: p.createdBy,
      created_at: p.createdAt,
      ...policyColumns(p),
    })
    .execute();
}

export async function savePolicy(tx: Tx, scope: OrgScope, p: Policy): Promise<void> {
  await tx
    .updateTable("policies")
    .set(policyColumns(p))
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", p.id)
    .execute();
}

export async function listPolicies(tx: Tx, scope: OrgScope): Promise<Policy[]> {
  const rows = await tx
    .selectFrom("policies")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number")
    .execute();
  return rows.map(toPolicy);
}

export async function findPolicyByNumber(
  tx: Tx,
  scope: OrgScope,
  number: number,
): Promise<Policy | undefined> {
  const row = await tx
    .selectFrom("policies")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row === undefined ? undefined : toPolicy(row);
}

export async function findPolicyById(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<Policy | undefined> {
  const row = await tx
    .selectFrom("policies")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toPolicy(row);
}

export async function insertPolicyVersion(
  tx: Tx,
  scope: OrgScope,
  v: PolicyVersion,
): Promise<void> {
  await tx
    .insertInto("policy_versions")
    .values({
      id: v.id,
      organization_id: scope.organizationId,
      policy_id: v.policyId,
      version: v.version,
      title: v.title,
      body: v.body,
      sha256: v.sha256,
      approved_by: v.approval.by,
      approved_name: v.approval.name,
      approved_at: v.approval.at,
      published_by: v.publishedBy,
      published_at: v.publishedAt,
      audience: toDbJson(v.audience),
      ack_due_by: v.ackDueBy,
    })
    .execute();
}

/** Versions of one policy (or of every policy), newest first. */
export async function listPolicyVersions(
  tx: Tx,
  scope: OrgScope,
  policyId?: string,
): Promise<PolicyVersion[]> {
  let query = tx
    .selectFrom("policy_versions")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (policyId !== undefined) query = query.where("policy_id", "=", policyId);
  const rows = await query.orderBy("policy_id").orderBy("version", "desc").execute();
  return rows.map(toVersion);
}

export async function insertAcknowledgement(
  tx: Tx,
  scope: OrgScope,
  a: PolicyAcknowledgement,
): Promise<void> {
  await tx
    .insertInto("policy_acknowledgements")
    .values({
      id: a.id,
      organization_id: scope.organizationId,
      policy_version_id: a.policyVersionId,
      user_id: a.userId,
      email: a.email,
      name: a.name,
      sha256: a.sha256,
      acknowledged_at: a.acknowledgedAt,
      address: a.address,
    })
    .execute();
}

/**
 * Acknowledgements of these versions (every version when none are named), by these people
 * (everyone when none are named), oldest first.
 */
export async function listAcknowledgements(
  tx: Tx,
  scope: OrgScope,
  versionIds?: readonly string[],
  userIds?: readonly string[],
): Promise<PolicyAcknowledgement[]> {
  if (versionIds !== undefined && versionIds.length === 0) return [];
  if (userIds !== undefined && userIds.length === 0) return [];
  let query = tx
    .selectFrom("policy_acknowledgements")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (versionIds !== undefined) query = query.where("policy_version_id", "in", [...versionIds]);
  if (userIds !== undefined) query = query.where("user_id", "in", [...userIds]);
  const rows = await query.orderBy("acknowledged_at").orderBy("id").execute();
  return rows.map(toAcknowledgement);
}

/**
 * Who acknowledged which of these versions, as a set of user ids per version id: only the
 * two columns, for the task list and readiness, which read every acknowledgement at once.
 */
export async function acknowledgedBy(
  tx: Tx,
  scope: OrgScope,
  versionIds: readonly string[],
  userIds?: readonly string[],
): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>(versionIds.map((id) => [id, new Set<string>()]));
  if (versionIds.length === 0 || (userIds !== undefined && userIds.length === 0)) return found;
  let query = tx
    .selectFrom("policy_acknowledgements")
    .select(["policy_version_id", "user_id"])
    .where("organization_id", "=", scope.organizationId)
    .where("policy_version_id", "in", [...versionIds]);
  if (userIds !== undefined) query = query.where("user_id", "in", [...userIds]);
  for (const row of await query.execute()) found.get(row.policy_version_id)?.add(row.user_id);
  return found;
}
