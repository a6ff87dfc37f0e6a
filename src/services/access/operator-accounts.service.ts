/**
 * Account recovery for the local operator: whoever holds the data folder (or the database
 * URL) can already change anything, so these need no role. They cover what a self-hosted
 * team needs when nobody can sign in: someone lost their authenticator, or there is no SMTP
 * for a password reset. Each signs the person out everywhere.
 */
import { insertPasswordReset, revokeSessions } from "../../db/credentials.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import {
  findUserByEmail,
  listMembershipsOfUser,
  listUsers,
  updateUserTotp,
} from "../../db/users.repo.ts";
import { normalizeEmail } from "../../domain/account.ts";
import type { User } from "../../domain/account.ts";
import type { Role } from "../../domain/actor.ts";
import { notFound } from "../../domain/errors.ts";
import { appLink } from "./account.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { hashSecret, newSecret } from "./secrets.ts";

const RESET_MINUTES = 60;

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
