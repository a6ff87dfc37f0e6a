/**
 * Evidence: add (file, link or record), link to more controls, list, show, read back, and
 * remove with a tombstone. The file is stored before its row is written: a crash in between
 * leaves an unreferenced but whole file, never a row that points at nothing.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { findControlByRef } from "../../db/controls.repo.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { listEngagements as listEngagementRows } from "../../db/engagements.repo.ts";
import {
  findEvidence,
  insertEvidence,
  linkEvidence as insertLinks,
  listEvidence as listEvidenceRows,
  tombstoneEvidence,
} from "../../db/evidence.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import type { Control } from "../../domain/control.ts";
import { evidenceWindow } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { EARLIEST_EVIDENCE_DATE, EVIDENCE_SOURCES } from "../../domain/evidence.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { localDate } from "../../domain/periods.ts";
import { NO_CONTROL, authorize, can } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import { recordHistory } from "../platform/audit-history.ts";
import type { RecordHistoryEntry } from "../platform/audit-history.ts";
import type { ServiceContext } from "../platform/context.ts";
import { boundedJson, calendarDate, oneOf, reason } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export const metadataInput = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(300),
    source: oneOf(EVIDENCE_SOURCES, "evidence source").default("manual"),
    controls: z.array(z.string().trim().min(1)).max(100).default([]),
    forDate: calendarDate.optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const hasDate = value.forDate !== undefined;
    const hasPeriod = value.from !== undefined || value.to !== undefined;
    if (hasDate === hasPeriod) {
      ctx.addIssue({
        code: "custom",
        path: ["forDate"],
        message: "say what the evidence is for: one date (--for) or a period (--from and --to)",
      });
    } else if (hasPeriod && (value.from === undefined || value.to === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [value.from === undefined ? "from" : "to"],
        message: "a period needs both --from and --to",
      });
    } else if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `ends (${value.to}) before it starts (${value.from})`,
      });
    }
  });
export type EvidenceMetadata = z.input<typeof metadataInput>;

export const recordInput = z
  .object({ kind: z.string().trim().min(1).max(100), data: boundedJson })
  .strict()
  .refine((value) => value.data !== undefined, { error: "a record needs data" });

export type EvidenceContent =
  | { kind: "file"; content: Readable; fileName: string; mediaType?: string }
  | { kind: "link"; url: string }
  | { kind: "record"; record: unknown };

async function loadControl(tx: Tx, actor: Actor, ref: string, field = "control"): Promise<Control> {
  const control = await findControlByRef(tx, scopeOf(actor), ref.trim().toUpperCase());
  if (control === undefined) throw invalidField(field, `unknown control "${ref}"`);
  return control;
}

export async function loadControls(
  tx: Tx,
  actor: Actor,
  refs: readonly string[],
): Promise<Control[]> {
  const controls: Control[] = [];
  for (const [index, ref] of refs.entries()) {
    const control = await loadControl(tx, actor, ref, `controls.${index}`);
    if (!controls.some((c) => c.id === control.id)) controls.push(control);
  }
  return controls;
}

/** Dates must be real and not in the organization's future: evidence records what happened. */
export async function checkDates(
  tx: Tx,
  actor: Actor,
  from: string,
  to: string,
  now: Date,
): Promise<void> {
  const organization = await getOrganization(tx, scopeOf(actor));
  checkDatesOn(from, to, localDate(now, organization.timeZone), organization.timeZone);
}

/** The same check against a known local date (a batch reads the organization once). */
export function checkDatesOn(from: string, to: string, today: string, timeZone: string): void {
  if (to > today) {
    throw invalidField("to", `${to} is in the future (today is ${today} in ${timeZone})`);
  }
  if (from < EARLIEST_EVIDENCE_DATE) {
    throw invalidField("from", `${from} is before ${EARLIEST_EVIDENCE_DATE}; check the date`);
  }
}

export type Prepared = Pick<
  EvidenceItem,
  "kind" | "sha256" | "size" | "mediaType" | "fileName" | "url" | "recordKind" | "recordData"
>;

export async function prepareContent(
  ctx: ServiceContext,
  content: EvidenceContent,
): Promise<Prepared> {
  const none = { mediaType: null, fileName: null, url: null, recordKind: null, recordData: null };
  if (content.kind === "link") {
    const url = parseInput(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
      content.url,
    );
    return { ...none, kind: "link", url, sha256: sha256Hex(url), size: Buffer.byteLength(url) };
  }
  if (content.kind === "record") {
    const record = parseInput(recordInput, content.record);
    const json = canonicalJson(record.data);
    return {
      ...none,
      kind: "record",
      recordKind: record.kind,
      recordData: record.data,
      sha256: sha256Hex(json),
      size: Buffer.byteLength(json),
    };
  }
  const stored = await ctx.blobs.put(content.content, ctx.maxEvidenceBytes);
  return {
    ...none,
    kind: "file",
    fileName: content.fileName,
    mediaType: content.mediaType ?? "application/octet-stream",
    ...stored,
  };
}

