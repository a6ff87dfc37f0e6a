/** All SQL of imported populations: imports with their review, and their rows. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type {
  PopulationFormat,
  PopulationImport,
  PopulationImportStatus,
  PopulationRow,
} from "../domain/population-import.ts";
import type { PopulationImportsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/**
 * Rows per INSERT: six values each stays under PostgreSQL's 65,535 bind parameters and
 * SQLite's 32,766, and a few thousand rows a statement keeps 100,000 rows to a few dozen trips.
 */
export const ROWS_PER_INSERT = 4000;

function toImport(row: Selectable<PopulationImportsTable>): PopulationImport {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    controlRef: row.control_ref,
    number: Number(row.number),
    format: row.format as PopulationFormat,
    fileName: row.file_name,
    source: {
      system: row.source_system,
      query: row.source_query,
      ranBy: row.ran_by,
      ranAt: row.ran_at,
    },
    completeness: row.completeness,
    reason: row.reason,
    rowCount: Number(row.row_count),
    firstDate: row.first_date,
    lastDate: row.last_date,
    rowsSha256: row.rows_sha256,
    status: row.status as PopulationImportStatus,
    importedBy: row.imported_by,
    importedByEmail: row.imported_by_email,
    importedAt: row.imported_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    returnReason: row.return_reason,
  };
}

/** A control's imports on an engagement, the latest first. */
export async function listPopulationImports(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  controlRef?: string,
): Promise<PopulationImport[]> {
  let query = tx
    .selectFrom("population_imports")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId);
  if (controlRef !== undefined) query = query.where("control_ref", "=", controlRef);
  const rows = await query.orderBy("control_ref").orderBy("number", "desc").execute();
  return rows.map(toImport);
}

/** Each control's latest import on the engagement. */
export async function latestPopulationImports(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<Map<string, PopulationImport>> {
  const latest = new Map<string, PopulationImport>();
  for (const item of await listPopulationImports(tx, scope, engagementId)) {
    if (!latest.has(item.controlRef)) latest.set(item.controlRef, item);
  }
  return latest;
}

export async function insertPopulationImport(
  tx: Tx,
  scope: OrgScope,
  item: PopulationImport,
  rows: readonly PopulationRow[],
): Promise<void> {
  await tx
    .insertInto("population_imports")
    .values({
      id: item.id,
      organization_id: scope.organizationId,
      engagement_id: item.engagementId,
      control_ref: item.controlRef,
      number: item.number,
      format: item.format,
      file_name: item.fileName,
      source_system: item.source.system,
      source_query: item.source.query,
      ran_by: item.source.ranBy,
      ran_at: item.source.ranAt,
      completeness: item.completeness,
      reason: item.reason,
      row_count: item.rowCount,
      first_date: item.firstDate,
      last_date: item.lastDate,
      rows_sha256: item.rowsSha256,
      status: item.status,
      imported_by: item.importedBy,
      imported_by_email: item.importedByEmail,
      imported_at: item.importedAt,
      reviewed_by: item.reviewedBy,
      reviewed_at: item.reviewedAt,
      return_reason: item.returnReason,
    })
    .execute();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await tx
      .insertInto("population_rows")
      .values(
        rows.slice(start, start + ROWS_PER_INSERT).map((r) => ({
          import_id: item.id,
          organization_id: scope.organizationId,
          line: r.line,
          key: r.key,
          occurred_on: r.date,
          label: r.label,
        })),
      )
      .execute();
  }
}

export async function populationImportRows(
  tx: Tx,
  scope: OrgScope,
  importId: string,
): Promise<PopulationRow[]> {
  const rows = await tx
    .selectFrom("population_rows")
    .select(["line", "key", "occurred_on", "label"])
    .where("organization_id", "=", scope.organizationId)
    .where("import_id", "=", importId)
    .orderBy("line")
    .execute();
  return rows.map((r) => ({
    line: Number(r.line),
    key: r.key,
    date: r.occurred_on,
    label: r.label,
  }));
}

export async function reviewPopulationImport(
  tx: Tx,
  scope: OrgScope,
  importId: string,
  review: {
    status: PopulationImportStatus;
    by: string;
    at: string;
    returnReason: string | null;
  },
): Promise<void> {
  await tx
    .updateTable("population_imports")
    .set({
      status: review.status,
      reviewed_by: review.by,
      reviewed_at: review.at,
      return_reason: review.returnReason,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", importId)
    .execute();
}
