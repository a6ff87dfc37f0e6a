/** Lookups over the static catalog. Everything here is data shipped with Attest. */
import { CATEGORIES } from "./categories.ts";
import { CRITERIA } from "./criteria.ts";
import { DESCRIPTION_CRITERIA } from "./description-criteria.ts";
import type { Category, CategoryId, Criterion } from "./types.ts";

// The control library (./controls/index.ts) is imported where it is used, not from here:
// it is most of the catalog's size, and criteria lookups are needed almost everywhere.
export { CATEGORIES, CRITERIA, DESCRIPTION_CRITERIA };
export {
  CATEGORY_IDS,
  CONTROL_AUTOMATIONS,
  CONTROL_FREQUENCIES,
  CONTROL_KINDS,
  OWNER_ROLES,
} from "./types.ts";
export type {
  Category,
  CategoryId,
  ControlAutomation,
  ControlFrequency,
  ControlKind,
  ControlTemplate,
  Criterion,
  DescriptionCriterion,
  OwnerRole,
} from "./types.ts";
import { CATEGORY_IDS } from "./types.ts";

const criteriaById = new Map(CRITERIA.map((criterion) => [criterion.id, criterion]));
const categoriesById = new Map(CATEGORIES.map((category) => [category.id, category]));

export function findCriterion(id: string): Criterion | undefined {
  return criteriaById.get(id);
}

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

export function getCategory(id: CategoryId): Category {
  const category = categoriesById.get(id);
  if (category === undefined) throw new Error(`catalog has no category ${id}`);
  return category;
}

/** Criteria of the given categories, in catalog order. */
export function criteriaInCategories(categories: readonly CategoryId[]): Criterion[] {
  return CRITERIA.filter((criterion) => categories.includes(criterion.category));
}

/** Catalog position, for sorting criteria in the order the report lists them. */
export function criterionOrder(id: string): number {
  const index = CRITERIA.findIndex((criterion) => criterion.id === id);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
