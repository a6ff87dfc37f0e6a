/** Routes of src/server/routes/controls.ts: the control list, a control, its criteria. */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

async function controlCriteria(world: World, ref: string): Promise<string[]> {
  const shown = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/controls/${ref}`),
    200,
    "show control",
  );
  return shown.json<{ control: { criteria: string[] } }>().control.criteria;
}

export const CONTROL_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/controls", action: "control:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/controls",
    action: "control:create",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: {
        ref: `${world.prefix.toUpperCase()}-NEW-${world.next()}`,
        title: "A control of our own",
        description: "Made by the role matrix.",
        kind: "detective",
        automation: "manual",
        frequency: "monthly",
      },
    }),
  },
  {
    method: "GET",
    path: "/controls/:ref",
    action: "control:read",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => ({ params: { ref: world.ids.ownedControl } }),
  },
  {
    method: "PATCH",
    path: "/controls/:ref",
    action: "control:update",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world, role) => ({
      params: { ref: world.ids.ownedControl },
      body: { description: `Changed by ${role} (${world.next()}).` },
    }),
  },
  {
    method: "PUT",
    path: "/controls/:ref/criteria/:criterion",
    action: "control:map",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => {
      const { ownedControl: ref, mapCriterion: criterion } = world.ids;
      if ((await controlCriteria(world, ref)).includes(criterion)) {
        await expectStatus(
          world.clients.owner.request(
            "DELETE",
            `${base(world)}/controls/${ref}/criteria/${criterion}`,
          ),
          200,
          "unmap",
        );
      }
      return { params: { ref, criterion } };
    },
  },
  {
    method: "DELETE",
    path: "/controls/:ref/criteria/:criterion",
    action: "control:map",
    status: 200,
    resources: { ref: "control" },
    prepare: async (world) => {
      const { ownedControl: ref, mapCriterion: criterion } = world.ids;
      if (!(await controlCriteria(world, ref)).includes(criterion)) {
        await expectStatus(
          world.clients.owner.request(
            "PUT",
            `${base(world)}/controls/${ref}/criteria/${criterion}`,
          ),
          200,
          "map",
        );
      }
      return { params: { ref, criterion } };
    },
  },
];
