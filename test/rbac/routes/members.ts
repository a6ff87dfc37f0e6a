/** Routes of src/server/routes/members.ts: members, invitations, API tokens. */
import { invite } from "../../support/http.ts";
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const MEMBER_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/members", action: "member:read", status: 200, prepare: none },
  {
    method: "PATCH",
    path: "/members/:userId",
    action: "member:manage",
    status: 200,
    resources: { userId: "member" },
    prepare: async (world) => ({
      params: { userId: world.ids.targetUserId },
      body: { role: world.next() % 2 === 0 ? "employee" : "control-owner" },
    }),
  },
  {
    method: "DELETE",
    path: "/members/:userId",
    action: "member:manage",
    status: 204,
    resources: { userId: "member" },
    prepare: async (world) => {
      const leaving = await invite(
        world.api,
        world.clients.owner,
        world.slug,
        "employee",
        `leaving-${world.next()}@${world.prefix}.example`,
      );
      return { params: { userId: leaving.session?.user.id ?? "" } };
    },
  },
  { method: "GET", path: "/invitations", action: "member:manage", status: 200, prepare: none },
  {
    method: "POST",
    path: "/invitations",
    action: "member:manage",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: { email: `invited-${world.next()}@${world.prefix}.example`, role: "employee" },
    }),
  },
  {
    method: "DELETE",
    path: "/invitations/:id",
    action: "member:manage",
    status: 204,
    resources: { id: "invitation" },
    prepare: async (world) => {
      const created = await expectStatus(
        world.clients.owner.request("POST", `${base(world)}/invitations`, {
          email: `revoked-${world.next()}@${world.prefix}.example`,
          role: "employee",
        }),
        201,
        "invite",
      );
      return { params: { id: created.json<{ invitation: { id: string } }>().invitation.id } };
    },
  },
  { method: "GET", path: "/tokens", action: "token:manage", status: 200, prepare: none },
  {
    method: "POST",
    path: "/tokens",
    action: "token:manage",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: { name: `matrix-${world.next()}`, scopes: ["read"] },
    }),
  },
  {
    method: "DELETE",
    path: "/tokens/:id",
    action: "token:manage",
    status: 204,
    resources: { id: "token" },
    // A token is revoked by the member who made it: each role revokes one of its own.
    prepare: async (world, role) => {
      const created = await expectStatus(
        world.clients[role].request("POST", `${base(world)}/tokens`, {
          name: `mine-${world.next()}`,
          scopes: ["read"],
        }),
        201,
        "create token",
      );
      return { params: { id: created.json<{ token: { id: string } }>().token.id } };
    },
  },
];
