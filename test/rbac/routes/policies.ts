/** Routes of src/server/routes/policies.ts and tasks.ts: policies, their workflow, tasks. */
import { base, expectStatus, none } from "./arrange.ts";
import type { Call, OrgRoute, World } from "./types.ts";

/** A new draft adopted from a template, as the owner; its label. */
async function draft(world: World): Promise<string> {
  const adopted = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/policies`, {
      template: "acceptable-use",
    }),
    201,
    "adopt policy",
  );
  return adopted.json<{ label: string }>().label;
}

async function stepTo(world: World, steps: readonly string[]): Promise<string> {
  const label = await draft(world);
  for (const step of steps) {
    await expectStatus(
      world.clients.owner.request("POST", `${base(world)}/policies/${label}/${step}`, {}),
      200,
      `${step} policy`,
    );
  }
  return label;
}

const published = (world: World) => stepTo(world, ["submit", "approve", "publish"]);
const withPolicy = (label: string, body?: unknown): Call => ({
  params: { policy: label },
  ...(body === undefined ? {} : { body }),
});

export async function publishedPolicyId(world: World): Promise<string> {
  const label = await published(world);
  const shown = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/policies/${label}`),
    200,
    "show policy",
  );
  return shown.json<{ id: string }>().id;
}

export const POLICY_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/policy-templates", action: "policy:edit", status: 200, prepare: none },
  { method: "GET", path: "/policies", action: "policy:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/policies",
    action: "policy:edit",
    status: 201,
    prepare: async () => ({ params: {}, body: { template: "information-security" } }),
  },
  {
    method: "GET",
    path: "/policies/:policy",
    action: "policy:read",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(world.ids.policy),
  },
  {
    method: "PATCH",
    path: "/policies/:policy",
    action: "policy:edit",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world, role) =>
      withPolicy(await draft(world), { title: `Acceptable use, edited by ${role}` }),
  },
  {
    method: "POST",
    path: "/policies/:policy/submit",
    action: "policy:edit",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(await draft(world)),
  },
  {
    method: "POST",
    path: "/policies/:policy/approve",
    action: "policy:approve",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(await stepTo(world, ["submit"])),
  },
  {
    method: "POST",
    path: "/policies/:policy/publish",
    action: "policy:publish",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(await stepTo(world, ["submit", "approve"])),
  },
  {
    method: "POST",
    path: "/policies/:policy/retire",
    action: "policy:publish",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) =>
      withPolicy(await draft(world), { reason: "Replaced by a newer policy." }),
  },
  {
    method: "POST",
    path: "/policies/:policy/acknowledge",
    action: "policy:acknowledge",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(await published(world), { version: 1 }),
  },
  {
    method: "GET",
    path: "/policies/:policy/acknowledgements",
    action: "policy:edit",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(world.ids.policy),
  },
  {
    method: "POST",
    path: "/policies/:policy/acknowledgements/evidence",
    action: "policy:edit",
    status: 201,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(world.ids.policy),
  },
  {
    method: "GET",
    path: "/policies/:policy/diff",
    action: "policy:edit",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(world.ids.policy),
  },
  {
    method: "GET",
    path: "/policies/:policy/pdf",
    action: "policy:read",
    status: 200,
    resources: { policy: "policy" },
    prepare: async (world) => withPolicy(world.ids.policy),
  },
];

export const TASK_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/tasks", action: "organization:read", status: 200, prepare: none },
];
