/**
 * Each person's choices: which notifications they get, through which channel. A person who
 * never chose gets every kind through every channel the organization has; turning one off is
 * recorded in the audit trail like any change of a record.
 */
import { z } from "zod";
import { listChannels, listPreferences, upsertPreference } from "../../db/notifications.repo.ts";
import type { PreferenceRow } from "../../db/notifications.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../domain/notification.ts";
import type { NotificationChannel, NotificationKind } from "../../domain/notification.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { oneOf } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export interface Preference {
  channel: NotificationChannel;
  kind: NotificationKind;
  enabled: boolean;
  /** Whether the organization has this channel at all (SMTP set, Slack set, a webhook added). */
  available: boolean;
}

export const preferencesInput = z
  .object({
    preferences: z
      .array(
        z
          .object({
            channel: oneOf(NOTIFICATION_CHANNELS, "notification channel"),
            kind: oneOf(NOTIFICATION_KINDS, "notification kind"),
            enabled: z.boolean(),
          })
          .strict(),
      )
      .min(1, "give at least one choice")
      .max(NOTIFICATION_CHANNELS.length * NOTIFICATION_KINDS.length),
  })
  .strict();
export type PreferencesInput = z.input<typeof preferencesInput>;

/** Whether a person gets `kind` through `channel` (yes unless they turned it off). */
export function wants(
  rows: readonly PreferenceRow[],
  userId: string,
  channel: NotificationChannel,
  kind: NotificationKind,
): boolean {
  const row = rows.find((r) => r.userId === userId && r.channel === channel && r.kind === kind);
  return row?.enabled ?? true;
}

/**
 * Whether a shared channel (the organization's Slack, its webhooks) carries `kind`: yes while
 * any member still wants it there, and yes before there are members to ask.
 */
export function sharedChannelWants(
  rows: readonly PreferenceRow[],
  members: readonly { user: { id: string } }[],
  channel: NotificationChannel,
  kind: NotificationKind,
): boolean {
  return members.length === 0 || members.some((m) => wants(rows, m.user.id, channel, kind));
}

function accountOf(actor: Actor): string {
  if (actor.kind !== "user") {
    throw new AppError(
      "FORBIDDEN",
      "notification choices belong to a person: sign in, or name the account with --as",
    );
  }
  return actor.id;
}

export async function showPreferences(ctx: ServiceContext, actor: Actor): Promise<Preference[]> {
  authorize(actor, "notification:choose");
  const userId = accountOf(actor);
  const scope = scopeOf(actor);
  const { rows, channels } = await read(ctx.db, async (tx) => ({
    rows: await listPreferences(tx, scope, userId),
    channels: await listChannels(tx, scope),
  }));
  const available: Record<NotificationChannel, boolean> = {
    mail: ctx.mailer !== null,
    slack: channels.some((c) => c.kind === "slack"),
    webhook: channels.some((c) => c.kind === "webhook"),
  };
  return NOTIFICATION_CHANNELS.flatMap((channel) =>
    NOTIFICATION_KINDS.map((kind) => ({
      channel,
      kind,
      enabled: wants(rows, userId, channel, kind),
      available: available[channel],
    })),
  );
}

export async function setPreferences(
  ctx: ServiceContext,
  actor: Actor,
  input: PreferencesInput,
): Promise<Preference[]> {
  authorize(actor, "notification:choose");
  const userId = accountOf(actor);
  const { preferences } = parseInput(preferencesInput, input);
  const at = ctx.now();
  const scope = scopeOf(actor);
  await inOrgTransaction(ctx.db, scope, async (tx) => {
    const before = await listPreferences(tx, scope, userId);
    const changes = preferences.filter(
      (p, index) =>
        // The last word on a channel and kind counts, and only a real change is recorded.
        preferences.findLastIndex((q) => q.channel === p.channel && q.kind === p.kind) === index &&
        wants(before, userId, p.channel, p.kind) !== p.enabled,
    );
    if (changes.length === 0) return;
    for (const change of changes) {
      await upsertPreference(tx, scope, { userId, ...change }, at.toISOString());
    }
    await recordEvent(tx, actor, "notification.preferences-changed", userId, { changes }, at);
  });
  return showPreferences(ctx, actor);
}
