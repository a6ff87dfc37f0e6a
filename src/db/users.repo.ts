/** Users, their memberships in organizations, and auditors' engagement assignments. */
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { OrgScope, Role } from "../domain/actor.ts";
import type { Membership, User } from "../domain/account.ts";
import type { Organization } from "../domain/organization.ts";
import { PER_REQUEST } from "./connect.ts";
import { toOrganization } from "./organizations.repo.ts";
import type { MembershipsTable, OrganizationsTable, UsersTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export interface UserCredentials {
  user: User;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    totpEnabled: row.totp_enabled_at !== null,
    createdAt: row.created_at,
  };
}

function toCredentials(row: Selectable<UsersTable>): UserCredentials {
  return {
    user: toUser(row),
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step,
  };
}

function toMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    organizationId: row.organization_id,
    userId: row.user_id,
    role: row.role as Role,
    createdAt: row.created_at,
  };
}

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  tx: Tx,
  user: User,
  passwordHash: string,
  at: string,
): Promise<void> {
  await tx
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserCredentials | undefined> {
  const row = await tx
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirst();
  return row === undefined ? undefined : toCredentials(row);
}

export async function findUserById(tx: Tx, id: string): Promise<UserCredentials | undefined> {
  const row = await tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : toCredentials(row);
}

export async function updateUserPassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: at })
    .where("id", "=", userId)
    .execute();
}

export interface TotpState {
  secret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

export async function updateUserTotp(
  tx: Tx,
  userId: string,
  state: Partial<TotpState>,
  at: string,
): Promise<void> {
  await tx
    .updateTable("users")
    .set({
      ...(state.secret !== undefined ? { totp_secret: state.secret } : {}),
      ...(state.enabledAt !== undefined ? { totp_enabled_at: state.enabledAt } : {}),
      ...(state.lastStep !== undefined ? { totp_last_step: state.lastStep } : {}),
      updated_at: at,
    })
    .where("id", "=", userId)
    .execute();
}

/**
 * Records a sign-in's time step only if it is later than the last one used: false when
 * another request used this step (or a later one) first, so a code works once even in a race.
 */
export async function claimTotpStep(
  tx: Tx,
  userId: string,
  step: number,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable("users")
    .set({ totp_last_step: step, updated_at: at })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMembership(tx: Tx, membership: Membership): Promise<void> {
  await tx
    .insertInto("memberships")
    .values({
      organization_id: membership.organizationId,
      user_id: membership.userId,
      role: membership.role,
      created_at: membership.createdAt,
    })
    .execute();
}

export async function findMembership(
  tx: Tx,
  organizationId: string,
  userId: string,
): Promise<Membership | undefined> {
  const row = await tx
    .selectFrom("memberships")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row === undefined ? undefined : toMembership(row);
}

export interface MembershipWithOrganization {
  organization: Organization;
  role: Role;
}

export async function listMembershipsOfUser(
  tx: Tx,
  userId: string,
): Promise<MembershipWithOrganization[]> {
  const rows = await tx
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.organization_id")
    .selectAll("organizations")
    .select("memberships.role as role")
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.name")
    .execute();
  return rows.map((row) => ({ organization: toOrganization(row), role: row.role as Role }));
}

export interface Member {
  user: User;
  role: Role;
  joinedAt: string;
}

export async function listMembers(tx: Tx, scope: OrgScope): Promise<Member[]> {
  const rows = await tx
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .selectAll("users")
    .select(["memberships.role as role", "memberships.created_at as joined_at"])
    .where("memberships.organization_id", "=", scope.organizationId)
    .orderBy("users.email")
    .execute();
  return rows.map((row) => ({
    user: toUser(row),
    role: row.role as Role,
    joinedAt: row.joined_at,
  }));
}

export async function updateMembershipRole(
  tx: Tx,
  scope: OrgScope,
  userId: string,
  role: Role,
): Promise<void> {
  await tx
    .updateTable("memberships")
    .set({ role })
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMembership(tx: Tx, scope: OrgScope, userId: string): Promise<void> {
  await tx
    .deleteFrom("engagement_assignments")
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .execute();
  await tx
    .deleteFrom("memberships")
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function countOwners(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organization_id", "=", scope.organizationId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Engagement ids the user is assigned to in the organization. */
export async function listAssignedEngagementIds(
  tx: Tx,
  scope: OrgScope,
  userId: string,
): Promise<string[]> {
  const rows = await tx
    .selectFrom("engagement_assignments")
    .select("engagement_id")
    .where("organization_id", "=", scope.organizationId)
    .where("user_id", "=", userId)
    .execute();
  return rows.map((row) => row.engagement_id);
}

export async function listEngagementAssignees(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<{ user: User; assignedAt: string }[]> {
  const rows = await tx
    .selectFrom("engagement_assignments")
    .innerJoin("users", "users.id", "engagement_assignments.user_id")
    .selectAll("users")
    .select("engagement_assignments.assigned_at as assigned_at")
    .where("engagement_assignments.organization_id", "=", scope.organizationId)
    .where("engagement_assignments.engagement_id", "=", engagementId)
    .orderBy("users.email")
    .execute();
  return rows.map((row) => ({ user: toUser(row), assignedAt: row.assigned_at }));
}

export async function insertAssignment(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  userId: string,
  at: string,
): Promise<void> {
  await tx
    .insertInto("engagement_assignments")
    .values({
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      user_id: userId,
      assigned_at: at,
    })
    .execute();
}

export async function deleteAssignment(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  userId: string,
): Promise<number> {
  const result = await tx
    .deleteFrom("engagement_assignments")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A membership with its organization and the head of the organization's audit chain. */
export type FoundMember = MembershipWithOrganization & { auditHeadHash: string | null };

/**
 * The organization named by slug or id with the user's role in it, and the head of its audit
 * chain (which changes with every write), in one statement. It runs on every request, so it
 * is SQL text rather than built; the user comes in through `given` (session-member.repo.ts
 * says why).
 */
export async function findOrganizationForMember(
  tx: Tx,
  handle: string,
  userId: string,
): Promise<FoundMember | undefined> {
  const { rows } = await sql<
    Selectable<OrganizationsTable> & { role: string }
  >`${sql.raw(PER_REQUEST)}
    with given(user_id) as (values (${userId}))
    select o.*, m.role as role
    from given
    join memberships m on m.user_id = given.user_id and m.organization_id in (
      select id from organizations
      where slug = ${handle.trim().toLowerCase()} or id = ${handle})
    join organizations o on o.id = m.organization_id`.execute(tx);
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        organization: toOrganization(row),
        role: row.role as Role,
        auditHeadHash: row.audit_head_hash,
      };
}

/** Every account, for the local operator. */
export async function listUsers(tx: Tx): Promise<User[]> {
  const rows = await tx.selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUser);
}
