/**
 * Background checks: status, date and provider per person, with the provider's report filed
 * as evidence on HR-01 (the screening control). Only owners and admins read or record them
 * (background-check:*); each recording is an audit event. A check recorded as clear completes
 * the person's open "background check" onboarding step, with the report as its evidence.
 */
import { Readable } from "node:stream";
import { findControlByRef } from "../../db/controls.repo.ts";
import {
  completeStepRow,
  listBackgroundChecks,
  listSteps,
  saveBackgroundCheck,
} from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { authorize } from "../../domain/permissions.ts";
import type { BackgroundCheck } from "../../domain/person.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { addEvidence } from "./evidence.service.ts";
import { backgroundCheckInput } from "./people-inputs.ts";
import type { BackgroundCheckInput } from "./people-inputs.ts";
import { loadPerson, resolveEvidence } from "./people.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

export const SCREENING_CONTROL = "HR-01";

export async function getBackgroundCheck(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<BackgroundCheck | null> {
  authorize(actor, "background-check:read");
  return read(ctx.db, async (tx) => {
    const person = await loadPerson(tx, actor, key);
    return (await listBackgroundChecks(tx, scopeOf(actor), person.id))[0] ?? null;
  });
}

export async function recordBackgroundCheck(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: BackgroundCheckInput,
): Promise<BackgroundCheck> {
  authorize(actor, "background-check:manage");
  const data = parseInput(backgroundCheckInput, input);
  const { person, hasControl, today } = await read(ctx.db, async (tx) => ({
    person: await loadPerson(tx, actor, key),
    hasControl: (await findControlByRef(tx, scopeOf(actor), SCREENING_CONTROL)) !== undefined,
    today: await organizationToday(tx, actor, ctx.now()),
  }));
  // The report is stored first (a file is streamed outside the transaction); the check that
  // points at it is then written with its event.
  const filed =
    data.document === null
      ? null
      : await addEvidence(
          ctx,
          actor,
          {
            kind: "file",
            content: Readable.from(Buffer.from(data.document.contentBase64, "base64")),
            fileName: data.document.fileName,
            ...(data.document.mediaType === undefined
              ? {}
              : { mediaType: data.document.mediaType }),
          },
          {
            title: `Background check: ${person.name} (${data.provider})`,
            controls: hasControl ? [SCREENING_CONTROL] : [],
            forDate: data.checkedOn ?? today,
          },
        );
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const evidenceId = filed?.id ?? (await resolveEvidence(tx, actor, data.evidenceId));
    const earlier = (await listBackgroundChecks(tx, scope, person.id))[0];
    const check: BackgroundCheck = {
      id: earlier?.id ?? newId(),
      personId: person.id,
      status: data.status,
      checkedOn: data.checkedOn,
      provider: data.provider,
      evidenceId: evidenceId ?? earlier?.evidenceId ?? null,
      recordedBy: actor.name,
      createdAt: earlier?.createdAt ?? at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await saveBackgroundCheck(tx, scope, check, earlier !== undefined);
    if (check.status === "clear" || check.status === "not-required") {
      const open = (await listSteps(tx, scope, { personId: person.id, open: true })).find(
        (s) => s.checklist === "joiner" && s.step === "background-check",
      );
      if (open !== undefined) {
        await completeStepRow(tx, scope, {
          ...open,
          completedAt: at.toISOString(),
          completedBy: actor.id,
          completedName: actor.name,
          evidenceId: check.evidenceId,
          note: `Background check ${check.status} (${check.provider})`,
        });
      }
    }
    await recordEvent(
      tx,
      actor,
      "person.background-check-recorded",
      person.id,
      {
        email: person.email,
        status: check.status,
        checkedOn: check.checkedOn,
        provider: check.provider,
        evidence: check.evidenceId,
      },
      at,
    );
    return check;
  });
}
