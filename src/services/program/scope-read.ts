/**
 * The scope as stored: categories in the order the report lists them, and the exclusions of
 * criteria in those categories. Apart from scope.service.ts (its changes and their input
 * schemas), so that readiness and other readers load no validation.
 */
import { criterionOrder, findCriterion } from "../../catalog/index.ts";
import type { CategoryId } from "../../catalog/index.ts";
import { listCategories, listExclusions } from "../../db/scope.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Scope } from "../../domain/organization.ts";

const CATEGORY_ORDER: readonly CategoryId[] = [
  "security",
  "availability",
  "processing-integrity",
  "confidentiality",
  "privacy",
];

export async function loadScope(tx: Tx, actor: Actor): Promise<Scope> {
  const scope = scopeOf(actor);
  const stored = await listCategories(tx, scope);
  const categories = CATEGORY_ORDER.filter((c) => stored.includes(c));
  const exclusions = await listExclusions(tx, scope);
  return {
    categories,
    exclusions: exclusions
      .filter((e) => {
        const criterion = findCriterion(e.criterionId);
        return criterion !== undefined && categories.includes(criterion.category);
      })
      .sort((a, b) => criterionOrder(a.criterionId) - criterionOrder(b.criterionId)),
  };
}
