/**
 * Routes of src/server/routes/reports.ts: the draft, review, finalization, outputs, sharing
 * and bridge letters.
 */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/** The report engagement's path below the organization, for a prepare's own calls. */
function reportPath(world: World, rest = ""): string {
  return `${base(world)}/engagements/${world.ids.reportEngagement}/report${rest}`;
}

/** An assertion text no earlier call used: a change to the draft, and not yet approved. */
async function newAssertion(world: World): Promise<void> {
  await expectStatus(
    world.clients.owner.request("PUT", reportPath(world, "/assertion"), {
      text: `Management asserts that the system was suitably designed (matrix ${world.next()}).`,
    }),
    200,
    "edit assertion",
  );
}

async function newShareLink(world: World): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request("POST", reportPath(world, "/share-links"), {
      recipient: `Customer ${world.next()}`,
    }),
    201,
    "share",
  );
  return created.json<{ link: { id: string } }>().link.id;
}

async function newBridgeLetter(world: World): Promise<string> {
  const drafted = await expectStatus(
    world.clients.owner.request("POST", reportPath(world, "/bridge-letters"), {}),
    201,
    "draft bridge letter",
  );
  return String(drafted.json<{ number: number }>().number);
}

/** A review thread on an engagement the auditor is assigned to, kept apart from the report
 * engagement so that open threads never stand in the way of its finalization. */
async function newThread(world: World): Promise<string> {
  const opened = await expectStatus(
    world.clients.owner.request(
      "POST",
      `${base(world)}/engagements/${world.ids.sampledEngagement}/report/threads`,
      { section: "IV", body: `Please check the wording (${world.next()}).` },
    ),
    201,
    "open thread",
  );
  return opened.json<{ id: string }>().id;
}
export const REPORT_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/report-standing",
    action: "report:read",
    status: 200,
    prepare: none,
  },
  {
    method: "GET",
    path: "/engagements/:id/report",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/description",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { boundaries: `The production account, as ${role} put it (${world.next()}).` },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/assertion",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { text: `Management asserts that the controls were suitably designed (${role}).` },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/opinion",
    action: "report:opinion",
    status: 200,
    // No `resources`: the cross-tenant checks call as the owner, who may never record an
    // opinion (403 before any lookup). The auditor's 404 on another engagement is checked in
    // src/server/routes/reports.test.ts.
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement },
      body: { type: "unmodified", city: `Boston (${world.next()})` },
    }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/other-information",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement },
      body: { text: `Management's response to the matrix (${world.next()}).` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/assertion/approve",
    action: "report:approve",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => {
      await newAssertion(world);
      return { params: { id: world.ids.reportEngagement } };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/report/threads",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/threads",
    action: "report:review",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement },
      body: { section: "III", body: `A question from ${role} (${world.next()}).` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/threads/:thread/comments",
    action: "report:review",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.sampledEngagement, thread: await newThread(world) },
      body: { action: "disputed", body: `Answered, says ${role}.` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/finalize",
    action: "report:finalize",
    status: 201,
    // No `resources`: the cross-tenant checks call as the owner, who may never finalize (the
    // auditor dates and releases the report: 403 before any lookup).
    // A new version needs a change since the last one and an approved assertion; an opinion
    // recorded earlier covered the old text, so the auditor records it again (or it blocks).
    prepare: async (world) => {
      await newAssertion(world);
      await expectStatus(
        world.clients.owner.request("POST", reportPath(world, "/assertion/approve")),
        200,
        "approve",
      );
      await expectStatus(
        world.clients.auditor.request("PUT", reportPath(world, "/opinion"), {
          type: "unmodified",
          city: `Boston (${world.next()})`,
        }),
        200,
        "record the opinion again",
      );
      return { params: { id: world.ids.reportEngagement }, body: {} };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/report/versions",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/download",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/share-links",
    action: "report:share",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/share-links",
    action: "report:share",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement },
      body: { recipient: `Prospect of ${role} (${world.next()})`, days: 14 },
    }),
  },
  {
    method: "DELETE",
    path: "/engagements/:id/report/share-links/:link",
    action: "report:share",
    status: 204,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement, link: await newShareLink(world) },
    }),
  },
  {
    method: "GET",
    path: "/engagements/:id/report/bridge-letters",
    action: "report:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/bridge-letters",
    action: "report:edit",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement }, body: {} }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/report/bridge-letters/:number",
    action: "report:edit",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { id: world.ids.reportEngagement, number: await newBridgeLetter(world) },
      body: {
        text: `Nothing material has changed since the report's period ended, says ${role}.`,
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/report/bridge-letters/:number/approve",
    action: "report:approve",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.reportEngagement, number: await newBridgeLetter(world) },
    }),
  },
];
