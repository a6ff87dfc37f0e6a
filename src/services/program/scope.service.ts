/** What the SOC 2 covers: categories in scope and criteria marked not relevant. */
import { z } from "zod";
import { findCriterion, getCategory } from "../../catalog/index.ts";
import type { CategoryId } from "../../catalog/index.ts";
import {
  addCategory,
  deleteExclusion,
  deleteExclusions,
  removeCategory,
  upsertExclusion,
} from "../../db/scope.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import type { Scope } from "../../domain/organization.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { categoryId, criterionId, reason } from "../platform/inputs.ts";
import { adoptLibrary } from "./library.ts";
import { loadScope } from "./scope-read.ts";
import { parseInput } from "../platform/validation.ts";

export async function getScope(ctx: ServiceContext, actor: Actor): Promise<Scope> {
  authorize(actor, "scope:read");
  return read(ctx.db, (tx) => loadScope(tx, actor));
}

/** Adding a category also adopts the library's controls for it. */
export async function addScopeCategory(
  ctx: ServiceContext,
  actor: Actor,
  input: { category: string },
): Promise<Scope> {
  authorize(actor, "scope:update");
  const { category } = parseInput(z.object({ category: categoryId }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await loadScope(tx, actor);
    if (current.categories.includes(category)) {
      throw new AppError("CONFLICT", `category "${category}" is already in scope`);
    }
    await addCategory(tx, scopeOf(actor), category, at.toISOString());
    await recordEvent(tx, actor, "scope.category-added", category, {}, at);
    await adoptLibrary(tx, actor, [...current.categories, category], at, [category]);
    return loadScope(tx, actor);
  });
}

/** Controls and mappings stay; the category's criteria simply leave the readiness picture. */
export async function removeScopeCategory(
  ctx: ServiceContext,
  actor: Actor,
  input: { category: string; reason?: string },
): Promise<Scope> {
  authorize(actor, "scope:update");
  const data = parseInput(
    z.object({ category: categoryId, reason: z.string().trim().optional() }),
    input,
  );
  if (getCategory(data.category).alwaysInScope) {
    throw invalidField(
      "category",
      `"${data.category}" cannot be removed: the common criteria are part of every SOC 2`,
    );
  }
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await loadScope(tx, actor);
    if (!current.categories.includes(data.category)) {
      throw new AppError("INVALID_STATE", `category "${data.category}" is not in scope`);
    }
    // Not-relevant marks go with the category: re-adding it later starts from a clean slate.
    const dropped = current.exclusions.filter(
      (e) => findCriterion(e.criterionId)?.category === data.category,
    );
    await removeCategory(tx, scopeOf(actor), data.category);
    await deleteExclusions(
      tx,
      scopeOf(actor),
      dropped.map((e) => e.criterionId),
    );
    await recordEvent(
      tx,
      actor,
      "scope.category-removed",
      data.category,
      { reason: data.reason ?? null, droppedNotRelevant: dropped },
      at,
    );
    return loadScope(tx, actor);
  });
}

export async function markCriterionNotRelevant(
  ctx: ServiceContext,
  actor: Actor,
  input: { criterion: string; reason: string },
): Promise<Scope> {
  authorize(actor, "scope:update");
  const data = parseInput(z.object({ criterion: criterionId, reason }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await loadScope(tx, actor);
    assertCriterionInScope(data.criterion, current.categories);
    await upsertExclusion(tx, scopeOf(actor), {
      criterionId: data.criterion,
      reason: data.reason,
      createdBy: actor.name,
      createdAt: at.toISOString(),
    });
    await recordEvent(
      tx,
      actor,
      "scope.criterion-not-relevant",
      data.criterion,
      { reason: data.reason },
      at,
    );
    return loadScope(tx, actor);
  });
}

export async function markCriterionRelevant(
  ctx: ServiceContext,
  actor: Actor,
  input: { criterion: string },
): Promise<Scope> {
  authorize(actor, "scope:update");
  const data = parseInput(z.object({ criterion: criterionId }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await loadScope(tx, actor);
    if (!current.exclusions.some((e) => e.criterionId === data.criterion)) {
      throw new AppError("INVALID_STATE", `"${data.criterion}" is not marked not relevant`);
    }
    await deleteExclusion(tx, scopeOf(actor), data.criterion);
    await recordEvent(tx, actor, "scope.criterion-relevant", data.criterion, {}, at);
    return loadScope(tx, actor);
  });
}

export function assertCriterionInScope(
  id: string,
  categories: readonly CategoryId[],
  field = "criterion",
): void {
  const criterion = findCriterion(id);
  if (criterion !== undefined && !categories.includes(criterion.category)) {
    throw invalidField(
      field,
      `"${id}" belongs to ${criterion.category}, which is not in scope ` +
        `(add it first: attest scope --add ${criterion.category})`,
    );
  }
}
