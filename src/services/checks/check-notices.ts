/**
 * A check that starts failing is told at once (not in the next morning's digest): by mail to
 * the owner of each control it supports, to the organization's Slack and to its webhooks, as
 * each person chose. The deliveries are written in the run's transaction and sent after it
 * commits; a failed one is retried by the deliveries job like any other.
 */
import type { StoredConnector } from "../../db/connectors.repo.ts";
import {
  insertDelivery,
  pendingDelivery,
  listChannels,
  listPreferences,
} from "../../db/notifications.repo.ts";
import type { Delivery } from "../../db/notifications.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Control } from "../../domain/control.ts";
import { failingInWords } from "../../domain/checks/outcome.ts";
import type { CheckOutcome } from "../../domain/checks/outcome.ts";
import type { NotificationChannel } from "../../domain/notification.ts";
import type { RegisteredCheck } from "../../integrations/checks.ts";
import { sharedChannelWants, wants } from "../notifications/preferences.service.ts";
import type { ServiceContext } from "../platform/context.ts";

export interface StartedFailing {
  check: RegisteredCheck;
  outcome: CheckOutcome;
}

function line(connector: StoredConnector, failing: StartedFailing): string {
  return (
    `${failing.check.id} (${failing.check.title}) on ${connector.name}: ` +
    `${failing.outcome.failing} failing: ${failingInWords(failing.outcome.resources)}`
  );
}

/** Writes the deliveries (in the caller's transaction) and returns their ids to send. */
export async function queueCheckNotices(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  connector: StoredConnector,
  run: string,
  failing: readonly StartedFailing[],
  controls: readonly Control[],
  at: Date,
): Promise<string[]> {
  if (failing.length === 0) return [];
  const scope = scopeOf(actor);
  const organization = await getOrganization(tx, scope);
  const members = (await listMembers(tx, scope)).filter((m) => m.role !== "auditor");
  const preferences = await listPreferences(tx, scope);
  const channels = await listChannels(tx, scope);
  const byRef = new Map(controls.map((c) => [c.ref, c]));
  const deliveries: Delivery[] = [];
  const delivery = (
    channel: NotificationChannel,
    target: string,
    payload: string,
    channelId: string | null,
  ): Delivery =>
    pendingDelivery("check-failing", channel, target, payload, channelId, at.toISOString());
  // Whoever owns a control a failing check supports, once, with their checks.
  const perOwner = new Map<string, { userId: string; name: string; lines: string[] }>();
  for (const item of failing) {
    for (const ref of item.check.controls) {
      const owner = byRef.get(ref)?.owner?.trim().toLowerCase();
      if (owner === undefined || owner === "") continue;
      const member = members.find((m) => m.user.email.toLowerCase() === owner);
      if (member === undefined) continue;
      const entry = perOwner.get(owner) ?? {
        userId: member.user.id,
        name: member.user.name,
        lines: [],
      };
      const text = `${ref}: ${line(connector, item)}`;
      if (!entry.lines.includes(text)) entry.lines.push(text);
      perOwner.set(owner, entry);
    }
  }
  if (ctx.mailer !== null) {
    for (const [email, owner] of perOwner) {
      if (!wants(preferences, owner.userId, "mail", "check-failing")) continue;
      const mail = {
        to: email,
        subject: `A check started failing in ${organization.name}`,
        text: [
          `Hello ${owner.name},`,
          "",
          `Checks run ${run} found a check of a control you own failing:`,
          "",
          ...owner.lines.map((l) => `- ${l}`),
          "",
          "A task is open for it until the check passes again (or the resource is excepted).",
        ].join("\n"),
      };
      deliveries.push(delivery("mail", email, JSON.stringify(mail), null));
    }
  }
  const anyone = (channel: NotificationChannel) =>
    sharedChannelWants(preferences, members, channel, "check-failing");
  const slack = channels.find((c) => c.kind === "slack");
  if (slack !== undefined && anyone("slack")) {
    const text = [
      `*Checks started failing in ${organization.name}* (${run})`,
      ...failing.map((f) => `• ${line(connector, f)}`),
    ].join("\n");
    deliveries.push(delivery("slack", slack.urlHint, JSON.stringify({ text }), slack.id));
  }
  if (anyone("webhook")) {
    const body = JSON.stringify({
      type: "check-failing",
      organization: { slug: organization.slug, name: organization.name },
      run,
      connector: { name: connector.name, kind: connector.kind },
      checks: failing.map((f) => ({
        id: f.check.id,
        title: f.check.title,
        controls: f.check.controls,
        failing: f.outcome.resources
          .filter((r) => r.status === "fail" && r.exception === null)
          .map((r) => ({
            resourceId: r.resourceId,
            resourceName: r.resourceName,
            reason: r.reason,
          })),
      })),
    });
    for (const hook of channels.filter((c) => c.kind === "webhook")) {
      deliveries.push(delivery("webhook", hook.urlHint, body, hook.id));
    }
  }
  for (const d of deliveries) await insertDelivery(tx, scope, d);
  return deliveries.map((d) => d.id);
}
