/**
 * Account recovery for the local operator: whoever holds the data folder (or the database
 * URL) can already change anything, so these need no role. They cover what a self-hosted
 * team needs when nobody can sign in: someone lost their authenticator, or there is no SMTP
 * for a password reset. Each signs the person out everywhere.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { insertPasswordReset, revokeSessions } from "../../db/credentials.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, inTransaction, read } from "../../db/transaction.ts";
import {
  findMembership,
  findUserByEmail,
  insertMembership,
  insertUser,
  listMembershipsOfUser,
  listUsers,
  updateUserTotp,
} from "../../db/users.repo.ts";
import { normalizeEmail } from "../../domain/account.ts";
import type { User } from "../../domain/account.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Role } from "../../domain/actor.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { appLink } from "./account.service.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email, personName } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { COMMAND_LINE_OPERATOR } from "./command-line-actor.ts";
import { roleInput } from "./members.service.ts";
import { operatorActor } from "./organizations.service.ts";
import { hashPassword, hashSecret, newSecret } from "./secrets.ts";

const RESET_MINUTES = 60;
/** A new account's first sign-in link lasts as long as an invitation. */
const FIRST_SIGN_IN_DAYS = 7;

export interface UserListing extends User {
  memberships: { organization: string; role: Role }[];
}

export async function listUsersForOperator(ctx: ServiceContext): Promise<UserListing[]> {
  return read(ctx.db, async (tx) => {
    const users = await listUsers(tx);
    const listed: UserListing[] = [];
    for (const user of users) {
      const memberships = await listMembershipsOfUser(tx, user.id);
      listed.push({
        ...user,
        memberships: memberships.map((m) => ({ organization: m.organization.slug, role: m.role })),
      });
    }
    return listed;
  });
}

async function findOrFail(ctx: ServiceContext, email: string): Promise<User> {
  const found = await read(ctx.db, (tx) => findUserByEmail(tx, normalizeEmail(email)));
  if (found === undefined) throw notFound("user", email);
  return found.user;
}

/** For someone who lost their authenticator: they sign in with the password alone again. */
export async function turnOffTwoFactorForUser(ctx: ServiceContext, email: string): Promise<User> {
  const user = await findOrFail(ctx, email);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (tx) => {
    await updateUserTotp(tx, user.id, { secret: null, enabledAt: null, lastStep: null }, at);
    await revokeSessions(tx, user.id, at, { except: null });
  });
  return { ...user, totpEnabled: false };
}

/** A one-hour password reset link, for the operator to hand over when there is no SMTP. */
export async function passwordResetLinkFor(
  ctx: ServiceContext,
  email: string,
  baseUrl: string,
): Promise<{ user: User; link: string; expiresAt: string }> {
  const user = await findOrFail(ctx, email);
  const token = newSecret("reset");
  const at = ctx.now();
  const expiresAt = new Date(at.getTime() + RESET_MINUTES * 60_000).toISOString();
  await inTransaction(ctx.db, (tx) =>
    insertPasswordReset(tx, hashSecret(token), user.id, at.toISOString(), expiresAt),
  );
  const link = appLink(ctx, baseUrl, `/reset-password/confirm?token=${encodeURIComponent(token)}`);
  return { user, link, expiresAt };
}

export const addMemberInput = z
  .object({
    email,
    name: personName,
    role: roleInput,
    org: z.string().trim().min(1).optional(),
  })
  .strict();

export interface AddedMember {
  user: User;
  organization: string;
  role: Role;
  /** Where they choose a password and sign in; null for an account that already had one. */
  link: string | null;
  expiresAt: string | null;
}

/**
 * Makes an account a member of an organization with a role, for an installation without
 * SMTP or before anyone can sign in to invite. A new account gets no usable password: the
 * link printed (a password reset token, valid seven days) is how they choose one. Someone
 * who already has an account simply joins, keeping their password.
 */
export async function addMemberAsOperator(
  ctx: ServiceContext,
  input: z.input<typeof addMemberInput>,
  baseUrl: string,
): Promise<AddedMember> {
  const data = parseInput(addMemberInput, input);
  const actor = await operatorActor(ctx, COMMAND_LINE_OPERATOR, data.org);
  const at = ctx.now();
  const token = newSecret("reset");
  const expiresAt = new Date(at.getTime() + FIRST_SIGN_IN_DAYS * 86_400_000).toISOString();
  // A password nobody knows, hashed before the transaction (argon2 takes a while).
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  const added = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const existing = await findUserByEmail(tx, data.email);
    if (
      existing !== undefined &&
      (await findMembership(tx, actor.organizationId, existing.user.id))
    ) {
      throw new AppError("CONFLICT", `email: ${data.email} is already a member`, [
        { field: "email", message: "already a member" },
      ]);
    }
    const user: User = existing?.user ?? {
      id: newId(),
      email: data.email,
      name: data.name,
      totpEnabled: false,
      createdAt: at.toISOString(),
    };
    if (existing === undefined) {
      await insertUser(tx, user, unusable, at.toISOString());
      await insertPasswordReset(tx, hashSecret(token), user.id, at.toISOString(), expiresAt);
    }
    await insertMembership(tx, {
      organizationId: actor.organizationId,
      userId: user.id,
      role: data.role,
      createdAt: at.toISOString(),
    });
    await recordEvent(
      tx,
      actor,
      "member.joined",
      user.id,
      { email: user.email, role: data.role },
      at,
    );
    const organization = (await listMembershipsOfUser(tx, user.id)).find(
      (m) => m.organization.id === actor.organizationId,
    );
    return { user, isNew: existing === undefined, slug: organization?.organization.slug ?? "" };
  });
  return {
    user: added.user,
    organization: added.slug,
    role: data.role,
    link: added.isNew
      ? appLink(ctx, baseUrl, `/reset-password/confirm?token=${encodeURIComponent(token)}`)
      : null,
    expiresAt: added.isNew ? expiresAt : null,
  };
}
