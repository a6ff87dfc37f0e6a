/**
 * Routes of src/server/routes/notifications.ts (channels, choices, deliveries, the digest),
 * and the bulk control owners route of src/server/routes/controls.ts.
 */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/** Nothing listens on port 9 of the loopback: a digest's delivery there fails at once. */
const RECEIVER = "http://127.0.0.1:9/matrix-hook";

/** A fresh signed webhook of the world's organization, made by its owner; its id. */
export async function addMatrixWebhook(world: World): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/notifications/webhooks`, {
      url: RECEIVER,
    }),
    201,
    "add webhook",
  );
  return created.json<{ channel: { id: string } }>().channel.id;
}

export const NOTIFICATION_ROUTES: readonly OrgRoute[] = [
  {
    method: "POST",
    path: "/controls/owners",
    action: "control:assign-owners",
    status: 200,
    prepare: async (world) => ({
      params: {},
      body: { csv: `ref,email\n${world.ids.ownedControl},control-owner@${world.prefix}.example\n` },
    }),
  },
  {
    method: "GET",
    path: "/notifications/channels",
    action: "notification:read",
    status: 200,
    prepare: none,
  },
  {
    method: "POST",
    path: "/notifications/webhooks",
    action: "notification:manage",
    status: 201,
    prepare: async () => ({ params: {}, body: { url: RECEIVER } }),
  },
  {
    method: "PUT",
    path: "/notifications/slack",
    action: "notification:manage",
    status: 200,
    prepare: async () => ({ params: {}, body: { url: RECEIVER } }),
  },
  {
    method: "DELETE",
    path: "/notifications/channels/:channel",
    action: "notification:manage",
    status: 200,
    resources: { channel: "notification-channel" },
    prepare: async (world) => ({ params: { channel: await addMatrixWebhook(world) } }),
  },
  {
    method: "GET",
    path: "/notifications/preferences",
    action: "notification:choose",
    status: 200,
    prepare: none,
  },
  {
    method: "PUT",
    path: "/notifications/preferences",
    action: "notification:choose",
    status: 200,
    prepare: async (world) => ({
      params: {},
      body: {
        preferences: [{ channel: "webhook", kind: "task-digest", enabled: world.next() % 2 === 0 }],
      },
    }),
  },
  {
    method: "GET",
    path: "/notifications/deliveries",
    action: "notification:read",
    status: 200,
    prepare: none,
  },
  {
    method: "POST",
    path: "/notifications/digest",
    action: "notification:send",
    status: 200,
    prepare: none,
  },
];
