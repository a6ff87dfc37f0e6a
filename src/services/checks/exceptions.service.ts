/**
 * Exceptions: a failing resource excused on one check, with a reason, an approver and an
 * expiry. Until its expiry day has passed (or it is revoked) the resource counts as excepted,
 * not failing, in results, readiness and tasks; after that it fails again without anyone
 * having to remember it.
 */
import { z } from "zod";
import {
  insertException,
  listExceptions,
  nextExceptionNumber,
  revokeException as revokeExceptionRow,
} from "../../db/checks.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { EXCEPTION_REF_PATTERN, exceptionRef, isInForce } from "../../domain/checks/outcome.ts";
import type { CheckException } from "../../domain/checks/outcome.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { checkById } from "../../integrations/checks.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { calendarDate, reason, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { organizationToday } from "../platform/organization-day.ts";

/** An exception is looked at again at least yearly: a longer expiry is refused. */
const MAX_DAYS = 366;

export const addExceptionInput = z
  .object({
    check: requiredText(200),
    resource: requiredText(1000).describe("the resource id as the result names it"),
    reason,
    /** Who approved it; the person recording it when not given. */
    approver: requiredText(200).optional(),
    until: calendarDate.describe("the last day the exception holds (YYYY-MM-DD)"),
  })
  .strict();
export type AddExceptionInput = z.input<typeof addExceptionInput>;

export const revokeExceptionInput = z.object({ reason }).strict();
export type RevokeExceptionInput = z.input<typeof revokeExceptionInput>;

export interface ExceptionView extends CheckException {
  inForce: boolean;
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export async function listExceptionsOf(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ExceptionView[]> {
  authorize(actor, "check:read");
  return read(ctx.db, async (tx) => {
    const today = await organizationToday(tx, actor, ctx.now());
    return (await listExceptions(tx, scopeOf(actor))).map((e) => ({
      ...e,
      inForce: isInForce(e, today),
    }));
  });
}

export async function addException(
  ctx: ServiceContext,
  actor: Actor,
  input: AddExceptionInput,
): Promise<ExceptionView> {
  authorize(actor, "check:except");
  const data = parseInput(addExceptionInput, input);
  const check = checkById(data.check);
  if (check === undefined) throw invalidField("check", `no check "${data.check}"`);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const today = await organizationToday(tx, actor, at);
    if (data.until < today) {
      throw invalidField("until", `${data.until} has passed (today is ${today})`);
    }
    if (days(today, data.until) > MAX_DAYS) {
      throw invalidField("until", `at most a year out: review the exception again by then`);
    }
    const existing = (await listExceptions(tx, scope)).find(
      (e) => e.checkId === check.id && e.resourceId === data.resource && isInForce(e, today),
    );
    if (existing !== undefined) {
      throw new AppError(
        "CONFLICT",
        `${existing.ref} already excepts ${data.resource} on ${check.id} until ${existing.expiresOn}: revoke it first`,
      );
    }
    const number = await nextExceptionNumber(tx, scope);
    const exception: CheckException = {
      id: newId(),
      ref: exceptionRef(number),
      checkId: check.id,
      resourceId: data.resource,
      reason: data.reason,
      approver: data.approver ?? actor.email ?? actor.name,
      expiresOn: data.until,
      createdBy: actor.email ?? actor.name,
      createdAt: at.toISOString(),
      revokedBy: null,
      revokedAt: null,
      revokedReason: null,
    };
    await insertException(tx, scope, number, exception);
    await recordEvent(
      tx,
      actor,
      "check-exception.added",
      exception.ref,
      {
        check: check.id,
        resource: exception.resourceId,
        reason: exception.reason,
        approver: exception.approver,
        expiresOn: exception.expiresOn,
      },
      at,
    );
    return { ...exception, inForce: true };
  });
}

export async function revokeException(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: RevokeExceptionInput,
): Promise<ExceptionView> {
  authorize(actor, "check:except");
  const data = parseInput(revokeExceptionInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const match = EXCEPTION_REF_PATTERN.exec(key.trim());
    const exception = (await listExceptions(tx, scope)).find((e) =>
      match === null ? e.id === key.trim() : e.ref === exceptionRef(Number(match[1])),
    );
    if (exception === undefined) throw notFound("exception", key);
    if (exception.revokedAt !== null) {
      throw new AppError("CONFLICT", `${exception.ref} was already revoked`);
    }
    const revoked = { by: actor.email ?? actor.name, at: at.toISOString(), reason: data.reason };
    await revokeExceptionRow(tx, scope, exception.id, revoked);
    await recordEvent(
      tx,
      actor,
      "check-exception.revoked",
      exception.ref,
      { check: exception.checkId, resource: exception.resourceId, reason: data.reason },
      at,
    );
    return {
      ...exception,
      revokedBy: revoked.by,
      revokedAt: revoked.at,
      revokedReason: revoked.reason,
      inForce: false,
    };
  });
}
