/**
 * Routes of src/server/routes/workpapers.ts. The attachment routes carry no `resources`: the
 * cross-tenant checks call as the owner, who may never touch the auditor's files (403 before
 * any lookup); the auditor's reach over them is tested in src/server/routes/workpapers.test.ts.
 */
import { base, expectStatus } from "./arrange.ts";
import type { Call, OrgRoute, World } from "./types.ts";
import type { Role } from "../../../src/domain/actor.ts";

/** The same one step every time, so the matrix never drops a step results hang on. */
const STEPS = ["Approval recorded before the change"];

function workpaper(world: World): string {
  return `${base(world)}/engagements/${world.ids.sampledEngagement}/workpapers/${world.ids.sampledControl}`;
}

/** The owner enters for the assigned auditor, named; the auditor records as themselves. */
function forAuditor(world: World, role: Role): { auditor?: string } {
  return role === "auditor" ? {} : { auditor: world.ids.auditorEmail };
}

/** A multipart upload of one file, as a browser sends it. */
function multipartFile(text: string): Pick<Call, "body" | "headers"> {
  const boundary = "----attest-workpaper-boundary";
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="auditor-notes.txt"',
    "Content-Type: text/plain",
    "",
    text,
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function attachedFile(world: World): Promise<string> {
  const upload = multipartFile(`kept by the auditor ${world.next()}`);
  const answer = await expectStatus(
    world.clients.auditor.request(
      "POST",
      `${workpaper(world)}/attachments`,
      upload.body,
      upload.headers,
    ),
    201,
    "attach a file",
  );
  return answer.json<{ id: string }>().id;
}

const params = (world: World) => ({
  id: world.ids.sampledEngagement,
  control: world.ids.sampledControl,
});

export const WORKPAPER_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/engagements/:id/workpapers",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/workpapers/:control",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: params(world) }),
  },
  {
    method: "PUT",
    path: "/engagements/:id/workpapers/:control/steps",
    action: "engagement:test",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: params(world),
      body: { steps: STEPS, ...forAuditor(world, role) },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/workpapers/:control/items/:item",
    action: "engagement:test",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world, role) => {
      await expectStatus(
        world.clients.auditor.request("PUT", `${workpaper(world)}/steps`, { steps: STEPS }),
        200,
        "set steps",
      );
      // Not met: the item stays the exception the world recorded, evidence or none.
      return {
        params: { ...params(world), item: world.ids.sampledItem },
        body: { attributes: ["not-met"], note: `By ${role}.`, ...forAuditor(world, role) },
      };
    },
  },
  {
    method: "GET",
    path: "/engagements/:id/workpapers/:control/attachments",
    action: "workpaper:attach",
    status: 200,
    prepare: async (world) => ({ params: params(world) }),
  },
  {
    method: "POST",
    path: "/engagements/:id/workpapers/:control/attachments",
    action: "workpaper:attach",
    status: 201,
    prepare: async (world, role) => ({
      params: params(world),
      ...multipartFile(`uploaded as ${role}`),
    }),
  },
  {
    method: "GET",
    path: "/engagements/:id/workpaper-attachments/:attachment/file",
    action: "workpaper:attach",
    status: 200,
    prepare: async (world) => ({
      params: { id: world.ids.sampledEngagement, attachment: await attachedFile(world) },
    }),
  },
];
