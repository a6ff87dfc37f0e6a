/** The organization's controls: list, show with history, add, edit, map and unmap. */
import { z } from "zod";
import {
  CONTROL_AUTOMATIONS,
  CONTROL_FREQUENCIES,
  CONTROL_KINDS,
  OWNER_ROLES,
} from "../../catalog/index.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import {
  bumpControlVersion,
  deleteMapping,
  findControlByRef,
  insertControls,
  insertMappings,
  updateControlRow,
} from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { CONTROL_STATUSES, diffControl } from "../../domain/control.ts";
import type { Control, ControlChanges } from "../../domain/control.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import { recordHistory } from "../platform/audit-history.ts";
import type { RecordHistoryEntry } from "../platform/audit-history.ts";
import { auditorReach, reachCoversControl } from "../platform/auditor-reach.ts";
import type { ServiceContext } from "../platform/context.ts";
import { criterionId, oneOf, reason, requiredText } from "../platform/inputs.ts";
import { ref } from "./controls-read.ts";
import { loadScope } from "./scope-read.ts";
import { assertCriterionInScope } from "./scope.service.ts";
import { parseInput } from "../platform/validation.ts";

const controlFields = {
  title: requiredText(200),
  description: requiredText(4000),
  kind: oneOf(CONTROL_KINDS, "control kind"),
  automation: oneOf(CONTROL_AUTOMATIONS, "kind of automation"),
  frequency: oneOf(CONTROL_FREQUENCIES, "frequency"),
  ownerRole: oneOf(OWNER_ROLES, "owner role").nullable(),
  owner: requiredText(200).nullable(),
  suggestedEvidence: z.array(requiredText(500)).max(50),
  testProcedure: requiredText(4000),
};

export const createControlInput = z.object({
  ref,
  ...controlFields,
  ownerRole: controlFields.ownerRole.default(null),
  owner: controlFields.owner.default(null),
  suggestedEvidence: controlFields.suggestedEvidence.default([]),
  testProcedure: controlFields.testProcedure.default("To be written."),
  criteria: z.array(criterionId).default([]),
});
/** As callers hold it (strings from a form or a command line); the schema checks the values. */
export type CreateControlInput = z.input<typeof createControlInput>;

/** Every field a control is created with can change later, except its id and its mapping. */
export const updateControlInput = z
  .object({
    ...controlFields,
    status: oneOf(CONTROL_STATUSES, "control status"),
    reason: z.string().trim().max(2000),
  })
  .partial()
  .strict();
export type UpdateControlInput = z.input<typeof updateControlInput>;

/** One event of a control's history, in the audit log's words. */
export type ControlHistoryEntry = RecordHistoryEntry;

async function loadControl(tx: Tx, actor: Actor, controlRef: string): Promise<Control> {
  const normalized = controlRef.trim().toUpperCase();
  const control = await findControlByRef(tx, scopeOf(actor), normalized);
  if (control === undefined) throw notFound("control", controlRef);
  return control;
}

/** A control and its history; to an auditor, only one their engagements cover (else not found). */
export async function showControl(
  ctx: ServiceContext,
  actor: Actor,
  controlRef: string,
): Promise<{ control: Control; history: ControlHistoryEntry[] }> {
  authorize(actor, "control:read");
  return read(ctx.db, async (tx) => {
    const control = await loadControl(tx, actor, controlRef);
    const reach = await auditorReach(tx, actor);
    if (reach !== undefined && !reachCoversControl(reach, control)) {
      throw notFound("control", controlRef);
    }
    const events = await listAuditEvents(tx, scopeOf(actor), {
      targetType: "control",
      targetId: control.ref,
    });
    return { control, history: await recordHistory(tx, scopeOf(actor), events) };
  });
}

export async function createControl(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateControlInput,
): Promise<Control> {
  authorize(actor, "control:create");
  const data = parseInput(createControlInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = await loadScope(tx, actor);
    data.criteria.forEach((id, index) =>
      assertCriterionInScope(id, scope.categories, `criteria.${index}`),
    );
    if ((await findControlByRef(tx, scopeOf(actor), data.ref)) !== undefined) {
      throw new AppError("CONFLICT", `control "${data.ref}" already exists`, [
        { field: "ref", message: `"${data.ref}" is already used by another control` },
      ]);
    }
    const { ref: controlRef, criteria, ...fields } = data;
    const control: Control = {
      ...fields,
      id: newId(),
      ref: controlRef,
      templateId: null,
      status: "not-started",
      statusReason: null,
      version: 1,
      criteria: [...new Set(criteria)],
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await insertControls(tx, scopeOf(actor), [control]);
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...recorded } = control;
    await recordEvent(tx, actor, "control.created", control.ref, recorded, at);
    return control;
  });
}

