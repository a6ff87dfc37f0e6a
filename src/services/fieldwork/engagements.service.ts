/**
 * Audit engagements: create (Type 1 as of a date, Type 2 over a period), list, show, and move
 * through the audit's steps. Entering fieldwork freezes the controls and mappings tested.
 */
import { z } from "zod";
import { criteriaInCategories } from "../../catalog/index.ts";
import type { CategoryId } from "../../catalog/index.ts";
import { listControls } from "../../db/controls.repo.ts";
import {
  currentSample,
  findEngagement,
  insertEngagement,
  listEngagements as listEngagementRows,
  nextEngagementNumber,
  deleteControlTests,
  saveEngagementState,
  supersedeSamples,
} from "../../db/engagements.repo.ts";
import { newId } from "../../db/portable.ts";
import { listReportVersions } from "../../db/reports.repo.ts";
import { listShareLinks } from "../../db/sharing.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import {
  ENGAGEMENT_STATUSES,
  engagementLabel,
  nextStatus,
  statusIndex,
} from "../../domain/engagement.ts";
import type { Engagement, EngagementSnapshot, EngagementStatus } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { calendarDate, categoryId, oneOf, reason } from "../platform/inputs.ts";
import { checkDates, checkRange, gapBefore } from "./engagement-periods.ts";
import { loadScope } from "../program/scope-read.ts";
import { checkFieldworkComplete } from "./results.ts";
import { parseInput } from "../platform/validation.ts";

export const createEngagementInput = z
  .object({
    type: z.union([z.literal(1), z.literal(2), z.literal("1"), z.literal("2")], {
      error: "must be 1 (design at a date) or 2 (operating effectiveness over a period)",
    }),
    asOf: calendarDate.optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    categories: z.array(categoryId).optional(),
    auditFirm: z.string().trim().min(1, "name the audit firm").max(200),
    /** Why a Type 2 is shorter than six months or longer than twelve. */
    periodReason: reason.optional(),
    /** Starts the period after a gap since the previous Type 2, knowingly. */
    confirmGap: z.boolean().default(false),
  })
  .strict();
export type CreateEngagementInput = z.input<typeof createEngagementInput>;

export async function createEngagement(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateEngagementInput,
): Promise<Engagement> {
  authorize(actor, "engagement:manage");
  const data = parseInput(createEngagementInput, input);
  const type = Number(data.type) as 1 | 2;
  const at = ctx.now();
  checkRange(data, at);
  checkDates(data, type);
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = await loadScope(tx, actor);
    const categories = data.categories ?? scope.categories;
    categories.forEach((category, index) => {
      if (!scope.categories.includes(category)) {
        throw invalidField(
          `categories.${index}`,
          `"${category}" is not in the organization's scope`,
        );
      }
    });
    const ordered = scope.categories.filter((c) => categories.includes(c) || c === "security");
    const gap =
      type === 2 && data.from !== undefined
        ? gapBefore(await listEngagementRows(tx, scopeOf(actor)), data.from)
        : undefined;
    if (gap !== undefined && !data.confirmGap) {
      throw invalidField(
        "confirmGap",
        `the period starts on ${data.from ?? ""}, leaving ${gap.from} to ${gap.to} covered by no ` +
          `report after ${engagementLabel(gap.after)} (ended ${gap.after.periodTo ?? ""}); ` +
          `start it on ${gap.from}, or confirm the gap (--confirm-gap)`,
      );
    }
    const engagement: Engagement = {
      id: newId(),
      number: await nextEngagementNumber(tx, scopeOf(actor)),
      type,
      asOf: type === 1 ? (data.asOf ?? null) : null,
      periodFrom: type === 2 ? (data.from ?? null) : null,
      periodTo: type === 2 ? (data.to ?? null) : null,
      categories: ordered,
      auditFirm: data.auditFirm,
      // Auditors are the accounts assigned to the engagement; no names are typed any more.
      firmTeam: [],
      periodReason: type === 2 ? (data.periodReason ?? null) : null,
      status: "planning",
      snapshot: null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      version: 1,
    };
    await insertEngagement(tx, scopeOf(actor), engagement);
    const {
      snapshot: _s,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      firmTeam,
      ...rest
    } = engagement;
    // The event keeps its field name from before the team was renamed, so old events still read.
    const recorded = { ...rest, auditors: firmTeam };
    const confirmedGap = gap === undefined ? {} : { confirmedGap: { from: gap.from, to: gap.to } };
    await recordEvent(
      tx,
      actor,
      "engagement.created",
      engagement.id,
      { ...recorded, ...confirmedGap },
      at,
    );
    return engagement;
  });
}

/** An auditor reaches only the engagements assigned to them; others do not exist for them. */
export function visibleTo(actor: Actor, engagement: Engagement): boolean {
  return actor.role !== "auditor" || (actor.engagements ?? []).includes(engagement.id);
}

export async function loadEngagement(tx: Tx, actor: Actor, handle: string): Promise<Engagement> {
  const engagement = await findEngagement(tx, scopeOf(actor), handle);
  if (engagement === undefined || !visibleTo(actor, engagement)) {
    throw notFound("engagement", handle);
  }
  return engagement;
}

