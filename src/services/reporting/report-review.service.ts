/**
 * Draft review: the auditor and the company open threads on sections and items of the draft,
 * reply, and resolve or dispute them. Finalization waits until every thread is resolved.
 */
import { z } from "zod";
import {
  insertComment,
  insertThread,
  listThreads,
  nextThreadNumber,
  setThreadStatus,
} from "../../db/reports.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { AuditAction } from "../../domain/audit-events.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { COMMENT_ACTIONS, REPORT_SECTIONS, statusAfter, threadLabel } from "../../domain/review.ts";
import type { CommentAction, ReviewThread } from "../../domain/review.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { oneOf } from "../platform/inputs.ts";
import { draftOf } from "./report-package.ts";
import { parseInput } from "../platform/validation.ts";

/** The event each kind of reply records. */
const REPLY_EVENTS = {
  comment: "report.thread-comment",
  resolved: "report.thread-resolved",
  disputed: "report.thread-disputed",
  reopened: "report.thread-reopened",
} as const satisfies Record<CommentAction, AuditAction>;

const body = z.string().trim().min(1, "write the comment").max(10000);

export const openThreadInput = z
  .object({
    section: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(REPORT_SECTIONS, { error: "must be a report section: I, II, III, IV or V" })),
    item: z.string().trim().min(1).max(100).optional(),
    body,
  })
  .strict();

export const replyInput = z
  .object({
    action: oneOf(COMMENT_ACTIONS, "comment action").default("comment"),
    body,
  })
  .strict();

export async function listReviewThreads(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ReviewThread[]> {
  authorize(actor, "report:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    return listThreads(tx, scopeOf(actor), engagement.id);
  });
}

function author(actor: Actor) {
  return { author: actor.id, authorName: actor.name, authorRole: actor.role };
}

export async function openReviewThread(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof openThreadInput>,
): Promise<ReviewThread> {
  authorize(actor, "report:review");
  const data = parseInput(openThreadInput, input);
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const draft = await draftOf(tx, actor, engagement, at);
    const first = {
      id: newId(),
      ...author(actor),
      body: data.body,
      action: "comment" as const,
      createdAt: at,
    };
    const thread: ReviewThread = {
      id: newId(),
      engagementId: engagement.id,
      number: await nextThreadNumber(tx, scopeOf(actor), engagement.id),
      draftVersion: draft.version,
      section: data.section,
      item: data.item ?? null,
      status: "open",
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
      comments: [first],
    };
    await insertThread(tx, scopeOf(actor), thread);
    await insertComment(tx, scopeOf(actor), thread.id, first, 0);
    await recordEvent(
      tx,
      actor,
      "report.thread-opened",
      engagement.id,
      {
        engagement: engagementLabel(engagement),
        thread: threadLabel(thread),
        section: thread.section,
        item: thread.item,
      },
      new Date(at),
    );
    return thread;
  });
}

/** "T-3", "3" or the thread's id. */
function findThread(threads: ReviewThread[], handle: string): ReviewThread | undefined {
  const number = /^(?:T-?)?(\d{1,9})$/i.exec(handle.trim())?.[1];
  return threads.find((t) =>
    number === undefined ? t.id === handle : t.number === Number(number),
  );
}

export async function replyToThread(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  threadHandle: string,
  input: z.input<typeof replyInput>,
): Promise<ReviewThread> {
  authorize(actor, "report:review");
  const data = parseInput(replyInput, input);
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const thread = findThread(await listThreads(tx, scopeOf(actor), engagement.id), threadHandle);
    if (thread === undefined) throw notFound("review thread", threadHandle);
    const opener = thread.comments[0];
    const openerSide = opener?.authorRole === "auditor" ? "auditor" : "company";
    const mySide = actor.role === "auditor" ? "auditor" : "company";
    if (data.action === "resolved" && openerSide !== mySide) {
      // The side that raised a point says when it is settled; the other side may answer or
      // dispute, but cannot close it for them.
      throw new AppError(
        "FORBIDDEN",
        `${threadLabel(thread)} was opened by the ${openerSide === "auditor" ? "auditor" : "company"}; ` +
          "only that side may resolve it (reply, or dispute it)",
      );
    }
    const status = statusAfter(data.action, thread.status);
    if (data.action !== "comment" && status === thread.status) {
      throw new AppError("INVALID_STATE", `${threadLabel(thread)} is already ${thread.status}`);
    }
    const comment = {
      id: newId(),
      ...author(actor),
      body: data.body,
      action: data.action,
      createdAt: at,
    };
    await insertComment(tx, scopeOf(actor), thread.id, comment, thread.comments.length);
    await setThreadStatus(tx, scopeOf(actor), thread.id, status, at);
    await recordEvent(
      tx,
      actor,
      REPLY_EVENTS[data.action],
      engagement.id,
      {
        engagement: engagementLabel(engagement),
        thread: threadLabel(thread),
        from: thread.status,
        to: status,
      },
      new Date(at),
    );
    return { ...thread, status, updatedAt: at, comments: [...thread.comments, comment] };
  });
}
