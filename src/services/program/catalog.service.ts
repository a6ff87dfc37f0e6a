/**
 * The criteria as Attest ships them, plus the official wording where a licence holder has
 * imported it from their own file (stored per organization, never shipped).
 */
import { z } from "zod";
import { CRITERIA, findCriterion } from "../../catalog/index.ts";
import type { CategoryId, Criterion } from "../../catalog/index.ts";
import { listCriterionTexts, replaceCriterionTexts } from "../../db/criterion-texts.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { CriterionText } from "../../domain/criterion-text.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { categoryId, criterionId } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export interface CriterionView extends Criterion {
  officialText?: CriterionText;
}

export function listCatalogCriteria(filter: { category?: string } = {}): Criterion[] {
  const { category } = parseInput(z.object({ category: categoryId.optional() }), filter);
  return CRITERIA.filter((criterion) => category === undefined || criterion.category === category);
}

/** The catalog with the organization's imported official text attached where there is one. */
export async function listCriteriaForOrganization(
  ctx: ServiceContext,
  actor: Actor,
  filter: { category?: string } = {},
): Promise<CriterionView[]> {
  authorize(actor, "organization:read");
  const criteria = listCatalogCriteria(filter);
  const texts = await read(ctx.db, (tx) => listCriterionTexts(tx, scopeOf(actor)));
  const byId = new Map(texts.map((t) => [t.criterionId, t]));
  return criteria.map((criterion) => {
    const officialText = byId.get(criterion.id);
    return officialText === undefined ? criterion : { ...criterion, officialText };
  });
}

/** The file a licence holder provides: one entry per criterion, ids as in the catalog. */
const officialTextFile = z.object({
  criteria: z
    .array(
      z
        .object({
          id: criterionId,
          text: z.string().trim().min(1, "must not be empty").max(20_000),
          pointsOfFocus: z.array(z.string().trim().min(1)).max(50).default([]),
        })
        .strict(),
    )
    .min(1, "the file lists no criteria")
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, {
      error: "a criterion appears more than once",
    }),
});

export type OfficialTextFile = z.input<typeof officialTextFile>;

export async function importCriterionText(
  ctx: ServiceContext,
  actor: Actor,
  file: unknown,
  source: string,
): Promise<{ imported: number; replaced: number; categories: CategoryId[] }> {
  authorize(actor, "catalog-text:import");
  const data = parseInput(officialTextFile, file);
  const texts = data.criteria.map((c) => ({
    criterionId: c.id,
    text: c.text,
    pointsOfFocus: c.pointsOfFocus,
  }));
  const at = ctx.now();
  const replaced = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const previous = (await listCriterionTexts(tx, scopeOf(actor))).length;
    await replaceCriterionTexts(tx, scopeOf(actor), texts, source, at.toISOString());
    // The wording itself is licensed: the audit trail records the import, not the text.
    await recordEvent(
      tx,
      actor,
      "catalog-text.imported",
      "criteria",
      { source, criteria: texts.map((t) => t.criterionId), replaced: previous },
      at,
    );
    return previous;
  });
  const categories = [...new Set(texts.map((t) => findCriterion(t.criterionId)?.category))].filter(
    (c): c is CategoryId => c !== undefined,
  );
  return { imported: texts.length, replaced, categories };
}