export async function listEngagements(ctx: ServiceContext, actor: Actor): Promise<Engagement[]> {
  authorize(actor, "engagement:read");
  const all = await read(ctx.db, (tx) => listEngagementRows(tx, scopeOf(actor)));
  return all.filter((engagement) => visibleTo(actor, engagement));
}

export async function showEngagement(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<Engagement> {
  authorize(actor, "engagement:read");
  return read(ctx.db, (tx) => loadEngagement(tx, actor, handle));
}

/** The controls and mappings an engagement tests, as they stand now. */
export async function takeSnapshot(
  tx: Tx,
  actor: Actor,
  categories: readonly CategoryId[],
  at: string,
): Promise<EngagementSnapshot> {
  const scope = await loadScope(tx, actor);
  const inScope = new Set(criteriaInCategories(categories).map((c) => c.id));
  const controls = (await listControls(tx, scopeOf(actor)))
    .map((c) => ({
      id: c.id,
      ref: c.ref,
      title: c.title,
      description: c.description,
      frequency: c.frequency,
      automation: c.automation,
      status: c.status,
      testProcedure: c.testProcedure,
      criteria: c.criteria.filter((id) => inScope.has(id)),
    }))
    .filter((c) => c.criteria.length > 0);
  return {
    takenAt: at,
    categories: [...categories],
    exclusions: scope.exclusions
      .filter((e) => inScope.has(e.criterionId))
      .map((e) => ({ criterionId: e.criterionId, reason: e.reason })),
    controls,
  };
}

/**
 * The report steps say where the report is, so they follow the report: final-report once a
 * version is finalized, distributed once one is shared. Finalizing and sharing move them.
 */
async function checkReportStep(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  to: EngagementStatus,
): Promise<void> {
  const label = engagementLabel(engagement);
  const scope = scopeOf(actor);
  if (to === "final-report" && (await listReportVersions(tx, scope, engagement.id)).length === 0) {
    throw new AppError(
      "INVALID_STATE",
      `${label} has no final report yet: finalize it (attest report finalize ${label})`,
    );
  }
  if (to === "distributed" && (await listShareLinks(tx, scope, engagement.id)).length === 0) {
    throw new AppError(
      "INVALID_STATE",
      `${label}'s final report is not shared yet: share it (attest report share ${label})`,
    );
  }
}

export const advanceEngagementInput = z
  .object({
    to: oneOf(ENGAGEMENT_STATUSES, "engagement status").optional(),
    reason: reason.optional(),
  })
  .strict();

/**
 * Forward one step at a time; back to any earlier step with a reason. Going back before
 * fieldwork discards the frozen scope and the sample, so fieldwork starts afresh.
 */
export async function advanceEngagement(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof advanceEngagementInput> = {},
): Promise<Engagement> {
  authorize(actor, "engagement:manage");
  const data = parseInput(advanceEngagementInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const from = engagement.status;
    const to: EngagementStatus | null = data.to ?? nextStatus(from);
    if (to === null)
      throw new AppError("INVALID_STATE", `${engagementLabel(engagement)} is already ${from}`);
    const step = statusIndex(to) - statusIndex(from);
    if (step === 0)
      throw new AppError("INVALID_STATE", `${engagementLabel(engagement)} is already ${to}`);
    if (step > 1) {
      throw new AppError(
        "INVALID_STATE",
        `${engagementLabel(engagement)} cannot skip from ${from} to ${to}; the next step is ${nextStatus(from) ?? "none"}`,
      );
    }
    if (step < 0 && data.reason === undefined) {
      throw invalidField("reason", `going back from ${from} to ${to} needs a reason`);
    }
    const fieldwork = statusIndex("fieldwork");
    let snapshot = engagement.snapshot;
    let discarded = false;
    let discardedTests = 0;
    if (statusIndex(to) < fieldwork && snapshot !== null) {
      snapshot = null;
      discarded = (await currentSample(tx, scopeOf(actor), engagement.id)) !== undefined;
      await supersedeSamples(tx, scopeOf(actor), engagement.id, at.toISOString());
      discardedTests = await deleteControlTests(tx, scopeOf(actor), engagement.id);
    }
    if (from === "fieldwork" && step > 0) await checkFieldworkComplete(tx, actor, engagement);
    if (step > 0) await checkReportStep(tx, actor, engagement, to);
    if (to === "fieldwork" && snapshot === null) {
      snapshot = await takeSnapshot(tx, actor, engagement.categories, at.toISOString());
    }
    const next = { ...engagement, status: to, snapshot };
    if (!(await saveEngagementState(tx, scopeOf(actor), next, at.toISOString()))) {
      throw new AppError(
        "CONFLICT",
        `${engagementLabel(engagement)} was changed meanwhile; try again`,
      );
    }
    await recordEvent(
      tx,
      actor,
      step > 0 ? "engagement.advanced" : "engagement.reverted",
      engagement.id,
      {
        from,
        to,
        reason: data.reason ?? null,
        ...(to === "fieldwork" && engagement.snapshot === null && snapshot !== null
          ? {
              frozenControls: snapshot.controls.length,
              snapshotSha256: sha256Hex(canonicalJson(snapshot)),
            }
          : {}),
        ...(discarded ? { discardedSample: true } : {}),
        ...(discardedTests > 0 ? { discardedTests } : {}),
      },
      at,
    );
    return { ...next, version: engagement.version + 1, updatedAt: at.toISOString() };
  });
}
