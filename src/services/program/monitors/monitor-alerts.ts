/**
 * Tells people an endpoint went down or came back: a mail to the availability control's owner
 * (when SMTP is set and they have not turned monitor alerts off), a message to the
 * organization's Slack and a signed POST to each webhook. Each is a delivery, recorded and sent
 * at once and retried by the deliveries job if it fails, like the digest's.
 */
import { findControlByRef } from "../../../db/controls.repo.ts";
import { getOrganization } from "../../../db/organizations.repo.ts";
import {
  insertDelivery,
  pendingDelivery,
  listChannels,
  listPreferences,
} from "../../../db/notifications.repo.ts";
import type { Delivery } from "../../../db/notifications.repo.ts";
import { inTransaction, read } from "../../../db/transaction.ts";
import { listMembers } from "../../../db/users.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { MONITOR_CONTROL } from "../../../domain/monitor.ts";
import type { MonitorEndpoint, ProbeOutcome } from "../../../domain/monitor.ts";
import type { NotificationChannel } from "../../../domain/notification.ts";
import { mailLink } from "../../access/account.service.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { sendDueDeliveries } from "../../notifications/deliveries.service.ts";
import { sharedChannelWants, wants } from "../../notifications/preferences.service.ts";

function headline(endpoint: MonitorEndpoint, outcome: ProbeOutcome, organization: string): string {
  return outcome.up
    ? `${organization}: ${endpoint.ref} ${endpoint.name} is up again (${endpoint.url})`
    : `${organization}: ${endpoint.ref} ${endpoint.name} is down (${endpoint.url}): ${outcome.error ?? "no answer"}`;
}

/** Records and sends the alerts of one change of state; returns how many were sent. */
export async function alertStateChange(
  ctx: ServiceContext,
  actor: Actor,
  endpoint: MonitorEndpoint,
  outcome: ProbeOutcome,
  at: Date,
): Promise<{ sent: number; failed: number }> {
  const scope = scopeOf(actor);
  const { organization, control, members, preferences, channels } = await read(
    ctx.db,
    async (tx) => ({
      organization: await getOrganization(tx, scope),
      control: await findControlByRef(tx, scope, MONITOR_CONTROL),
      members: await listMembers(tx, scope),
      preferences: await listPreferences(tx, scope),
      channels: await listChannels(tx, scope),
    }),
  );
  const text = headline(endpoint, outcome, organization.name);
  const iso = at.toISOString();
  const delivery = (
    channel: NotificationChannel,
    target: string,
    payload: string,
    channelId: string | null,
  ): Delivery => pendingDelivery("monitor-alert", channel, target, payload, channelId, iso);
  const deliveries: Delivery[] = [];
  const ownerEmail = control?.owner?.trim().toLowerCase() ?? "";
  const owner = members.find((m) => m.user.email.toLowerCase() === ownerEmail);
  const ownerWants =
    owner === undefined || wants(preferences, owner.user.id, "mail", "monitor-alert");
  if (ctx.mailer !== null && ownerEmail !== "" && ownerWants) {
    const mail = {
      to: ownerEmail,
      subject: text,
      text: [
        text,
        "",
        outcome.up
          ? `It answered ${outcome.status ?? "?"} at ${iso}; the task to restore it is closed.`
          : `Probed at ${iso}. Until it answers ${endpoint.expectedStatus} again, restoring it is your task.`,
        "",
        `Monitors: ${mailLink(ctx, `/orgs/${organization.slug}/monitors`)}`,
      ].join("\n"),
    };
    deliveries.push(delivery("mail", ownerEmail, JSON.stringify(mail), null));
  }
  // Slack and webhooks follow the members' choices, as check notices do.
  const shared = channels.filter((c) =>
    sharedChannelWants(preferences, members, c.kind, "monitor-alert"),
  );
  for (const channel of shared) {
    if (channel.kind === "slack") {
      deliveries.push(delivery("slack", channel.urlHint, JSON.stringify({ text }), channel.id));
    } else {
      const body = JSON.stringify({
        type: "monitor-alert",
        organization: { slug: organization.slug, name: organization.name },
        monitor: { ref: endpoint.ref, name: endpoint.name, url: endpoint.url },
        state: outcome.up ? "up" : "down",
        status: outcome.status,
        error: outcome.error,
        at: iso,
      });
      deliveries.push(delivery("webhook", channel.urlHint, body, channel.id));
    }
  }
  if (deliveries.length === 0) return { sent: 0, failed: 0 };
  // Deliveries are the notifier's bookkeeping: no audit event (the state change has one).
  await inTransaction(ctx.db, async (tx) => {
    for (const d of deliveries) await insertDelivery(tx, scope, d);
  });
  return sendDueDeliveries(
    ctx,
    actor,
    deliveries.map((d) => d.id),
  );
}