export async function addEvidence(
  ctx: ServiceContext,
  actor: Actor,
  content: EvidenceContent,
  metadata: EvidenceMetadata,
): Promise<EvidenceItem> {
  authorize(actor, "evidence:create");
  const meta = parseInput(metadataInput, metadata);
  // The schema guarantees either forDate or both from and to.
  const from = meta.forDate ?? meta.from ?? "";
  const to = meta.forDate ?? meta.to ?? "";
  const check = async (tx: Tx): Promise<Control[]> => {
    const controls = await loadControls(tx, actor, meta.controls);
    for (const control of controls) authorize(actor, "evidence:create", control);
    if (controls.length === 0 && !can(actor, "evidence:create", NO_CONTROL)) {
      const message = "name a control you own: your evidence is linked to one of your controls";
      throw new AppError("FORBIDDEN", `controls: ${message}`, [{ field: "controls", message }]);
    }
    await checkDates(tx, actor, from, to, ctx.now());
    return controls;
  };
  // A file is checked before a byte of it is stored; links and records, in the transaction.
  if (content.kind === "file") await read(ctx.db, check);
  const prepared = await prepareContent(ctx, content);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) =>
    writeEvidence(tx, actor, { ...meta, from, to }, prepared, await check(tx), at),
  );
}

/**
 * The row, its links and its `evidence.added` event, inside the caller's transaction: an
 * upload's or an import batch's item (the batch service calls this).
 */
export async function storeEvidence(
  tx: Tx,
  actor: Actor,
  prepared: Prepared,
  meta: { title: string; source: EvidenceItem["source"]; from: string; to: string },
  controls: readonly Control[],
  at: Date,
): Promise<EvidenceItem> {
  return writeEvidence(tx, actor, meta, prepared, controls, at);
}

/** The row, its links and its event: one item as the trail and reconciliation know it. */
async function writeEvidence(
  tx: Tx,
  actor: Actor,
  meta: { title: string; source: EvidenceItem["source"]; from: string; to: string },
  prepared: Prepared,
  controls: readonly Control[],
  at: Date,
): Promise<EvidenceItem> {
  const { from, to } = meta;
  const item: EvidenceItem = {
    id: newId(),
    title: meta.title,
    source: meta.source,
    ...prepared,
    forFrom: from,
    forTo: to,
    addedBy: actor.name,
    addedAt: at.toISOString(),
    removedAt: null,
    removedBy: null,
    removedReason: null,
    controls: controls.map((c) => c.ref),
  };
  await insertEvidence(tx, scopeOf(actor), item);
  await insertLinks(
    tx,
    scopeOf(actor),
    item.id,
    controls.map((c) => c.id),
    actor.name,
    item.addedAt,
  );
  await recordEvent(
    tx,
    actor,
    "evidence.added",
    item.id,
    {
      kind: item.kind,
      title: item.title,
      source: item.source,
      sha256: item.sha256,
      size: item.size,
      for: { from, to },
      controls: item.controls,
    },
    at,
  );
  return item;
}

