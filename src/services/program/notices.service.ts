/**
 * The daily notice to owners, built from the same readiness and report-age answers the app
 * shows (read through their services, with their permission checks). It is kept in the app
 * as a notice, one per organization and local day, and mailed to the owners when SMTP is set.
 * A retry after a failed mailing mails the stored notice rather than composing another.
 */
import { getOrganization } from "../../db/organizations.repo.ts";
import { findNotice, insertNotice, listNotices, markNoticeMailed } from "../../db/notices.repo.ts";
import type { StoredNotice } from "../../db/notices.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { OWNER_NOTICE_KIND, composeOwnerNotice } from "../../domain/notices.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listOverdueControls } from "./readiness.service.ts";
import { currentReportStanding } from "../reporting/report-versions.service.ts";

export type Notice = StoredNotice;

export interface NoticeOutcome {
  /** Null when there was nothing to tell. */
  notice: Notice | null;
  /** Addresses mailed by this call. */
  mailed: string[];
}

export async function noticeOwners(ctx: ServiceContext, actor: Actor): Promise<NoticeOutcome> {
  authorize(actor, "notice:create");
  const scope = scopeOf(actor);
  const overdue = await listOverdueControls(ctx, actor);
  const standing = await currentReportStanding(ctx, actor);
  const organization = await read(ctx.db, (tx) => getOrganization(tx, scope));
  const at = ctx.now();
  const day = localDate(at, organization.timeZone);
  const composed = composeOwnerNotice({
    organization: organization.name,
    overdue,
    report: standing,
  });
  if (composed === null) return { notice: null, mailed: [] };
  const notice = await inOrgTransaction(ctx.db, scope, async (tx) => {
    const existing = await findNotice(tx, scope, OWNER_NOTICE_KIND, day);
    if (existing !== undefined) return existing;
    const created: Notice = {
      id: newId(),
      kind: OWNER_NOTICE_KIND,
      day,
      ...composed,
      createdAt: at.toISOString(),
      mailedAt: null,
    };
    await insertNotice(tx, scope, created);
    await recordEvent(
      tx,
      actor,
      "notice.created",
      created.id,
      { kind: created.kind, day, title: created.title, overdue: overdue.map((c) => c.ref) },
      at,
    );
    return created;
  });
  const mailer = ctx.mailer;
  if (mailer === null || notice.mailedAt !== null) return { notice, mailed: [] };
  const owners = (await read(ctx.db, (tx) => listMembers(tx, scope)))
    .filter((member) => member.role === "owner")
    .map((member) => member.user.email);
  // An organization made from the command line has no accounts yet: the notice waits in the
  // app, and is mailed on a later run once an owner has an account.
  if (owners.length === 0) return { notice, mailed: [] };
  const link =
    ctx.publicUrl === null
      ? ""
      : `\n\n${ctx.publicUrl.replace(/\/+$/, "")}/orgs/${organization.slug}`;
  for (const to of owners) {
    await mailer.send({ to, subject: notice.title, text: `${notice.body}${link}\n` });
  }
  const mailedAt = ctx.now();
  await inOrgTransaction(ctx.db, scope, async (tx) => {
    await markNoticeMailed(tx, scope, notice.id, mailedAt.toISOString());
    await recordEvent(tx, actor, "notice.mailed", notice.id, { to: owners }, mailedAt);
  });
  return { notice: { ...notice, mailedAt: mailedAt.toISOString() }, mailed: owners };
}

const NOTICES_SHOWN = 30;

/** The newest notices, for the app. */
export async function listOwnerNotices(ctx: ServiceContext, actor: Actor): Promise<Notice[]> {
  authorize(actor, "notice:read");
  return read(ctx.db, (tx) => listNotices(tx, scopeOf(actor), NOTICES_SHOWN));
}
