/** Members and their roles, invitations, and my API tokens in the organization. */
import { z } from "zod";
import { pageOf } from "../../contracts/common.ts";
import {
  apiToken,
  createdInvitation,
  createdToken,
  invitation,
  member,
} from "../../contracts/members.ts";
import type { CreatedInvitation, Member } from "../../contracts/members.ts";
import {
  createApiToken,
  createTokenInput,
  listMyApiTokens,
  revokeMyApiToken,
} from "../../services/access/api-tokens.service.ts";
import {
  createInvitation,
  inviteInput,
  listInvitations,
  revokeInvitation,
} from "../../services/access/invitations.service.ts";
import {
  changeMemberRole,
  changeRoleInput,
  listMembers,
  removeMember,
} from "../../services/access/members.service.ts";
import type { Member as Membership } from "../../services/access/members.service.ts";
import { serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { baseUrlOf } from "./auth.ts";

const userParam = { userId: z.string().min(1).max(100) };
const idParam = { id: z.string().min(1).max(100) };

/** A member as the API shows one: the person and their role here, in one flat record. */
function memberRow(m: Membership): Member {
  return {
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    totpEnabled: m.user.totpEnabled,
    joinedAt: m.joinedAt,
  };
}

export function registerMemberRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/members",
    tag: "members",
    summary: "Members and their roles",
    query: pageQuery,
    response: pageOf(member),
    handler: async ({ actor, query }) =>
      paginate((await listMembers(ctx, actor)).map(memberRow), query, (m) => m.userId),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/members/:userId",
    tag: "members",
    summary: "Change a member's role",
    params: userParam,
    body: changeRoleInput,
    response: member,
    handler: async ({ actor, params, body }) =>
      memberRow(await changeMemberRole(ctx, actor, params.userId, serviceInput(body))),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/members/:userId",
    tag: "members",
    summary: "Remove a member (their tokens here stop working)",
    params: userParam,
    status: 204,
    handler: async ({ actor, params }) => removeMember(ctx, actor, params.userId),
  });
  orgRoute(router, {
    method: "GET",
    url: "/invitations",
    tag: "members",
    summary: "Open invitations",
    query: pageQuery,
    response: pageOf(invitation),
    handler: async ({ actor, query }) =>
      paginate(await listInvitations(ctx, actor), query, (i) => i.id),
  });
  orgRoute(router, {
    method: "POST",
    url: "/invitations",
    tag: "members",
    summary: "Invite someone by email; the link is mailed, or returned when SMTP is not set up",
    body: inviteInput,
    status: 201,
    response: createdInvitation,
    handler: async ({ actor, body, request }): Promise<CreatedInvitation> => {
      const created = await createInvitation(ctx, actor, serviceInput(body), baseUrlOf(request));
      // The service hands back a link exactly when it mailed none.
      return created.link === null
        ? { invitation: created.invitation, link: null, emailed: true }
        : { invitation: created.invitation, link: created.link, emailed: false };
    },
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/invitations/:id",
    tag: "members",
    summary: "Revoke an invitation",
    params: idParam,
    status: 204,
    handler: async ({ actor, params }) => revokeInvitation(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/tokens",
    tag: "API tokens",
    summary: "My API tokens in this organization",
    query: pageQuery,
    response: pageOf(apiToken),
    handler: async ({ actor, query }) =>
      paginate(await listMyApiTokens(ctx, actor), query, (t) => t.id),
  });
  orgRoute(router, {
    method: "POST",
    url: "/tokens",
    tag: "API tokens",
    summary: "Create an API token; its secret is in this answer only",
    body: createTokenInput,
    status: 201,
    response: createdToken,
    handler: async ({ actor, body }) => createApiToken(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/tokens/:id",
    tag: "API tokens",
    summary: "Revoke one of my API tokens",
    params: idParam,
    status: 204,
    handler: async ({ actor, params }) => revokeMyApiToken(ctx, actor, params.id),
  });
}
