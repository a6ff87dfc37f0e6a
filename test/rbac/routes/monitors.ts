/** Routes of src/server/routes/monitors.ts: endpoints added, listed, shown, removed, probed. */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/**
 * An endpoint nothing listens on (refused at once on loopback, which the tests' context
 * allows): a probe of it answers quickly, as down.
 */
function monitorBody(world: World, label: string) {
  return { name: `${label} ${world.next()}`, url: "https://127.0.0.1:9/health", timeoutSeconds: 2 };
}

/**
 * Adds an endpoint as the owner and returns its id: a uuid, since refs (M-1) are numbered per
 * organization and another organization's M-1 is a different endpoint.
 */
export async function newMonitor(world: World, label: string): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/monitors`, monitorBody(world, label)),
    201,
    "add monitor",
  );
  return created.json<{ id: string }>().id;
}

export const MONITOR_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/monitors", action: "monitor:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/monitors",
    action: "monitor:manage",
    status: 201,
    prepare: async (world, role) => ({ params: {}, body: monitorBody(world, `add-${role}`) }),
  },
  {
    method: "GET",
    path: "/monitors/:monitor",
    action: "monitor:read",
    status: 200,
    resources: { monitor: "monitor" },
    prepare: async (world) => ({ params: { monitor: world.ids.monitor } }),
  },
  {
    method: "POST",
    path: "/monitors/:monitor/probe",
    action: "monitor:manage",
    status: 200,
    resources: { monitor: "monitor" },
    prepare: async (world) => ({ params: { monitor: world.ids.monitor } }),
  },
  {
    method: "DELETE",
    path: "/monitors/:monitor",
    action: "monitor:manage",
    status: 204,
    resources: { monitor: "monitor" },
    prepare: async (world, role) => ({
      params: { monitor: await newMonitor(world, `remove-${role}`) },
    }),
  },
];
