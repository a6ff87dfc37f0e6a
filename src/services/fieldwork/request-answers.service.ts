/**
 * Working a request: the company answers (the addressee, or an owner or admin) by linking
 * evidence already in Attest or uploading a file, which the evidence service stores and links
 * to the request's control, dated for the sampled item's occurrence when the request names
 * one, so the item's population finds it. Both sides comment; the assigned auditor accepts
 * or returns the answer with a reason. Each step is one transaction with its audit event.
 */
import type { Readable } from "node:stream";
import {
  insertRequestComment,
  linkRequestEvidence,
  updateRequestState,
} from "../../db/audit-requests.repo.ts";
import { findControlByRef } from "../../db/controls.repo.ts";
import { currentSample } from "../../db/engagements.repo.ts";
import { findEvidence, linkEvidence } from "../../db/evidence.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { awaitsCompany } from "../../domain/audit-request.ts";
import type { AuditRequest, NamedRequest, RequestComment } from "../../domain/audit-request.ts";
import { engagementLabel, evidenceWindow } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { checkDates, prepareContent, storeEvidence } from "../program/evidence.service.ts";
import type { Prepared } from "../program/evidence.service.ts";
import { loadEngagement } from "./engagements.service.ts";
import { answerInput, commentInput, returnInput } from "./request-inputs.ts";
import type { AnswerInput, CommentInput, ReturnInput } from "./request-inputs.ts";
import { withItemWordsOne } from "./request-words.ts";
import { loadRequest } from "./requests.service.ts";
import { requireAssignedAuditor } from "./sampling.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

export interface AnswerFile {
  content: Readable;
  fileName: string;
  mediaType?: string;
}

interface Located {
  engagement: Engagement;
  request: AuditRequest;
}

async function locate(tx: Tx, actor: Actor, handle: string, key: string): Promise<Located> {
  const engagement = await loadEngagement(tx, actor, handle);
  return { engagement, request: await loadRequest(tx, actor, engagement, key) };
}

/** The request as it stands after the change, its item in words, for the answer. */
async function reread(tx: Tx, actor: Actor, handle: string, key: string): Promise<NamedRequest> {
  const { request } = await locate(tx, actor, handle, key);
  return withItemWordsOne(tx, scopeOf(actor), request);
}

function label(located: Located): string {
  return `${located.request.ref} of ${engagementLabel(located.engagement)}`;
}

/** The dates an upload answering the request is for: the sampled occurrence, else one day. */
async function uploadDates(
  tx: Tx,
  actor: Actor,
  { engagement, request }: Located,
  forDate: string | undefined,
  at: Date,
): Promise<{ from: string; to: string }> {
  if (request.control !== null && request.item !== null) {
    const sample = await currentSample(tx, scopeOf(actor), engagement.id);
    const occurrence = sample?.controls
      .find((c) => c.controlRef === request.control)
      ?.population.find((p) => p.key === request.item);
    if (occurrence !== undefined) return { from: occurrence.from, to: occurrence.to };
  }
  const window = evidenceWindow(engagement);
  const today = await organizationToday(tx, actor, at);
  const day = forDate ?? (today < window.to ? today : window.to);
  if (day < window.from || day > window.to) {
    throw invalidField(
      "forDate",
      `${day} is outside ${engagementLabel(engagement)}'s period (${window.from} to ${window.to}); its auditor would not see it`,
    );
  }
  return { from: day, to: day };
}

/** The evidence named in answer: each one item, not removed, dated where the auditor looks. */
async function evidenceNamed(
  tx: Tx,
  actor: Actor,
  { engagement, request }: Located,
  ids: readonly string[],
): Promise<EvidenceItem[]> {
  const window = evidenceWindow(engagement);
  const items: EvidenceItem[] = [];
  for (const [index, id] of ids.entries()) {
    const field = `evidence.${index}`;
    const found = await findEvidence(tx, scopeOf(actor), id.toLowerCase());
    const item = found[0];
    if (found.length > 1) throw invalidField(field, `"${id}" matches several evidence items`);
    if (item === undefined) throw invalidField(field, `no evidence "${id}"`);
    if (item.removedAt !== null) throw invalidField(field, `evidence ${item.id} was removed`);
    if (item.forTo < window.from || item.forFrom > window.to) {
      throw invalidField(
        field,
        `evidence ${item.id} is for ${item.forFrom} to ${item.forTo}, outside ${engagementLabel(engagement)}'s period (${window.from} to ${window.to})`,
      );
    }
    const given = request.evidence.some((e) => e.id === item.id);
    if (!given && !items.some((i) => i.id === item.id)) {
      items.push(item);
    }
  }
  return items;
}

/** Who may answer: the addressee, or an owner or admin (the role table decides). */
function checkAnswerable(actor: Actor, located: Located): void {
  authorize(actor, "request:answer", { owner: located.request.addressee });
  if (!awaitsCompany(located.request.status)) {
    throw new AppError(
      "INVALID_STATE",
      `${label(located)} is ${located.request.status}: it is answered while open or returned`,
    );
  }
}

