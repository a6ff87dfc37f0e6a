/**
 * The daily reminder of overdue auditor requests: each addressee is mailed, once a local day,
 * the list of their requests past due on each engagement, with a link to answer them. Only
 * when SMTP is set; the task list shows the same requests either way.
 */
import { listRequests, markReminded } from "../../db/audit-requests.repo.ts";
import { listEngagements } from "../../db/engagements.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { isOverdue, requestSubject } from "../../domain/audit-request.ts";
import type { NamedRequest } from "../../domain/audit-request.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { withItemWords } from "./request-words.ts";

export interface ReminderOutcome {
  /** One per addressee and engagement mailed. */
  mailed: { to: string; engagement: string; requests: string[] }[];
}

function reminderText(
  organization: string,
  engagement: string,
  requests: readonly NamedRequest[],
  link: string,
): string {
  const lines = requests.map(
    (r) => `- ${r.ref} (${requestSubject(r)}), due ${r.dueOn}: ${r.description}`,
  );
  return (
    `The auditor of ${organization}'s engagement ${engagement} is waiting on ` +
    `${requests.length === 1 ? "this request" : `these ${requests.length} requests`}, past due:\n\n` +
    `${lines.join("\n")}\n` +
    (link === "" ? "" : `\nAnswer in Attest: ${link}\n`)
  );
}

export async function mailOverdueRequests(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ReminderOutcome> {
  authorize(actor, "request:read");
  const mailer = ctx.mailer;
  if (mailer === null) return { mailed: [] };
  const scope = scopeOf(actor);
  const at = ctx.now();
  const { organization, requests, labels } = await read(ctx.db, async (tx) => ({
    organization: await getOrganization(tx, scope),
    requests: await withItemWords(
      tx,
      scope,
      await listRequests(tx, scope, { statuses: ["open", "returned"] }),
    ),
    labels: new Map((await listEngagements(tx, scope)).map((e) => [e.id, engagementLabel(e)])),
  }));
  const today = localDate(at, organization.timeZone);
  const groups = new Map<string, NamedRequest[]>();
  for (const request of requests) {
    if (!isOverdue(request, today) || request.remindedOn === today) continue;
    const key = `${request.engagementId}\u0000${request.addressee}`;
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  const outcome: ReminderOutcome = { mailed: [] };
  for (const group of groups.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const engagement = labels.get(first.engagementId) ?? "?";
    const link =
      ctx.publicUrl === null
        ? ""
        : `${ctx.publicUrl.replace(/\/+$/, "")}/orgs/${organization.slug}/engagements/${engagement}/requests`;
    await mailer.send({
      to: first.addressee,
      subject: `Overdue auditor requests on ${engagement}: ${group.map((r) => r.ref).join(", ")}`,
      text: reminderText(organization.name, engagement, group, link),
    });
    // Marked after each mail is sent: a failure later in the run mails the rest on a retry
    // without mailing these people twice the same day.
    await inOrgTransaction(ctx.db, scope, async (tx) => {
      await markReminded(
        tx,
        scope,
        group.map((r) => r.id),
        today,
      );
      await recordEvent(
        tx,
        actor,
        "engagement.requests-reminded",
        first.engagementId,
        { requests: group.map((r) => r.ref), to: first.addressee, day: today },
        ctx.now(),
      );
    });
    outcome.mailed.push({
      to: first.addressee,
      engagement,
      requests: group.map((r) => r.ref),
    });
  }
  return outcome;
}
