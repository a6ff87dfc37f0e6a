import type { CategoryId } from "../catalog/types.ts";
import type { OrgScope } from "../domain/actor.ts";
import type { CriterionExclusion } from "../domain/organization.ts";
import type { Tx } from "./transaction.ts";

export async function listCategories(tx: Tx, scope: OrgScope): Promise<CategoryId[]> {
  const rows = await tx
    .selectFrom("organization_categories")
    .select("category")
    .where("organization_id", "=", scope.organizationId)
    .execute();
  return rows.map((row) => row.category as CategoryId);
}

export async function addCategory(
  tx: Tx,
  scope: OrgScope,
  category: CategoryId,
  at: string,
): Promise<void> {
  await tx
    .insertInto("organization_categories")
    .values({ organization_id: scope.organizationId, category, added_at: at })
    .execute();
}

export async function removeCategory(tx: Tx, scope: OrgScope, category: CategoryId): Promise<void> {
  await tx
    .deleteFrom("organization_categories")
    .where("organization_id", "=", scope.organizationId)
    .where("category", "=", category)
    .execute();
}

export async function listExclusions(tx: Tx, scope: OrgScope): Promise<CriterionExclusion[]> {
  const rows = await tx
    .selectFrom("criterion_exclusions")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .execute();
  return rows.map((row) => ({
    criterionId: row.criterion_id,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

export async function upsertExclusion(
  tx: Tx,
  scope: OrgScope,
  exclusion: CriterionExclusion,
): Promise<void> {
  await tx
    .deleteFrom("criterion_exclusions")
    .where("organization_id", "=", scope.organizationId)
    .where("criterion_id", "=", exclusion.criterionId)
    .execute();
  await tx
    .insertInto("criterion_exclusions")
    .values({
      organization_id: scope.organizationId,
      criterion_id: exclusion.criterionId,
      reason: exclusion.reason,
      created_by: exclusion.createdBy,
      created_at: exclusion.createdAt,
    })
    .execute();
}

export async function deleteExclusion(tx: Tx, scope: OrgScope, criterionId: string): Promise<void> {
  await tx
    .deleteFrom("criterion_exclusions")
    .where("organization_id", "=", scope.organizationId)
    .where("criterion_id", "=", criterionId)
    .execute();
}

export async function deleteExclusions(
  tx: Tx,
  scope: OrgScope,
  criterionIds: readonly string[],
): Promise<void> {
  if (criterionIds.length === 0) return;
  await tx
    .deleteFrom("criterion_exclusions")
    .where("organization_id", "=", scope.organizationId)
    .where("criterion_id", "in", [...criterionIds])
    .execute();
}
