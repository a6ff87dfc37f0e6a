/** All SQL of the auditor's workpapers; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type {
  AttributeResult,
  ItemWorkpaper,
  WorkpaperAttachment,
  WorkpaperStep,
} from "../domain/workpaper.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { WorkpaperAttachmentsTable, WorkpaperItemsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/** Each control's steps, by control ref (controls without steps are absent). */
export async function listSteps(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  controlRef?: string,
): Promise<Map<string, WorkpaperStep[]>> {
  let query = tx
    .selectFrom("workpaper_steps")
    .select(["control_ref", "steps"])
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId);
  if (controlRef !== undefined) query = query.where("control_ref", "=", controlRef);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.control_ref, fromDbJson<WorkpaperStep[]>(r.steps)]));
}

export async function saveSteps(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  controlRef: string,
  steps: readonly WorkpaperStep[],
  by: string,
  at: string,
): Promise<void> {
  await tx
    .deleteFrom("workpaper_steps")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("control_ref", "=", controlRef)
    .execute();
  await tx
    .insertInto("workpaper_steps")
    .values({
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      control_ref: controlRef,
      steps: toDbJson(steps),
      updated_by: by,
      updated_at: at,
    })
    .execute();
}

function toItem(row: Selectable<WorkpaperItemsTable>): ItemWorkpaper {
  return {
    controlRef: row.control_ref,
    itemKey: row.item_key,
    attributes: fromDbJson<Record<string, AttributeResult>>(row.attributes),
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function listItemWorkpapers(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  controlRef?: string,
): Promise<ItemWorkpaper[]> {
  let query = tx
    .selectFrom("workpaper_items")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId);
  if (controlRef !== undefined) query = query.where("control_ref", "=", controlRef);
  return (await query.orderBy("control_ref").orderBy("item_key").execute()).map(toItem);
}

export async function saveItemWorkpaper(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  item: ItemWorkpaper,
): Promise<void> {
  await tx
    .deleteFrom("workpaper_items")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("control_ref", "=", item.controlRef)
    .where("item_key", "=", item.itemKey)
    .execute();
  await tx
    .insertInto("workpaper_items")
    .values({
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      control_ref: item.controlRef,
      item_key: item.itemKey,
      attributes: toDbJson(item.attributes),
      note: item.note,
      recorded_by: item.recordedBy,
      recorded_at: item.recordedAt,
    })
    .execute();
}

function toAttachment(row: Selectable<WorkpaperAttachmentsTable>): WorkpaperAttachment {
  return {
    id: row.id,
    controlRef: row.control_ref,
    itemKey: row.item_key,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByEmail: row.uploaded_by_email,
    uploadedAt: row.uploaded_at,
  };
}

export async function insertAttachment(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  attachment: WorkpaperAttachment,
): Promise<void> {
  await tx
    .insertInto("workpaper_attachments")
    .values({
      id: attachment.id,
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      control_ref: attachment.controlRef,
      item_key: attachment.itemKey,
      file_name: attachment.fileName,
      media_type: attachment.mediaType,
      size: attachment.size,
      sha256: attachment.sha256,
      uploaded_by: attachment.uploadedBy,
      uploaded_by_email: attachment.uploadedByEmail,
      uploaded_at: attachment.uploadedAt,
    })
    .execute();
}

export async function listAttachments(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  controlRef?: string,
): Promise<WorkpaperAttachment[]> {
  let query = tx
    .selectFrom("workpaper_attachments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId);
  if (controlRef !== undefined) query = query.where("control_ref", "=", controlRef);
  return (await query.orderBy("uploaded_at").orderBy("id").execute()).map(toAttachment);
}

export async function getAttachment(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  id: string,
): Promise<WorkpaperAttachment | undefined> {
  const row = await tx
    .selectFrom("workpaper_attachments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toAttachment(row);
}

/** What the testing screen shows of each sampled item's evidence: its title and kind. */
export async function evidenceSummaries(
  tx: Tx,
  scope: OrgScope,
  ids: readonly string[],
): Promise<Map<string, { title: string; kind: string; mediaType: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom("evidence_items")
    .select(["id", "title", "kind", "media_type"])
    .where("organization_id", "=", scope.organizationId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { title: r.title, kind: r.kind, mediaType: r.media_type }]),
  );
}
