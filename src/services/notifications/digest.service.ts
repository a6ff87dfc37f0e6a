/**
 * The daily digest: each person's open and overdue tasks, by mail (one mail per person with
 * tasks, when SMTP is set), to the organization's Slack, and to its signed webhooks, as each
 * person chose. Every message becomes a delivery, recorded and sent at once; a failed one is
 * retried with backoff by the deliveries job (deliveries.service.ts).
 */
import { getOrganization } from "../../db/organizations.repo.ts";
import {
  insertDelivery,
  pendingDelivery,
  listChannels,
  listPreferences,
} from "../../db/notifications.repo.ts";
import type { Delivery } from "../../db/notifications.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { isAssignedTo } from "../../domain/task.ts";
import type { Task } from "../../domain/task.ts";
import type { NotificationChannel } from "../../domain/notification.ts";
import { mailLink } from "../access/account.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listTasks } from "../program/tasks.service.ts";
import { sendDueDeliveries } from "./deliveries.service.ts";
import { wants } from "./preferences.service.ts";

interface PersonDigest {
  userId: string;
  email: string;
  name: string;
  tasks: Task[];
}

export interface DigestOutcome {
  people: number;
  mails: number;
  slack: number;
  webhooks: number;
  sent: number;
  failed: number;
}

function counts(tasks: readonly Task[]): { open: number; overdue: number } {
  return { open: tasks.length, overdue: tasks.filter((t) => t.status === "overdue").length };
}

function taskLine(task: Task): string {
  const due = task.dueBy === null ? "" : ` (due ${task.dueBy})`;
  return `- ${task.status === "overdue" ? "OVERDUE: " : ""}${task.title}${due}`;
}

function mailOf(ctx: ServiceContext, slug: string, organization: string, person: PersonDigest) {
  const { open, overdue } = counts(person.tasks);
  const lines = [
    `Hello ${person.name},`,
    "",
    `You have ${open} open task${open === 1 ? "" : "s"} in ${organization}` +
      (overdue === 0 ? "." : `, ${overdue} of them overdue.`),
    "",
    ...person.tasks.map(taskLine),
    "",
    `Your tasks: ${mailLink(ctx, `/orgs/${slug}/tasks`)}`,
    `Choose what Attest sends you: ${mailLink(ctx, `/orgs/${slug}/account`)}`,
  ];
  return {
    to: person.email,
    subject: `Your tasks in ${organization}: ${open} open, ${overdue} overdue`,
    text: lines.join("\n"),
  };
}

function slackText(organization: string, people: readonly PersonDigest[]): string {
  const lines = people.map((p) => {
    const { open, overdue } = counts(p.tasks);
    return `• ${p.name} (${p.email}): ${open} open, ${overdue} overdue`;
  });
  return [`*Tasks in ${organization} today*`, ...lines].join("\n");
}

function webhookBody(organization: string, slug: string, day: string, people: PersonDigest[]) {
  return JSON.stringify({
    type: "task-digest",
    organization: { slug, name: organization },
    date: day,
    people: people.map((p) => ({
      email: p.email,
      name: p.name,
      ...counts(p.tasks),
      tasks: p.tasks.map((t) => ({
        id: t.id,
        source: t.source,
        title: t.title,
        subject: t.subject,
        dueBy: t.dueBy,
        status: t.status,
      })),
    })),
  });
}

/** Builds today's digests, records each delivery, and sends them (owners, admins, the jobs). */
export async function sendDigest(ctx: ServiceContext, actor: Actor): Promise<DigestOutcome> {
  authorize(actor, "notification:send");
  const scope = scopeOf(actor);
  const tasks = await listTasks(ctx, actor, { mine: false });
  const now = ctx.now();
  const { organization, members, preferences, channels } = await read(ctx.db, async (tx) => ({
    organization: await getOrganization(tx, scope),
    members: await listMembers(tx, scope),
    preferences: await listPreferences(tx, scope),
    channels: await listChannels(tx, scope),
  }));
  // Auditors are outside the company: their work is the engagement, not the company's tasks.
  const people: PersonDigest[] = members
    .filter((m) => m.role !== "auditor")
    .map((m) => ({
      userId: m.user.id,
      email: m.user.email,
      name: m.user.name,
      tasks: tasks.filter((t) => isAssignedTo(t, { id: m.user.id, email: m.user.email })),
    }))
    .filter((p) => p.tasks.length > 0);
  const choosing = (channel: NotificationChannel) =>
    people.filter((p) => wants(preferences, p.userId, channel, "task-digest"));
  const at = now.toISOString();
  const delivery = (
    channel: NotificationChannel,
    target: string,
    payload: string,
    channelId: string | null,
  ): Delivery => pendingDelivery("task-digest", channel, target, payload, channelId, at);
  const deliveries: Delivery[] = [];
  if (ctx.mailer !== null) {
    for (const person of choosing("mail")) {
      const mail = mailOf(ctx, organization.slug, organization.name, person);
      deliveries.push(delivery("mail", person.email, JSON.stringify(mail), null));
    }
  }
  const mails = deliveries.length;
  const slack = channels.find((c) => c.kind === "slack");
  const slackPeople = choosing("slack");
  if (slack !== undefined && slackPeople.length > 0) {
    const payload = JSON.stringify({ text: slackText(organization.name, slackPeople) });
    deliveries.push(delivery("slack", slack.urlHint, payload, slack.id));
  }
  const webhookPeople = choosing("webhook");
  const day = localDate(now, organization.timeZone);
  const hooks = webhookPeople.length === 0 ? [] : channels.filter((c) => c.kind === "webhook");
  for (const hook of hooks) {
    const body = webhookBody(organization.name, organization.slug, day, webhookPeople);
    deliveries.push(delivery("webhook", hook.urlHint, body, hook.id));
  }
  // Deliveries are the notifier's bookkeeping, like the job runner's: no audit event.
  await inTransaction(ctx.db, async (tx) => {
    for (const d of deliveries) await insertDelivery(tx, scope, d);
  });
  const sent = await sendDueDeliveries(
    ctx,
    actor,
    deliveries.map((d) => d.id),
  );
  return {
    people: people.length,
    mails,
    slack: deliveries.filter((d) => d.channel === "slack").length,
    webhooks: hooks.length,
    sent: sent.sent,
    failed: sent.failed,
  };
}
