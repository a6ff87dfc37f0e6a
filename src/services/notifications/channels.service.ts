/**
 * The organization's notification channels: one Slack incoming webhook, and any number of
 * signed webhooks. URLs and signing secrets are sealed with the operator's key; a webhook's
 * secret is shown once, when it is made, and never again.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  insertChannel,
  listChannels as listChannelRows,
  nextChannelNumber,
  removeChannel as removeChannelRow,
} from "../../db/notifications.repo.ts";
import type { ChannelKind, StoredChannel } from "../../db/notifications.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { notFound } from "../../domain/errors.ts";
import { isPrivateAddress, urlHint } from "../../domain/notification.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { secretContext } from "../platform/secret-box.ts";
import { parseInput } from "../platform/validation.ts";

export interface ChannelView {
  id: string;
  ref: string;
  kind: ChannelKind;
  /** The URL's scheme and host; the rest of the URL is a secret. */
  urlHost: string;
  createdBy: string;
  createdAt: string;
}

export function channelRef(number: number): string {
  return `N-${number}`;
}

function toView(channel: StoredChannel): ChannelView {
  return {
    id: channel.id,
    ref: channelRef(channel.number),
    kind: channel.kind,
    urlHost: channel.urlHint,
    createdBy: channel.createdBy,
    createdAt: channel.createdAt,
  };
}

/**
 * An http(s) URL without credentials. The host's address is checked again at each delivery
 * (outbound-http.ts), since a name may resolve elsewhere later; here a literal private
 * address or "localhost" is refused at once, unless the operator allows private addresses.
 */
function channelUrl(allowPrivate: boolean) {
  return z
    .string()
    .trim()
    .max(2000, "keep it under 2000 characters")
    .refine(
      (value) => URL.canParse(value),
      "must be a full URL such as https://hooks.example.com/…",
    )
    .refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), {
      error: "must be an http or https URL",
    })
    .refine(
      (value) =>
        !URL.canParse(value) || (new URL(value).username === "" && new URL(value).password === ""),
      "must not carry a user name or password",
    )
    .refine((value) => allowPrivate || !URL.canParse(value) || !privateHost(new URL(value)), {
      error:
        "points at a private or loopback address, which Attest refuses " +
        "(the operator may allow it with ATTEST_WEBHOOK_ALLOW_PRIVATE=1)",
    });
}

function privateHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return /^[\d.]+$/.test(host) || host.includes(":") ? isPrivateAddress(host) : false;
}

const urlInput = (ctx: ServiceContext) =>
  z.object({ url: channelUrl(ctx.allowPrivateWebhooks) }).strict();
export type ChannelUrlInput = { url: string };
/** The body's shape for the API documents (the service checks the addresses). */
export const channelUrlBody = z.object({ url: z.string() }).strict();

export async function listChannels(ctx: ServiceContext, actor: Actor): Promise<ChannelView[]> {
  authorize(actor, "notification:read");
  const channels = await read(ctx.db, (tx) => listChannelRows(tx, scopeOf(actor)));
  return channels.map(toView);
}

function sealedChannel(
  ctx: ServiceContext,
  actor: Actor,
  kind: ChannelKind,
  url: string,
  number: number,
  secret: string | null,
): StoredChannel {
  const id = newId();
  const key = ctx.secrets.current;
  return {
    id,
    number,
    kind,
    url: key.seal(url, secretContext.channelUrl(id)),
    urlHint: urlHint(url),
    secret: secret === null ? null : key.seal(secret, secretContext.channelSecret(id)),
    createdBy: actor.email ?? actor.name,
    createdAt: ctx.now().toISOString(),
    removedAt: null,
  };
}

export interface NewWebhook {
  channel: ChannelView;
  /** Shown this once: receivers verify signatures with it. */
  secret: string;
}

export async function addWebhook(
  ctx: ServiceContext,
  actor: Actor,
  input: ChannelUrlInput,
): Promise<NewWebhook> {
  authorize(actor, "notification:manage");
  const { url } = parseInput(urlInput(ctx), input);
  const secret = `attest_whs_${randomBytes(32).toString("base64url")}`;
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const channel = sealedChannel(
      ctx,
      actor,
      "webhook",
      url,
      await nextChannelNumber(tx, scope),
      secret,
    );
    await insertChannel(tx, scope, channel);
    const ref = channelRef(channel.number);
    await recordEvent(
      tx,
      actor,
      "notification.webhook-added",
      ref,
      { urlHost: channel.urlHint },
      at,
    );
    return { channel: toView(channel), secret };
  });
}

/** Sets the organization's Slack incoming webhook, replacing the one before. */
export async function setSlackWebhook(
  ctx: ServiceContext,
  actor: Actor,
  input: ChannelUrlInput,
): Promise<ChannelView> {
  authorize(actor, "notification:manage");
  const { url } = parseInput(urlInput(ctx), input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const previous = (await listChannelRows(tx, scope)).find((c) => c.kind === "slack");
    if (previous !== undefined) {
      await removeChannelRow(tx, scope, previous.id, at.toISOString());
    }
    const channel = sealedChannel(
      ctx,
      actor,
      "slack",
      url,
      await nextChannelNumber(tx, scope),
      null,
    );
    await insertChannel(tx, scope, channel);
    await recordEvent(
      tx,
      actor,
      "notification.slack-set",
      channelRef(channel.number),
      {
        urlHost: channel.urlHint,
        replaced: previous === undefined ? null : channelRef(previous.number),
      },
      at,
    );
    return toView(channel);
  });
}

/** Removes a channel named by its ref (N-2) or id; its deliveries stay on record. */
export async function removeChannel(
  ctx: ServiceContext,
  actor: Actor,
  ref: string,
): Promise<ChannelView> {
  authorize(actor, "notification:manage");
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const wanted = ref.trim();
    const channel = (await listChannelRows(tx, scope)).find(
      (c) => channelRef(c.number) === wanted.toUpperCase() || c.id === wanted,
    );
    if (channel === undefined) throw notFound("notification channel", ref);
    await removeChannelRow(tx, scope, channel.id, at.toISOString());
    await recordEvent(
      tx,
      actor,
      "notification.channel-removed",
      channelRef(channel.number),
      { kind: channel.kind, urlHost: channel.urlHint },
      at,
    );
    return toView(channel);
  });
}
