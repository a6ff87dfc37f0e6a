/**
 * Routes of src/server/routes/engagements.ts: engagements, their auditors, populations,
 * samples, test results and management's responses.
 */
import { TYPE1, assignAuditor, base, newEngagement, none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const ENGAGEMENT_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/engagements", action: "engagement:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/engagements",
    action: "engagement:manage",
    status: 201,
    prepare: async () => ({ params: {}, body: TYPE1 }),
  },
  {
    method: "GET",
    path: "/engagements/:id",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/advance",
    action: "engagement:manage",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => {
      const id = await newEngagement(world, TYPE1);
      await assignAuditor(world, id, world.ids.auditorUserId);
      return { params: { id }, body: {} };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/auditors",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/auditors/:userId",
    action: "engagement:assign",
    status: 200,
    resources: { id: "engagement", userId: "auditor" },
    prepare: async (world) => {
      const id = world.ids.sampledEngagement;
      const userId = world.ids.spareAuditorUserId;
      await world.clients.owner.request(
        "DELETE",
        `${base(world)}/engagements/${id}/auditors/${userId}`,
      );
      return { params: { id, userId } };
    },
  },
  {
    method: "DELETE",
    path: "/engagements/:id/auditors/:userId",
    action: "engagement:assign",
    status: 204,
    resources: { id: "engagement", userId: "auditor" },
    prepare: async (world) => {
      const id = world.ids.sampledEngagement;
      const userId = world.ids.spareAuditorUserId;
      await assignAuditor(world, id, userId);
      return { params: { id, userId } };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/populations",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/sample",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/sample",
    action: "engagement:sample",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.openEngagement },
      body: { seed: `seed-${world.next()}`, redrawReason: "Redrawn by the role matrix test." },
    }),
  },
  {
    method: "GET",
    path: "/engagements/:id/results",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/tests",
    action: "engagement:test",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        methods: ["inspection"],
        // An auditor records as themselves; anyone else names the assigned auditor.
        ...(role === "auditor" ? {} : { auditor: world.ids.auditorEmail }),
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/items",
    action: "engagement:test",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        item: world.ids.sampledItem,
        result: "exception",
        description: "No review was recorded for this occurrence.",
        ...(role === "auditor" ? {} : { auditor: world.ids.auditorEmail }),
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/responses",
    action: "engagement:respond",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: {
        control: world.ids.sampledControl,
        item: world.ids.sampledItem,
        response: `Reviews are now recorded in the ticket (${role}).`,
      },
    }),
  },
];
