/**
 * Notifications: the organization's channels (Slack, signed webhooks) and deliveries, for
 * owners and admins; each member's own choices; a digest sent now.
 */
import { z } from "zod";
import {
  digestOutcome,
  newWebhook,
  notificationChannel,
  notificationChannelList,
  notificationDeliveryList,
  notificationPreferenceList,
} from "../../contracts/notifications.ts";
import {
  addWebhook,
  channelUrlBody,
  listChannels,
  removeChannel,
  setSlackWebhook,
} from "../../services/notifications/channels.service.ts";
import { listDeliveries } from "../../services/notifications/deliveries.service.ts";
import { sendDigest } from "../../services/notifications/digest.service.ts";
import {
  preferencesInput,
  setPreferences,
  showPreferences,
} from "../../services/notifications/preferences.service.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

export function registerNotificationRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/notifications/channels",
    tag: "notifications",
    summary: "The organization's Slack and webhook channels (never their URLs or secrets)",
    response: notificationChannelList,
    handler: async ({ actor }) => ({ items: await listChannels(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/notifications/webhooks",
    tag: "notifications",
    summary: "Add a signed webhook; its signing secret is in this answer only",
    response: newWebhook,
    body: channelUrlBody,
    status: 201,
    handler: async ({ actor, body }) => addWebhook(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/notifications/slack",
    tag: "notifications",
    summary: "Set the Slack incoming webhook (replacing the one before)",
    response: notificationChannel,
    body: channelUrlBody,
    handler: async ({ actor, body }) => setSlackWebhook(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/notifications/channels/:channel",
    tag: "notifications",
    summary: "Remove a channel (N-2 or its id)",
    response: notificationChannel,
    params: { channel: z.string().min(1).max(40) },
    handler: async ({ actor, params }) => removeChannel(ctx, actor, params.channel),
  });
  orgRoute(router, {
    method: "GET",
    url: "/notifications/preferences",
    tag: "notifications",
    summary: "What I get, through which channel",
    response: notificationPreferenceList,
    handler: async ({ actor }) => ({ items: await showPreferences(ctx, actor) }),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/notifications/preferences",
    tag: "notifications",
    summary: "Choose what I get, through which channel",
    response: notificationPreferenceList,
    body: preferencesInput,
    handler: async ({ actor, body }) => ({
      items: await setPreferences(ctx, actor, serviceInput(body)),
    }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/notifications/deliveries",
    tag: "notifications",
    summary: "Deliveries, newest first: channel, target, status, attempts and the last error",
    response: notificationDeliveryList,
    query: { limit: z.coerce.number().int().min(1).max(500).default(100) },
    handler: async ({ actor, query }) => ({
      items: await listDeliveries(ctx, actor, { limit: query.limit }),
    }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/notifications/digest",
    tag: "notifications",
    summary: "Send today's task digest now (it is also sent each morning)",
    response: digestOutcome,
    handler: async ({ actor }) => sendDigest(ctx, actor),
  });
}
