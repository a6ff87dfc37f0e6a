import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { EvidenceItem, EvidenceKind, EvidenceSource } from "../domain/evidence.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { EvidenceItemsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

type EvidenceRow = Selectable<EvidenceItemsTable>;

function toEvidence(row: EvidenceRow, controls: string[]): EvidenceItem {
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    title: row.title,
    source: row.source as EvidenceSource,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    fileName: row.file_name,
    url: row.url,
    recordKind: row.record_kind,
    recordData: row.record_data === null ? null : fromDbJson<unknown>(row.record_data),
    forFrom: row.for_from,
    forTo: row.for_to,
    addedBy: row.added_by,
    addedAt: row.added_at,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removedReason: row.removed_reason,
    controls,
  };
}

export async function insertEvidence(tx: Tx, scope: OrgScope, item: EvidenceItem): Promise<void> {
  await tx
    .insertInto("evidence_items")
    .values({
      id: item.id,
      organization_id: scope.organizationId,
      kind: item.kind,
      title: item.title,
      source: item.source,
      sha256: item.sha256,
      size: item.size,
      media_type: item.mediaType,
      file_name: item.fileName,
      url: item.url,
      record_kind: item.recordKind,
      record_data: item.recordData === null ? null : toDbJson(item.recordData),
      for_from: item.forFrom,
      for_to: item.forTo,
      added_by: item.addedBy,
      added_at: item.addedAt,
      removed_at: null,
      removed_by: null,
      removed_reason: null,
    })
    .execute();
}

export async function linkEvidence(
  tx: Tx,
  scope: OrgScope,
  evidenceId: string,
  controlIds: readonly string[],
  by: string,
  at: string,
): Promise<void> {
  if (controlIds.length === 0) return;
  await tx
    .insertInto("evidence_controls")
    .values(
      controlIds.map((controlId) => ({
        organization_id: scope.organizationId,
        evidence_id: evidenceId,
        control_id: controlId,
        linked_by: by,
        linked_at: at,
      })),
    )
    .execute();
}

async function controlRefsByEvidence(
  tx: Tx,
  scope: OrgScope,
  evidenceIds: readonly string[] | "all",
): Promise<Map<string, string[]>> {
  let query = tx
    .selectFrom("evidence_controls")
    .innerJoin("controls", "controls.id", "evidence_controls.control_id")
    .select(["evidence_controls.evidence_id", "controls.ref"])
    .where("evidence_controls.organization_id", "=", scope.organizationId);
  if (evidenceIds !== "all") {
    if (evidenceIds.length === 0) return new Map();
    query = query.where("evidence_controls.evidence_id", "in", [...evidenceIds]);
  }
  const rows = await query.orderBy("controls.ref").execute();
  const refs = new Map<string, string[]>();
  for (const row of rows) {
    const list = refs.get(row.evidence_id);
    if (list === undefined) refs.set(row.evidence_id, [row.ref]);
    else list.push(row.ref);
  }
  return refs;
}

/** Finds by full id, or by a prefix of at least 8 characters that matches exactly one item. */
export async function findEvidence(
  tx: Tx,
  scope: OrgScope,
  idOrPrefix: string,
): Promise<EvidenceItem[]> {
  const rows = await tx
    .selectFrom("evidence_items")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where((eb) =>
      idOrPrefix.length >= 8 && idOrPrefix.length < 36
        ? eb("id", "like", `${idOrPrefix.replace(/[%_\\]/g, "")}%`)
        : eb("id", "=", idOrPrefix),
    )
    .limit(2)
    .execute();
  const refs = await controlRefsByEvidence(
    tx,
    scope,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toEvidence(row, refs.get(row.id) ?? []));
}

export interface EvidenceFilter {
  controlId?: string;
  includeRemoved?: boolean;
}

export async function listEvidence(
  tx: Tx,
  scope: OrgScope,
  filter: EvidenceFilter = {},
): Promise<EvidenceItem[]> {
  let query = tx
    .selectFrom("evidence_items")
    .selectAll("evidence_items")
    .where("evidence_items.organization_id", "=", scope.organizationId);
  if (!filter.includeRemoved) query = query.where("evidence_items.removed_at", "is", null);
  if (filter.controlId !== undefined) {
    const controlId = filter.controlId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("evidence_controls")
          .select("evidence_controls.evidence_id")
          .whereRef("evidence_controls.evidence_id", "=", "evidence_items.id")
          .where("evidence_controls.control_id", "=", controlId),
      ),
    );
  }
  const rows = await query
    .orderBy("evidence_items.added_at")
    .orderBy("evidence_items.id")
    .execute();
  const refs = await controlRefsByEvidence(tx, scope, "all");
  return rows.map((row) => toEvidence(row, refs.get(row.id) ?? []));
}

export async function tombstoneEvidence(
  tx: Tx,
  scope: OrgScope,
  id: string,
  removal: { by: string; at: string; reason: string },
): Promise<boolean> {
  const result = await tx
    .updateTable("evidence_items")
    .set({ removed_at: removal.at, removed_by: removal.by, removed_reason: removal.reason })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The periods of current evidence per control id: what freshness is computed from. */
export async function evidencePeriodsByControl(
  tx: Tx,
  scope: OrgScope,
): Promise<Map<string, { from: string; to: string }[]>> {
  const rows = await tx
    .selectFrom("evidence_controls")
    .innerJoin("evidence_items", "evidence_items.id", "evidence_controls.evidence_id")
    .select(["evidence_controls.control_id", "evidence_items.for_from", "evidence_items.for_to"])
    .where("evidence_controls.organization_id", "=", scope.organizationId)
    .where("evidence_items.removed_at", "is", null)
    .execute();
  const byControl = new Map<string, { from: string; to: string }[]>();
  for (const row of rows) {
    const period = { from: row.for_from, to: row.for_to };
    const list = byControl.get(row.control_id);
    if (list === undefined) byControl.set(row.control_id, [period]);
    else list.push(period);
  }
  return byControl;
}

/** Every distinct stored file of the organization, for verification. */
export async function listFileHashes(tx: Tx, scope: OrgScope): Promise<string[]> {
  const rows = await tx
    .selectFrom("evidence_items")
    .select("sha256")
    .distinct()
    .where("organization_id", "=", scope.organizationId)
    .where("kind", "=", "file")
    .orderBy("sha256")
    .execute();
  return rows.map((row) => row.sha256);
}

export interface ControlEvidence {
  controlId: string;
  id: string;
  title: string;
  from: string;
  to: string;
}

/** Current (not removed) evidence of the given controls whose dates touch a period. */
export async function evidenceOfControls(
  tx: Tx,
  scope: OrgScope,
  controlIds: readonly string[],
  period: { from: string; to: string },
): Promise<ControlEvidence[]> {
  if (controlIds.length === 0) return [];
  const rows = await tx
    .selectFrom("evidence_controls")
    .innerJoin("evidence_items", "evidence_items.id", "evidence_controls.evidence_id")
    .select([
      "evidence_controls.control_id",
      "evidence_items.id",
      "evidence_items.title",
      "evidence_items.for_from",
      "evidence_items.for_to",
    ])
    .where("evidence_controls.organization_id", "=", scope.organizationId)
    .where("evidence_controls.control_id", "in", [...controlIds])
    .where("evidence_items.removed_at", "is", null)
    .where("evidence_items.for_from", "<=", period.to)
    .where("evidence_items.for_to", ">=", period.from)
    .execute();
  return rows.map((row) => ({
    controlId: row.control_id,
    id: row.id,
    title: row.title,
    from: row.for_from,
    to: row.for_to,
  }));
}