/**
 * Not applicable needs a reason. Any other new status keeps a reason only if one is given;
 * repeating the current status without a reason leaves the stored reason alone.
 */
function statusChanges(
  control: Control,
  data: z.output<typeof updateControlInput>,
): ControlChanges {
  const status = data.status ?? control.status;
  if (status === "not-applicable") {
    const given = data.reason ?? (data.status === undefined ? control.statusReason : undefined);
    const parsed = reason.safeParse(given ?? "");
    if (!parsed.success) {
      throw invalidField(
        "reason",
        `marking ${control.ref} not applicable needs a reason: ` +
          (parsed.error.issues[0]?.message ?? "missing"),
      );
    }
    return { status, statusReason: parsed.data };
  }
  if (data.reason === undefined) {
    return data.status === undefined || data.status === control.status
      ? {}
      : { status, statusReason: null };
  }
  return { status, statusReason: data.reason === "" ? null : data.reason };
}

export async function updateControl(
  ctx: ServiceContext,
  actor: Actor,
  controlRef: string,
  input: UpdateControlInput,
): Promise<Control> {
  // The role first, so a caller who may not change controls cannot probe which refs exist.
  authorize(actor, "control:update");
  const data = parseInput(updateControlInput, input);
  if (Object.keys(data).length === 0) {
    const message = `nothing to change: give at least one of ${Object.keys(updateControlInput.shape).join(", ")}`;
    throw new AppError("VALIDATION_FAILED", message, [{ field: "input", message }]);
  }
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const control = await loadControl(tx, actor, controlRef);
    authorize(actor, "control:update", control);
    const { status: _s, reason: _r, ...fields } = data;
    const changes: ControlChanges = { ...fields, ...statusChanges(control, data) };
    const diff = diffControl(control, changes);
    if (Object.keys(diff).length === 0) return control;
    if (!(await updateControlRow(tx, scopeOf(actor), control, changes, at.toISOString()))) {
      throw new AppError("CONFLICT", `control "${control.ref}" was changed meanwhile; try again`);
    }
    await recordEvent(
      tx,
      actor,
      "control.updated",
      control.ref,
      { changes: diff, reason: data.reason ?? null },
      at,
    );
    return loadControl(tx, actor, control.ref);
  });
}

export async function mapControl(
  ctx: ServiceContext,
  actor: Actor,
  controlRef: string,
  input: { criterion: string },
): Promise<Control> {
  authorize(actor, "control:map");
  const { criterion } = parseInput(z.object({ criterion: criterionId }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const control = await loadControl(tx, actor, controlRef);
    authorize(actor, "control:map", control);
    assertCriterionInScope(criterion, (await loadScope(tx, actor)).categories);
    if (control.criteria.includes(criterion)) {
      throw new AppError("CONFLICT", `control "${control.ref}" is already mapped to ${criterion}`);
    }
    await insertMappings(
      tx,
      scopeOf(actor),
      [{ controlId: control.id, criterionId: criterion }],
      at.toISOString(),
    );
    await bumpVersionOrConflict(tx, actor, control, at);
    await recordEvent(tx, actor, "control.mapped", control.ref, { criteria: [criterion] }, at);
    return loadControl(tx, actor, control.ref);
  });
}

export async function unmapControl(
  ctx: ServiceContext,
  actor: Actor,
  controlRef: string,
  input: { criterion: string },
): Promise<Control> {
  authorize(actor, "control:map");
  const { criterion } = parseInput(z.object({ criterion: criterionId }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const control = await loadControl(tx, actor, controlRef);
    authorize(actor, "control:map", control);
    if (!control.criteria.includes(criterion)) {
      throw new AppError("INVALID_STATE", `control "${control.ref}" is not mapped to ${criterion}`);
    }
    await deleteMapping(tx, scopeOf(actor), { controlId: control.id, criterionId: criterion });
    await bumpVersionOrConflict(tx, actor, control, at);
    await recordEvent(tx, actor, "control.unmapped", control.ref, { criteria: [criterion] }, at);
    return loadControl(tx, actor, control.ref);
  });
}

async function bumpVersionOrConflict(
  tx: Tx,
  actor: Actor,
  control: Control,
  at: Date,
): Promise<void> {
  if (!(await bumpControlVersion(tx, scopeOf(actor), control, at.toISOString()))) {
    throw new AppError("CONFLICT", `control "${control.ref}" was changed meanwhile; try again`);
  }
}
