/**
 * All SQL of notifications: channels (URLs and secrets as stored, sealed), each person's
 * choices, and deliveries. Every function is scoped to one organization.
 */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type {
  DeliveryStatus,
  NotificationChannel,
  NotificationKind,
} from "../domain/notification.ts";
import type { NotificationChannelsTable, NotificationDeliveriesTable } from "./schema.ts";
import { newId } from "./portable.ts";
import type { Tx } from "./transaction.ts";

export type ChannelKind = "slack" | "webhook";

/** A channel as stored: `url` and `secret` are sealed (secret-box.ts), never shown. */
export interface StoredChannel {
  id: string;
  number: number;
  kind: ChannelKind;
  url: string;
  urlHint: string;
  secret: string | null;
  createdBy: string;
  createdAt: string;
  removedAt: string | null;
}

function toChannel(row: Selectable<NotificationChannelsTable>): StoredChannel {
  return {
    id: row.id,
    number: Number(row.number),
    kind: row.kind as ChannelKind,
    url: row.url,
    urlHint: row.url_hint,
    secret: row.secret,
    createdBy: row.created_by,
    createdAt: row.created_at,
    removedAt: row.removed_at,
  };
}

/** The channels in use (removed ones are kept for their deliveries' sake, but not listed). */
export async function listChannels(tx: Tx, scope: OrgScope): Promise<StoredChannel[]> {
  const rows = await tx
    .selectFrom("notification_channels")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("removed_at", "is", null)
    .orderBy("number")
    .execute();
  return rows.map(toChannel);
}

export async function nextChannelNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("notification_channels")
    .select((eb) => eb.fn.max("number").as("top"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

export async function insertChannel(
  tx: Tx,
  scope: OrgScope,
  channel: StoredChannel,
): Promise<void> {
  await tx
    .insertInto("notification_channels")
    .values({
      id: channel.id,
      organization_id: scope.organizationId,
      number: channel.number,
      kind: channel.kind,
      url: channel.url,
      url_hint: channel.urlHint,
      secret: channel.secret,
      created_by: channel.createdBy,
      created_at: channel.createdAt,
      removed_at: channel.removedAt,
    })
    .execute();
}

export async function removeChannel(
  tx: Tx,
  scope: OrgScope,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable("notification_channels")
    .set({ removed_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface PreferenceRow {
  userId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  enabled: boolean;
}

/** Everyone's choices, or one person's. */
export async function listPreferences(
  tx: Tx,
  scope: OrgScope,
  userId?: string,
): Promise<PreferenceRow[]> {
  let query = tx
    .selectFrom("notification_preferences")
    .select(["user_id", "channel", "kind", "enabled"])
    .where("organization_id", "=", scope.organizationId);
  if (userId !== undefined) query = query.where("user_id", "=", userId);
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    channel: row.channel as NotificationChannel,
    kind: row.kind as NotificationKind,
    enabled: Number(row.enabled) === 1,
  }));
}

export async function upsertPreference(
  tx: Tx,
  scope: OrgScope,
  preference: PreferenceRow,
  at: string,
): Promise<void> {
  await tx
    .insertInto("notification_preferences")
    .values({
      organization_id: scope.organizationId,
      user_id: preference.userId,
      channel: preference.channel,
      kind: preference.kind,
      enabled: preference.enabled ? 1 : 0,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(["organization_id", "user_id", "channel", "kind"])
        .doUpdateSet({ enabled: preference.enabled ? 1 : 0, updated_at: at }),
    )
    .execute();
}

export interface Delivery {
  id: string;
  channel: NotificationChannel;
  channelId: string | null;
  target: string;
  kind: NotificationKind;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A delivery not yet attempted, as the digest, check notices and monitor alerts queue them. */
export function pendingDelivery(
  kind: NotificationKind,
  channel: NotificationChannel,
  target: string,
  payload: string,
  channelId: string | null,
  at: string,
): Delivery {
  return {
    id: newId(),
    channel,
    channelId,
    target,
    kind,
    payload,
    status: "pending",
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

function toDelivery(row: Selectable<NotificationDeliveriesTable>): Delivery {
  return {
    id: row.id,
    channel: row.channel as NotificationChannel,
    channelId: row.channel_id,
    target: row.target,
    kind: row.kind as NotificationKind,
    payload: row.payload,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertDelivery(tx: Tx, scope: OrgScope, delivery: Delivery): Promise<void> {
  await tx
    .insertInto("notification_deliveries")
    .values({
      id: delivery.id,
      organization_id: scope.organizationId,
      channel: delivery.channel,
      channel_id: delivery.channelId,
      target: delivery.target,
      kind: delivery.kind,
      payload: delivery.payload,
      status: delivery.status,
      attempts: delivery.attempts,
      last_error: delivery.lastError,
      next_attempt_at: delivery.nextAttemptAt,
      created_at: delivery.createdAt,
      updated_at: delivery.updatedAt,
    })
    .execute();
}

/** The outcome of one attempt, written only if no other attempt got there first. */
export async function recordAttempt(
  tx: Tx,
  scope: OrgScope,
  delivery: Delivery,
  outcome: Pick<Delivery, "status" | "lastError" | "nextAttemptAt" | "updatedAt">,
): Promise<boolean> {
  const result = await tx
    .updateTable("notification_deliveries")
    .set({
      status: outcome.status,
      attempts: delivery.attempts + 1,
      last_error: outcome.lastError,
      next_attempt_at: outcome.nextAttemptAt,
      updated_at: outcome.updatedAt,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", delivery.id)
    .where("attempts", "=", delivery.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Newest first. */
export async function listDeliveries(tx: Tx, scope: OrgScope, limit: number): Promise<Delivery[]> {
  const rows = await tx
    .selectFrom("notification_deliveries")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

/** Deliveries waiting for an attempt now: new ones, and failed ones whose wait is over. */
export async function listDueDeliveries(tx: Tx, scope: OrgScope, now: string): Promise<Delivery[]> {
  const rows = await tx
    .selectFrom("notification_deliveries")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where((eb) =>
      eb.or([
        eb("status", "=", "pending"),
        eb.and([eb("status", "=", "failed"), eb("next_attempt_at", "<=", now)]),
      ]),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toDelivery);
}

export async function findDelivery(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<Delivery | undefined> {
  const row = await tx
    .selectFrom("notification_deliveries")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toDelivery(row);
}

/** A channel as stored, removed or not (a retry of an older delivery still needs its URL). */
export async function findChannel(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<StoredChannel | undefined> {
  const row = await tx
    .selectFrom("notification_channels")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toChannel(row);
}
