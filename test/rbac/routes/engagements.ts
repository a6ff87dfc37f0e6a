/**
 * Routes of src/server/routes/engagements.ts: engagements, their auditors, populations,
 * samples, test results and management's responses.
 */
import {
  TYPE1,
  assignAuditor,
  base,
  expectStatus,
  newEngagement,
  newLinkEvidence,
  none,
} from "./arrange.ts";
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
    // No `resources`: the cross-tenant checks call as the owner, who may never sample (403
    // before any lookup). An unassigned auditor's 404 is checked in the sampling service tests.
    prepare: async (world) => ({
      params: { id: world.ids.openEngagement },
      body: { seed: `seed-${world.next()}`, redrawReason: "Redrawn by the role matrix test." },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/sample/extend",
    action: "engagement:sample",
    status: 201,
    // No `resources`: the cross-tenant checks call as the owner, who may never sample (403
    // before any lookup). An unassigned auditor's 404 is checked in the sampling service tests.
    prepare: async (world) => {
      const id = world.ids.sampledEngagement;
      const sample = await expectStatus(
        world.clients.owner.request("GET", `${base(world)}/engagements/${id}/sample`),
        200,
        "read sample",
      );
      // OP-09 is weekly: five of the year's 52 weeks, so the sample can grow several times.
      const weekly = sample
        .json<{ sample: { controls: { controlRef: string; items: string[] }[] } }>()
        .sample.controls.find((c) => c.controlRef === "OP-09");
      await expectStatus(
        world.clients.owner.request("POST", `${base(world)}/engagements/${id}/items`, {
          control: "OP-09",
          item: weekly?.items[0],
          result: "exception",
          description: "The week's review was not recorded.",
          auditor: world.ids.auditorEmail,
        }),
        201,
        "record exception",
      );
      return { params: { id }, body: { control: "OP-09" } };
    },
  },
  {
    method: "POST",
    path: "/engagements/:id/sample/roll-forward",
    action: "engagement:sample",
    status: 201,
    // No `resources`: the cross-tenant checks call as the owner, who may never sample (403
    // before any lookup). An unassigned auditor's 404 is checked in the sampling service tests.
    prepare: async (world) => {
      // A change recorded after the draw: the roll-forward has one new occurrence to draw.
      await newLinkEvidence(world, ["CM-01"]);
      return { params: { id: world.ids.sampledEngagement }, body: {} };
    },
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