/** A file Attest generated (a risk assessment's PDF), as an evidence item: its bytes. */
export interface GeneratedFile {
  title: string;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/**
 * Stores a generated file's bytes, before the transaction that records it (as uploads are:
 * a crash in between leaves an unreferenced whole file, never a row pointing at nothing).
 */
export async function storeGeneratedFile(
  ctx: ServiceContext,
  file: GeneratedFile,
): Promise<Prepared> {
  return prepareContent(ctx, {
    kind: "file",
    content: Readable.from([file.bytes]),
    fileName: file.fileName,
    mediaType: file.mediaType,
  });
}

/**
 * Records a stored generated file as evidence inside the caller's transaction, for the
 * controls named that the organization has (the others are left out), dated `forDate`.
 * Its `evidence.added` event is the same as an upload's, with the source "automated".
 */
export async function recordGeneratedEvidence(
  tx: Tx,
  actor: Actor,
  title: string,
  stored: Prepared,
  forDate: string,
  controlRefs: readonly string[],
  at: Date,
): Promise<EvidenceItem> {
  authorize(actor, "evidence:create");
  const controls = await existingControls(tx, actor, controlRefs);
  for (const control of controls) authorize(actor, "evidence:create", control);
  return fileGenerated(tx, actor, title, stored, forDate, controls, at);
}

/**
 * As recordGeneratedEvidence, for a record that an act the caller has already authorized
 * files on fixed controls the actor need not own: a vendor's owner reviewing their vendor
 * files the review on RM-06 and RM-07, whoever owns those controls.
 */
export async function recordEvidenceOfAct(
  tx: Tx,
  actor: Actor,
  title: string,
  stored: Prepared,
  forDate: string,
  controlRefs: readonly string[],
  at: Date,
): Promise<EvidenceItem> {
  const controls = await existingControls(tx, actor, controlRefs);
  return fileGenerated(tx, actor, title, stored, forDate, controls, at);
}

async function existingControls(tx: Tx, actor: Actor, refs: readonly string[]): Promise<Control[]> {
  const controls: Control[] = [];
  for (const ref of refs) {
    const control = await findControlByRef(tx, scopeOf(actor), ref);
    if (control !== undefined) controls.push(control);
  }
  return controls;
}

function fileGenerated(
  tx: Tx,
  actor: Actor,
  title: string,
  stored: Prepared,
  forDate: string,
  controls: readonly Control[],
  at: Date,
): Promise<EvidenceItem> {
  return writeEvidence(
    tx,
    actor,
    { title, source: "automated", from: forDate, to: forDate },
    stored,
    controls,
    at,
  );
}

type Window = { from: string; to: string };

/** For an auditor, the periods of their engagements; null for everyone else (no limit). */
async function auditorWindows(tx: Tx, actor: Actor): Promise<Window[] | null> {
  if (actor.role !== "auditor") return null;
  const assigned = new Set(actor.engagements ?? []);
  const engagements = await listEngagementRows(tx, scopeOf(actor));
  return engagements.filter((e) => assigned.has(e.id)).map(evidenceWindow);
}

function insideWindows(item: EvidenceItem, windows: Window[] | null): boolean {
  return windows === null || windows.some((w) => item.forFrom <= w.to && item.forTo >= w.from);
}

async function loadEvidence(tx: Tx, actor: Actor, id: string): Promise<EvidenceItem> {
  const found = await findEvidence(tx, scopeOf(actor), id.trim().toLowerCase());
  if (found.length > 1) {
    throw invalidField("id", `"${id}" matches several evidence items; give more characters`);
  }
  const item = found[0];
  if (item === undefined || !insideWindows(item, await auditorWindows(tx, actor))) {
    throw notFound("evidence", id);
  }
  return item;
}

export async function listEvidence(
  ctx: ServiceContext,
  actor: Actor,
  filter: { control?: string; includeRemoved?: boolean } = {},
): Promise<EvidenceItem[]> {
  authorize(actor, "evidence:read");
  return read(ctx.db, async (tx) => {
    let controlId: string | undefined;
    if (filter.control !== undefined) {
      const control = await findControlByRef(tx, scopeOf(actor), filter.control.toUpperCase());
      if (control === undefined)
        throw invalidField("control", `unknown control "${filter.control}"`);
      controlId = control.id;
    }
    const items = await listEvidenceRows(tx, scopeOf(actor), {
      ...(controlId === undefined ? {} : { controlId }),
      includeRemoved: filter.includeRemoved ?? false,
    });
    const windows = await auditorWindows(tx, actor);
    return items.filter((item) => insideWindows(item, windows));
  });
}

/** One event of an evidence item's history, in the audit log's words. */
export type EvidenceHistoryEntry = RecordHistoryEntry;

export async function showEvidence(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ evidence: EvidenceItem; history: EvidenceHistoryEntry[] }> {
  authorize(actor, "evidence:read");
  return read(ctx.db, async (tx) => {
    const evidence = await loadEvidence(tx, actor, id);
    const events = await listAuditEvents(tx, scopeOf(actor), {
      targetType: "evidence",
      targetId: evidence.id,
    });
    return { evidence, history: await recordHistory(tx, scopeOf(actor), events) };
  });
}

/** The file's bytes, checked against its SHA-256 as they stream. */
export async function readEvidenceFile(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ evidence: EvidenceItem; content: Readable }> {
  authorize(actor, "evidence:read");
  const evidence = await read(ctx.db, (tx) => loadEvidence(tx, actor, id));
  if (evidence.kind !== "file") {
    throw new AppError(
      "INVALID_STATE",
      `evidence ${evidence.id} is a ${evidence.kind}, not a file`,
    );
  }
  return { evidence, content: await ctx.blobs.get(evidence.sha256) };
}

export async function linkEvidenceToControl(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  controlRef: string,
): Promise<EvidenceItem> {
  // The role first, so a caller who may not link evidence cannot probe which items exist.
  authorize(actor, "evidence:link");
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const evidence = await loadEvidence(tx, actor, id);
    const control = await loadControl(tx, actor, controlRef);
    authorize(actor, "evidence:link", control);
    if (evidence.removedAt !== null) {
      throw new AppError(
        "INVALID_STATE",
        `evidence ${evidence.id} was removed; it cannot be linked`,
      );
    }
    if (evidence.controls.includes(control.ref)) {
      throw new AppError("CONFLICT", `evidence ${evidence.id} already serves ${control.ref}`);
    }
    await insertLinks(tx, scopeOf(actor), evidence.id, [control.id], actor.name, at.toISOString());
    await recordEvent(tx, actor, "evidence.linked", evidence.id, { control: control.ref }, at);
    return loadEvidence(tx, actor, evidence.id);
  });
}

export async function removeEvidence(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<EvidenceItem> {
  authorize(actor, "evidence:remove");
  const data = parseInput(z.object({ reason }), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const evidence = await loadEvidence(tx, actor, id);
    const removal = { by: actor.name, at: at.toISOString(), reason: data.reason };
    if (!(await tombstoneEvidence(tx, scopeOf(actor), evidence.id, removal))) {
      throw new AppError("INVALID_STATE", `evidence ${evidence.id} was already removed`);
    }
    await recordEvent(tx, actor, "evidence.removed", evidence.id, { reason: data.reason }, at);
    return loadEvidence(tx, actor, evidence.id);
  });
}
