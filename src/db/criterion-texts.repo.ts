import type { OrgScope } from "../domain/actor.ts";
import type { CriterionText } from "../domain/criterion-text.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { Tx } from "./transaction.ts";

/** Replaces the organization's licensed criteria text with a new import, as one set. */
export async function replaceCriterionTexts(
  tx: Tx,
  scope: OrgScope,
  texts: readonly CriterionText[],
  source: string,
  at: string,
): Promise<void> {
  await tx
    .deleteFrom("criterion_texts")
    .where("organization_id", "=", scope.organizationId)
    .execute();
  if (texts.length === 0) return;
  await tx
    .insertInto("criterion_texts")
    .values(
      texts.map((t) => ({
        organization_id: scope.organizationId,
        criterion_id: t.criterionId,
        text: t.text,
        points_of_focus: toDbJson(t.pointsOfFocus),
        source,
        imported_at: at,
      })),
    )
    .execute();
}

export async function listCriterionTexts(tx: Tx, scope: OrgScope): Promise<CriterionText[]> {
  const rows = await tx
    .selectFrom("criterion_texts")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .execute();
  return rows.map((row) => ({
    criterionId: row.criterion_id,
    text: row.text,
    pointsOfFocus: fromDbJson<string[]>(row.points_of_focus),
  }));
}
