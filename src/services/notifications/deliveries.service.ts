/**
 * Sending recorded deliveries, and the record people read. Each attempt is written back
 * (status, attempts, the last error in words that carry no URL or secret); a failed delivery
 * waits 1, 2, 4 and 8 minutes before its next attempt, made by the deliveries job, and after
 * the fifth it stays failed, visible on the settings page and in `attest notifications
 * deliveries`.
 */
import { IncomingWebhook } from "@slack/webhook";
import { IncomingWebhookHTTPError, IncomingWebhookRequestError } from "@slack/webhook";
import { z } from "zod";
import {
  findChannel,
  listDeliveries as listDeliveryRows,
  listDueDeliveries,
  recordAttempt,
} from "../../db/notifications.repo.ts";
import type { Delivery } from "../../db/notifications.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  nextAttemptAt,
  signPayload,
} from "../../domain/notification.ts";
import { authorize } from "../../domain/permissions.ts";
import type { ServiceContext } from "../platform/context.ts";
import { secretContext } from "../platform/secret-box.ts";
import { parseInput } from "../platform/validation.ts";
import { OutboundError, guardedFetch, postJson } from "./outbound-http.ts";

/** What a person sees of a delivery: never its payload. */
export type DeliveryView = Omit<Delivery, "payload">;

const mailPayload = z.object({ to: z.string(), subject: z.string(), text: z.string() });
const slackPayload = z.object({ text: z.string() });

/** A failure that is not worth retrying (a channel removed, SMTP gone). */
class Undeliverable extends Error {}

function words(error: unknown): string {
  if (error instanceof Undeliverable || error instanceof OutboundError) return error.message;
  if (error instanceof IncomingWebhookHTTPError) return `Slack answered HTTP ${error.statusCode}`;
  if (error instanceof IncomingWebhookRequestError) return words(error.original);
  const code = (error as { responseCode?: unknown; code?: unknown }).responseCode;
  if (typeof code === "number") return `the mail server answered ${code}`;
  const name = (error as { code?: unknown }).code;
  return typeof name === "string" ? `failed (${name})` : "failed";
}

async function send(ctx: ServiceContext, actor: Actor, delivery: Delivery): Promise<void> {
  if (delivery.channel === "mail") {
    if (ctx.mailer === null) throw new Undeliverable("SMTP is no longer configured");
    await ctx.mailer.send(mailPayload.parse(JSON.parse(delivery.payload)));
    return;
  }
  const channel =
    delivery.channelId === null
      ? undefined
      : await read(ctx.db, (tx) => findChannel(tx, scopeOf(actor), delivery.channelId ?? ""));
  if (channel === undefined || channel.removedAt !== null) {
    throw new Undeliverable("the channel was removed");
  }
  const url = ctx.secrets.open(channel.url, secretContext.channelUrl(channel.id));
  const policy = { allowPrivate: ctx.allowPrivateWebhooks };
  if (delivery.channel === "slack") {
    // Slack through its own SDK, its requests through the same guarded connection.
    const slack = new IncomingWebhook(url, { fetch: guardedFetch(policy), timeout: 10_000 });
    await slack.send(slackPayload.parse(JSON.parse(delivery.payload)));
    return;
  }
  const secret = ctx.secrets.open(channel.secret ?? "", secretContext.channelSecret(channel.id));
  const timestamp = String(Math.floor(ctx.now().getTime() / 1000));
  const answer = await postJson(
    url,
    delivery.payload,
    {
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signPayload(secret, timestamp, delivery.payload),
    },
    policy,
  );
  if (answer.status < 200 || answer.status > 299) {
    throw new OutboundError(`the receiver answered HTTP ${answer.status}`);
  }
}

/** One attempt, recorded; true when it was delivered. */
async function attempt(ctx: ServiceContext, actor: Actor, delivery: Delivery): Promise<boolean> {
  let failure: unknown = null;
  try {
    await send(ctx, actor, delivery);
  } catch (error) {
    failure = error;
  }
  const at = ctx.now();
  const attempts = delivery.attempts + 1;
  const retryAt = failure instanceof Undeliverable ? null : nextAttemptAt(at, attempts);
  await inTransaction(ctx.db, (tx) =>
    recordAttempt(tx, scopeOf(actor), delivery, {
      status: failure === null ? "sent" : "failed",
      lastError: failure === null ? null : words(failure),
      nextAttemptAt: failure === null ? null : (retryAt?.toISOString() ?? null),
      updatedAt: at.toISOString(),
    }),
  );
  return failure === null;
}

/** Sends what is due now (or only `ids` among it): new deliveries and retries whose wait is over. */
export async function sendDueDeliveries(
  ctx: ServiceContext,
  actor: Actor,
  ids?: readonly string[],
): Promise<{ sent: number; failed: number }> {
  authorize(actor, "notification:send");
  const due = await read(ctx.db, (tx) =>
    listDueDeliveries(tx, scopeOf(actor), ctx.now().toISOString()),
  );
  const chosen = ids === undefined ? due : due.filter((d) => ids.includes(d.id));
  let sent = 0;
  for (const delivery of chosen) {
    if (await attempt(ctx, actor, delivery)) sent += 1;
  }
  return { sent, failed: chosen.length - sent };
}

export const deliveryQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

export async function listDeliveries(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof deliveryQuery> = {},
): Promise<DeliveryView[]> {
  authorize(actor, "notification:read");
  const { limit } = parseInput(deliveryQuery, input);
  const rows = await read(ctx.db, (tx) => listDeliveryRows(tx, scopeOf(actor), limit));
  return rows.map(({ payload: _payload, ...view }) => view);
}
