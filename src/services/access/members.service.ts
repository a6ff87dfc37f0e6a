/** Who belongs to an organization, in which role, and which engagements each auditor sees. */
import { z } from "zod";
import { revokeUserApiTokens } from "../../db/credentials.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import {
  countOwners,
  deleteAssignment,
  deleteMembership,
  findMembership,
  insertAssignment,
  listEngagementAssignees,
  listMembers as listMemberRows,
  updateMembershipRole,
} from "../../db/users.repo.ts";
import type { Member } from "../../db/users.repo.ts";
import type { User } from "../../domain/account.ts";
import { ROLES, scopeOf } from "../../domain/actor.ts";
import type { Actor, Role } from "../../domain/actor.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize, can } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { oneOf } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export type { Member };

export const roleInput = oneOf(ROLES, "role");

export async function listMembers(ctx: ServiceContext, actor: Actor): Promise<Member[]> {
  authorize(actor, "member:read");
  return read(ctx.db, (tx) => listMemberRows(tx, scopeOf(actor)));
}

/** Only an owner hands out or takes away the owner role. */
export function assertMayGrant(actor: Actor, role: Role): void {
  if (role === "owner" && !can(actor, "member:grant-owner")) {
    throw new AppError("FORBIDDEN", "only an owner may make someone an owner", [
      { field: "role", message: "owner needs an owner" },
    ]);
  }
}

export const changeRoleInput = z.object({ role: roleInput }).strict();

export async function changeMemberRole(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  input: z.input<typeof changeRoleInput>,
): Promise<Member> {
  authorize(actor, "member:manage");
  const { role } = parseInput(changeRoleInput, input);
  assertMayGrant(actor, role);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const membership = await findMembership(tx, actor.organizationId, userId);
    if (membership === undefined) throw notFound("member", userId);
    assertMayGrant(actor, membership.role);
    if (
      membership.role === "owner" &&
      role !== "owner" &&
      (await countOwners(tx, scopeOf(actor))) === 1
    ) {
      throw new AppError(
        "INVALID_STATE",
        "the last owner cannot step down; make someone else owner first",
      );
    }
    await updateMembershipRole(tx, scopeOf(actor), userId, role);
    await recordEvent(
      tx,
      actor,
      "member.role-changed",
      userId,
      { from: membership.role, to: role },
      at,
    );
    const member = (await listMemberRows(tx, scopeOf(actor))).find((m) => m.user.id === userId);
    if (member === undefined) throw notFound("member", userId);
    return member;
  });
}

/** Removing someone also ends their tokens and assignments in this organization. */
export async function removeMember(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
): Promise<void> {
  authorize(actor, "member:manage");
  const at = ctx.now();
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const membership = await findMembership(tx, actor.organizationId, userId);
    if (membership === undefined) throw notFound("member", userId);
    assertMayGrant(actor, membership.role);
    if (membership.role === "owner" && (await countOwners(tx, scopeOf(actor))) === 1) {
      throw new AppError("INVALID_STATE", "the last owner cannot be removed");
    }
    await deleteMembership(tx, scopeOf(actor), userId);
    await revokeUserApiTokens(tx, scopeOf(actor), userId, at.toISOString());
    await recordEvent(tx, actor, "member.removed", userId, { role: membership.role }, at);
  });
}

export interface Assignee {
  user: User;
  assignedAt: string;
}

export async function listAssignees(
  ctx: ServiceContext,
  actor: Actor,
  engagementHandle: string,
): Promise<Assignee[]> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, engagementHandle);
    return listEngagementAssignees(tx, scopeOf(actor), engagement.id);
  });
}

/** Assigns an auditor (a member with the auditor role) to an engagement. */
export async function assignAuditor(
  ctx: ServiceContext,
  actor: Actor,
  engagementHandle: string,
  userId: string,
): Promise<Assignee[]> {
  authorize(actor, "engagement:assign");
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, engagementHandle);
    const membership = await findMembership(tx, actor.organizationId, userId);
    if (membership === undefined) throw notFound("member", userId);
    if (membership.role !== "auditor") {
      throw new AppError("VALIDATION_FAILED", `userId: is a ${membership.role}, not an auditor`, [
        { field: "userId", message: "not an auditor" },
      ]);
    }
    const current = await listEngagementAssignees(tx, scopeOf(actor), engagement.id);
    if (!current.some((a) => a.user.id === userId)) {
      await insertAssignment(tx, scopeOf(actor), engagement.id, userId, at.toISOString());
      await recordEvent(tx, actor, "engagement.auditor-assigned", engagement.id, { userId }, at);
    }
    return listEngagementAssignees(tx, scopeOf(actor), engagement.id);
  });
}

export async function unassignAuditor(
  ctx: ServiceContext,
  actor: Actor,
  engagementHandle: string,
  userId: string,
): Promise<void> {
  authorize(actor, "engagement:assign");
  const at = ctx.now();
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, engagementHandle);
    if ((await deleteAssignment(tx, scopeOf(actor), engagement.id, userId)) === 0) {
      throw notFound("assignment", userId);
    }
    await recordEvent(tx, actor, "engagement.auditor-unassigned", engagement.id, { userId }, at);
  });
}
