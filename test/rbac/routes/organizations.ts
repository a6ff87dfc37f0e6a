/**
 * Routes of src/server/routes/organizations.ts: the organization itself, its scope, criteria,
 * readiness and the caller's tasks; outside any organization, the caller's list and a new one.
 */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, UserRoute, World } from "./types.ts";

/** Added and removed by the scope routes. */
const EXTRA_CATEGORY = "availability";

async function scopeOf(world: World): Promise<{ categories: string[]; exclusions: unknown[] }> {
  const scope = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/scope`),
    200,
    "read scope",
  );
  return scope.json();
}

export const ORGANIZATION_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "", action: "organization:read", status: 200, prepare: none },
  {
    method: "PATCH",
    path: "",
    action: "organization:update",
    status: 200,
    prepare: async (world) => ({
      params: {},
      body: { systemName: `System ${world.next()}` },
    }),
  },
  { method: "GET", path: "/scope", action: "scope:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/scope/categories",
    action: "scope:update",
    status: 201,
    prepare: async (world) => {
      if ((await scopeOf(world)).categories.includes(EXTRA_CATEGORY)) {
        await expectStatus(
          world.clients.owner.request(
            "DELETE",
            `${base(world)}/scope/categories/${EXTRA_CATEGORY}`,
          ),
          200,
          "remove category",
        );
      }
      return { params: {}, body: { category: EXTRA_CATEGORY } };
    },
  },
  {
    method: "DELETE",
    path: "/scope/categories/:category",
    action: "scope:update",
    status: 200,
    prepare: async (world) => {
      if (!(await scopeOf(world)).categories.includes(EXTRA_CATEGORY)) {
        await expectStatus(
          world.clients.owner.request("POST", `${base(world)}/scope/categories`, {
            category: EXTRA_CATEGORY,
          }),
          201,
          "add category",
        );
      }
      return { params: { category: EXTRA_CATEGORY } };
    },
  },
  {
    method: "PUT",
    path: "/scope/exclusions/:criterion",
    action: "scope:update",
    status: 200,
    prepare: async (world) => ({
      params: { criterion: world.ids.excludeCriterion },
      body: { reason: `We have no vendors of this kind (${world.next()}).` },
    }),
  },
  {
    method: "DELETE",
    path: "/scope/exclusions/:criterion",
    action: "scope:update",
    status: 200,
    prepare: async (world) => {
      await expectStatus(
        world.clients.owner.request(
          "PUT",
          `${base(world)}/scope/exclusions/${world.ids.excludeCriterion}`,
          { reason: "We have no vendors of this kind." },
        ),
        200,
        "mark not relevant",
      );
      return { params: { criterion: world.ids.excludeCriterion } };
    },
  },
  { method: "GET", path: "/criteria", action: "organization:read", status: 200, prepare: none },
  { method: "GET", path: "/readiness", action: "readiness:read", status: 200, prepare: none },
  {
    method: "GET",
    path: "/readiness/overdue",
    action: "evidence:read",
    status: 200,
    prepare: none,
  },
];

export const ORGANIZATION_USER_ROUTES: readonly UserRoute[] = [
  { method: "GET", path: "/api/v1/orgs", tokenAllowed: true, prepare: none },
  {
    method: "POST",
    path: "/api/v1/orgs",
    tokenAllowed: false,
    prepare: async (world) => ({
      params: {},
      body: { name: `Org ${world.prefix} ${world.next()}` },
    }),
  },
];
