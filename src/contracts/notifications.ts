/** Answers of the notification routes: channels, one's choices, deliveries, a digest run. */
import { z } from "zod";
import {
  DELIVERY_STATUSES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
} from "../domain/notification.ts";
import { instant } from "./common.ts";

export const notificationChannel = z.object({
  id: z.string(),
  ref: z.string().describe('the channel as people name it: "N-2"'),
  kind: z.enum(["slack", "webhook"]),
  urlHost: z.string().describe("the URL's scheme and host; the rest of the URL is a secret"),
  createdBy: z.string(),
  createdAt: instant,
});
export type NotificationChannelView = z.output<typeof notificationChannel>;

export const notificationChannelList = z.object({ items: z.array(notificationChannel) });

export const newWebhook = z.object({
  channel: notificationChannel,
  secret: z
    .string()
    .describe("the signing secret, shown this once: receivers verify the signature with it"),
});
export type NewWebhook = z.output<typeof newWebhook>;

export const notificationPreference = z.object({
  channel: z.enum(NOTIFICATION_CHANNELS),
  kind: z.enum(NOTIFICATION_KINDS),
  enabled: z.boolean(),
  available: z
    .boolean()
    .describe("whether the organization has the channel (SMTP set, Slack set, a webhook added)"),
});
export type NotificationPreference = z.output<typeof notificationPreference>;

export const notificationPreferenceList = z.object({ items: z.array(notificationPreference) });

export const notificationDelivery = z.object({
  id: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  channelId: z.string().nullable(),
  target: z.string().describe("an email, or a channel's scheme and host"),
  kind: z.enum(NOTIFICATION_KINDS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: instant.nullable().describe("when it is tried again; null once sent or given up"),
  createdAt: instant,
  updatedAt: instant,
});
export type NotificationDelivery = z.output<typeof notificationDelivery>;

export const notificationDeliveryList = z.object({ items: z.array(notificationDelivery) });

export const digestOutcome = z.object({
  people: z.number().int().describe("people with open tasks"),
  mails: z.number().int(),
  slack: z.number().int(),
  webhooks: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int().describe("failed now; retried by the deliveries job"),
});
export type DigestOutcome = z.output<typeof digestOutcome>;

export const controlOwnersOutcome = z.object({
  changed: z.array(z.object({ ref: z.string(), from: z.string().nullable(), to: z.string() })),
  unchanged: z.array(z.string()).describe("controls named that already had that owner"),
});
export type ControlOwnersOutcome = z.output<typeof controlOwnersOutcome>;
