/** The report's working draft per engagement, its frozen final versions, and review threads. */
import type { OrgScope } from "../domain/actor.ts";
import type {
  Assertion,
  AuditorOpinion,
  ReportPackage,
  SystemDescriptionContent,
} from "../domain/report.ts";
import type { ReviewComment, ReviewThread, ThreadStatus } from "../domain/review.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { Tx } from "./transaction.ts";

export interface ReportDraft {
  engagementId: string;
  version: number;
  description: SystemDescriptionContent;
  assertion: Assertion | null;
  opinion: AuditorOpinion | null;
  otherInformation: string;
  updatedAt: string;
  updatedBy: string;
}

export async function findDraft(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<ReportDraft | undefined> {
  const row = await tx
    .selectFrom("report_drafts")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    engagementId: row.engagement_id,
    version: Number(row.version),
    description: fromDbJson<SystemDescriptionContent>(row.description),
    assertion: row.assertion === null ? null : fromDbJson<Assertion>(row.assertion),
    opinion: row.opinion === null ? null : fromDbJson<AuditorOpinion>(row.opinion),
    otherInformation: row.other_information,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function saveDraft(tx: Tx, scope: OrgScope, d: ReportDraft): Promise<void> {
  const values = {
    version: d.version,
    description: toDbJson(d.description),
    assertion: d.assertion === null ? null : toDbJson(d.assertion),
    opinion: d.opinion === null ? null : toDbJson(d.opinion),
    other_information: d.otherInformation,
    updated_at: d.updatedAt,
    updated_by: d.updatedBy,
  };
  const updated = await tx
    .updateTable("report_drafts")
    .set(values)
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", d.engagementId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await tx
      .insertInto("report_drafts")
      .values({ ...values, engagement_id: d.engagementId, organization_id: scope.organizationId })
      .execute();
  }
}

export interface ReportVersion {
  id: string;
  engagementId: string;
  version: number;
  sha256: string;
  issueDate: string;
  finalizedAt: string;
  finalizedBy: string;
}

export async function insertReportVersion(
  tx: Tx,
  scope: OrgScope,
  v: ReportVersion,
  pkg: ReportPackage,
): Promise<void> {
  await tx
    .insertInto("report_versions")
    .values({
      id: v.id,
      organization_id: scope.organizationId,
      engagement_id: v.engagementId,
      version: v.version,
      package: toDbJson(pkg),
      sha256: v.sha256,
      issue_date: v.issueDate,
      finalized_at: v.finalizedAt,
      finalized_by: v.finalizedBy,
    })
    .execute();
}

const versionColumns = [
  "id",
  "engagement_id",
  "version",
  "sha256",
  "issue_date",
  "finalized_at",
  "finalized_by",
] as const;

function toVersion(row: {
  id: string;
  engagement_id: string;
  version: number;
  sha256: string;
  issue_date: string;
  finalized_at: string;
  finalized_by: string;
}): ReportVersion {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    version: Number(row.version),
    sha256: row.sha256,
    issueDate: row.issue_date,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
  };
}

/** Final versions, newest first; all of the organization's when no engagement is named. */
export async function listReportVersions(
  tx: Tx,
  scope: OrgScope,
  engagementId?: string,
): Promise<ReportVersion[]> {
  let query = tx
    .selectFrom("report_versions")
    .select(versionColumns)
    .where("organization_id", "=", scope.organizationId);
  if (engagementId !== undefined) query = query.where("engagement_id", "=", engagementId);
  const rows = await query.orderBy("finalized_at", "desc").orderBy("version", "desc").execute();
  return rows.map(toVersion);
}

export async function findReportVersion(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<{ version: ReportVersion; pkg: ReportPackage } | undefined> {
  const row = await tx
    .selectFrom("report_versions")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { version: toVersion(row), pkg: fromDbJson<ReportPackage>(row.package) };
}

export async function findReportVersionByNumber(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  version: number,
): Promise<{ version: ReportVersion; pkg: ReportPackage } | undefined> {
  const row = await tx
    .selectFrom("report_versions")
    .select("id")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row === undefined ? undefined : findReportVersion(tx, scope, row.id);
}

export async function nextThreadNumber(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<number> {
  const row = await tx
    .selectFrom("review_threads")
    .select((eb) => eb.fn.max("number").as("highest"))
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

export async function insertThread(tx: Tx, scope: OrgScope, t: ReviewThread): Promise<void> {
  await tx
    .insertInto("review_threads")
    .values({
      id: t.id,
      organization_id: scope.organizationId,
      engagement_id: t.engagementId,
      number: t.number,
      draft_version: t.draftVersion,
      section: t.section,
      item: t.item,
      status: t.status,
      created_by: t.createdBy,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
    })
    .execute();
}

export async function setThreadStatus(
  tx: Tx,
  scope: OrgScope,
  id: string,
  status: ThreadStatus,
  at: string,
): Promise<void> {
  await tx
    .updateTable("review_threads")
    .set({ status, updated_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .execute();
}

export async function insertComment(
  tx: Tx,
  scope: OrgScope,
  threadId: string,
  c: ReviewComment,
  position: number,
): Promise<void> {
  await tx
    .insertInto("review_comments")
    .values({
      id: c.id,
      organization_id: scope.organizationId,
      thread_id: threadId,
      position,
      author: c.author,
      author_name: c.authorName,
      author_role: c.authorRole,
      body: c.body,
      action: c.action,
      created_at: c.createdAt,
    })
    .execute();
}

/** The engagement's threads with their comments, in number order. */
export async function listThreads(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<ReviewThread[]> {
  const threads = await tx
    .selectFrom("review_threads")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .orderBy("number")
    .execute();
  if (threads.length === 0) return [];
  const comments = await tx
    .selectFrom("review_comments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where(
      "thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .orderBy("position")
    .execute();
  return threads.map((t) => ({
    id: t.id,
    engagementId: t.engagement_id,
    number: Number(t.number),
    draftVersion: Number(t.draft_version),
    section: t.section as ReviewThread["section"],
    item: t.item,
    status: t.status as ThreadStatus,
    createdBy: t.created_by,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    comments: comments
      .filter((c) => c.thread_id === t.id)
      .map((c) => ({
        id: c.id,
        author: c.author,
        authorName: c.author_name,
        authorRole: c.author_role,
        body: c.body,
        action: c.action as ReviewComment["action"],
        createdAt: c.created_at,
      })),
  }));
}
