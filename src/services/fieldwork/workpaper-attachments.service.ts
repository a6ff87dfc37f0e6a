/**
 * The auditor's own files on a workpaper: what they kept while testing (a screenshot, a
 * re-performance, a query they ran). The bytes go to the same content-addressed store as
 * evidence, but the record lives only in workpaper_attachments, which no evidence path reads,
 * and every function here admits the auditor alone: a company role (even the owner, who
 * holds every other engagement right) is refused before anything is read.
 */
import type { Readable } from "node:stream";
import { z } from "zod";
import { currentSample } from "../../db/engagements.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { getAttachment, insertAttachment, listAttachments } from "../../db/workpapers.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import type { WorkpaperAttachment } from "../../domain/workpaper.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { loadEngagement } from "./engagements.service.ts";
import { frozenControl } from "./testing.service.ts";

export const attachInput = z
  .object({
    control: z.string().trim().min(1),
    /** The sampled item it supports; left out for the control's workpaper as a whole. */
    item: z.string().trim().min(1).optional(),
  })
  .strict();

export interface AttachmentContent {
  content: Readable;
  fileName: string;
  mediaType?: string;
}

/**
 * The role table already keeps the action from every company role; this says so again in
 * words, so that a future change to the table cannot open the auditor's files by accident.
 */
function auditorOnly(actor: Actor): void {
  authorize(actor, "workpaper:attach");
  if (actor.role !== "auditor") {
    throw new AppError(
      "FORBIDDEN",
      "workpaper attachments are the auditor's own files: only the assigned auditor reads them",
    );
  }
}

function cleanName(fileName: string): string {
  const name = fileName.replace(/[\\/]/g, "_").trim();
  if (name === "" || name.length > 255) {
    throw invalidField("file", "give the file a name of 1 to 255 characters");
  }
  return name;
}

export async function attachToWorkpaper(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof attachInput>,
  file: AttachmentContent,
): Promise<WorkpaperAttachment> {
  auditorOnly(actor);
  const data = parseInput(attachInput, input);
  const fileName = cleanName(file.fileName);
  // Checked before the bytes are stored, so a refused call leaves nothing behind.
  await read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    frozenControl(engagement, data.control, ["draft-report"]);
  });
  const stored = await ctx.blobs.put(file.content, ctx.maxEvidenceBytes);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const control = frozenControl(engagement, data.control, ["draft-report"]);
    if (data.item !== undefined) {
      const sample = await currentSample(tx, scope, engagement.id);
      const drawn = sample?.controls.find((c) => c.controlRef === control.ref);
      if (drawn === undefined || !drawn.items.includes(data.item)) {
        throw invalidField("item", `"${data.item}" is not in ${control.ref}'s sample`);
      }
    }
    const attachment: WorkpaperAttachment = {
      id: newId(),
      controlRef: control.ref,
      itemKey: data.item ?? null,
      fileName,
      mediaType: file.mediaType ?? "application/octet-stream",
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: actor.name,
      uploadedByEmail: actor.email ?? null,
      uploadedAt: at.toISOString(),
    };
    await insertAttachment(tx, scope, engagement.id, attachment);
    await recordEvent(
      tx,
      actor,
      "engagement.workpaper-attached",
      engagement.id,
      {
        controlRef: control.ref,
        itemKey: attachment.itemKey,
        attachment: attachment.id,
        sha256: attachment.sha256,
        size: attachment.size,
      },
      at,
    );
    return attachment;
  });
}

export async function listWorkpaperAttachments(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  control?: string,
): Promise<WorkpaperAttachment[]> {
  auditorOnly(actor);
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const ref =
      control === undefined
        ? undefined
        : frozenControl(engagement, control, ["draft-report", "final-report", "distributed"]).ref;
    return listAttachments(tx, scopeOf(actor), engagement.id, ref);
  });
}

/** The file's bytes, checked against its SHA-256 as they stream. */
export async function readWorkpaperAttachment(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  id: string,
): Promise<{ attachment: WorkpaperAttachment; content: Readable }> {
  auditorOnly(actor);
  const attachment = await read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    return getAttachment(tx, scopeOf(actor), engagement.id, id);
  });
  if (attachment === undefined) throw notFound("workpaper attachment", id);
  return { attachment, content: await ctx.blobs.get(attachment.sha256) };
}