export async function answerRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
  input: AnswerInput,
  file?: AnswerFile,
): Promise<NamedRequest> {
  authorize(actor, "request:answer");
  const data = parseInput(answerInput, input);
  if (data.evidence.length === 0 && file === undefined) {
    throw invalidField("evidence", "answer with evidence: name evidence ids, or upload a file");
  }
  const check = async (tx: Tx, at: Date) => {
    const located = await locate(tx, actor, handle, key);
    checkAnswerable(actor, located);
    const linked = await evidenceNamed(tx, actor, located, data.evidence);
    const dates =
      file === undefined ? null : await uploadDates(tx, actor, located, data.forDate, at);
    if (dates !== null) await checkDates(tx, actor, dates.from, dates.to, at);
    if (linked.length === 0 && dates === null) {
      throw invalidField("evidence", `all of it already answers ${label(located)}`);
    }
    return { located, linked, dates };
  };
  // A file is checked before a byte of it is stored, as an upload to the evidence page is.
  let prepared: Prepared | undefined;
  if (file !== undefined) {
    await read(ctx.db, (tx) => check(tx, ctx.now()));
    prepared = await prepareContent(ctx, { kind: "file", ...file });
  }
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { located, linked, dates } = await check(tx, at);
    const { request } = located;
    const control =
      request.control === null
        ? undefined
        : await findControlByRef(tx, scopeOf(actor), request.control);
    const uploaded: EvidenceItem[] = [];
    if (prepared !== undefined && dates !== null && file !== undefined) {
      const title = data.title ?? `${request.ref} answer: ${file.fileName}`;
      const meta = { title, source: "manual" as const, ...dates };
      uploaded.push(
        await storeEvidence(tx, actor, prepared, meta, control === undefined ? [] : [control], at),
      );
    }
    if (control !== undefined) {
      for (const item of linked.filter((i) => !i.controls.includes(control.ref))) {
        await linkEvidence(tx, scopeOf(actor), item.id, [control.id], actor.name, at.toISOString());
        await recordEvent(tx, actor, "evidence.linked", item.id, { control: control.ref }, at);
      }
    }
    const given = [...linked, ...uploaded].map((i) => i.id);
    await linkRequestEvidence(tx, scopeOf(actor), request.id, given, actor.name, at.toISOString());
    await updateRequestState(tx, scopeOf(actor), {
      ...request,
      status: "submitted",
      answeredAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    if (data.comment !== undefined) {
      await insertRequestComment(
        tx,
        scopeOf(actor),
        request.id,
        newComment(actor, data.comment, at),
      );
    }
    await recordEvent(
      tx,
      actor,
      "engagement.request-answered",
      located.engagement.id,
      {
        request: request.ref,
        evidence: given,
        uploaded: uploaded.map((i) => i.id),
        comment: data.comment ?? null,
      },
      at,
    );
    return reread(tx, actor, handle, request.ref);
  });
}

function newComment(actor: Actor, body: string, at: Date): RequestComment {
  return {
    id: newId(),
    author: actor.name,
    side: actor.role === "auditor" ? "auditor" : "company",
    body,
    createdAt: at.toISOString(),
  };
}

export async function commentOnRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
  input: CommentInput,
): Promise<NamedRequest> {
  authorize(actor, "request:comment");
  const data = parseInput(commentInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const located = await locate(tx, actor, handle, key);
    authorize(actor, "request:comment", { owner: located.request.addressee });
    if (actor.role === "auditor") requireAssignedAuditor(actor, located.engagement);
    const comment = newComment(actor, data.body, at);
    await insertRequestComment(tx, scopeOf(actor), located.request.id, comment);
    await recordEvent(
      tx,
      actor,
      "engagement.request-commented",
      located.engagement.id,
      { request: located.request.ref, side: comment.side, body: comment.body },
      at,
    );
    return reread(tx, actor, handle, key);
  });
}

async function decide(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
  reason: string | null,
): Promise<NamedRequest> {
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const located = await locate(tx, actor, handle, key);
    requireAssignedAuditor(actor, located.engagement);
    if (located.request.status !== "submitted") {
      throw new AppError(
        "INVALID_STATE",
        `${label(located)} is ${located.request.status}: only a submitted answer is accepted or returned`,
      );
    }
    await updateRequestState(tx, scopeOf(actor), {
      ...located.request,
      status: reason === null ? "accepted" : "returned",
      returnReason: reason,
      decidedBy: actor.name,
      decidedAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    const target = located.engagement.id;
    const ref = located.request.ref;
    if (reason === null) {
      await recordEvent(tx, actor, "engagement.request-accepted", target, { request: ref }, at);
    } else {
      await recordEvent(
        tx,
        actor,
        "engagement.request-returned",
        target,
        { request: ref, reason },
        at,
      );
    }
    return reread(tx, actor, handle, key);
  });
}

export async function acceptRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
): Promise<NamedRequest> {
  authorize(actor, "request:decide");
  return decide(ctx, actor, handle, key, null);
}

export async function returnRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
  input: ReturnInput,
): Promise<NamedRequest> {
  authorize(actor, "request:decide");
  const data = parseInput(returnInput, input);
  return decide(ctx, actor, handle, key, data.reason);
}
