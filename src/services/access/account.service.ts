/** What a signed-in person does with their own account: sessions, password, two-factor, reset. */
import QRCode from "qrcode";
import { z } from "zod";
import {
  consumePasswordReset,
  listLiveSessions,
  revokeSessions,
} from "../../db/credentials.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { findUserById, updateUserPassword, updateUserTotp } from "../../db/users.repo.ts";
import type { SessionRecord, User } from "../../domain/account.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import type { Authenticated } from "./auth.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { newPassword } from "../platform/inputs.ts";
import {
  clearAccountFailures,
  recordFailure,
  takeAttempt,
  throttleKeys,
} from "./login-throttle.ts";
import { hashPassword, hashSecret, verifyPassword } from "./secrets.ts";
import { newTotpSecret, sealTotpSecret, totpUri, verifyTotpCode } from "./totp.ts";
import { parseInput } from "../platform/validation.ts";

function sessionOnly(auth: Authenticated): Extract<Authenticated, { kind: "session" }> {
  if (auth.kind !== "session") {
    throw new AppError("FORBIDDEN", "account settings need a signed-in person, not an API token");
  }
  return auth;
}

export interface SessionListing extends Omit<SessionRecord, "csrfToken" | "stage" | "userId"> {
  current: boolean;
}

export async function listMySessions(
  ctx: ServiceContext,
  auth: Authenticated,
): Promise<SessionListing[]> {
  const me = sessionOnly(auth);
  const sessions = await read(ctx.db, (tx) =>
    listLiveSessions(tx, me.user.id, ctx.now().toISOString()),
  );
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    address: s.address,
    current: s.id === me.session.id,
  }));
}

export async function revokeMySession(
  ctx: ServiceContext,
  auth: Authenticated,
  sessionId: string,
): Promise<void> {
  const me = sessionOnly(auth);
  const at = ctx.now().toISOString();
  const revoked = await inTransaction(ctx.db, (tx) =>
    revokeSessions(tx, me.user.id, at, { id: sessionId }),
  );
  if (revoked === 0) throw notFound("session", sessionId);
}

/**
 * Re-checks the password before a sensitive change. Wrong guesses count toward the account's
 * sign-in lockout: a stolen session must not become a way to guess the password unthrottled.
 */
async function requirePassword(ctx: ServiceContext, user: User, password: unknown, field: string) {
  const keys = throttleKeys(user.email, null);
  const attempt = await takeAttempt(ctx, keys);
  const credentials = await read(ctx.db, (tx) => findUserById(tx, user.id));
  const ok =
    typeof password === "string" &&
    (await verifyPassword(credentials?.passwordHash ?? null, password));
  if (!ok) {
    await recordFailure(ctx, attempt);
    throw new AppError("FORBIDDEN", "the password is wrong", [{ field, message: "wrong" }]);
  }
  await inTransaction(ctx.db, (tx) => clearAccountFailures(tx, keys));
}

export const changePasswordInput = z
  .object({ currentPassword: z.string().max(1024), newPassword: z.string() })
  .strict();

/** Signs out every other session: whoever knew the old password loses their way in. */
export async function changeMyPassword(
  ctx: ServiceContext,
  auth: Authenticated,
  input: z.input<typeof changePasswordInput>,
): Promise<void> {
  const me = sessionOnly(auth);
  const data = parseInput(changePasswordInput, input);
  const password = parseInput(newPassword(me.user), data.newPassword, "newPassword");
  await requirePassword(ctx, me.user, data.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(password);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (tx) => {
    await updateUserPassword(tx, me.user.id, passwordHash, at);
    await revokeSessions(tx, me.user.id, at, { except: me.session.id });
  });
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** A new secret, not yet in force: it takes effect when a code from it is confirmed. */
export async function beginTotpSetup(
  ctx: ServiceContext,
  auth: Authenticated,
): Promise<TotpEnrolment> {
  const me = sessionOnly(auth);
  if (me.user.totpEnabled) {
    throw new AppError("INVALID_STATE", "two-factor sign-in is already on; turn it off first");
  }
  const secret = newTotpSecret();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, (tx) =>
    updateUserTotp(
      tx,
      me.user.id,
      { secret: sealTotpSecret(ctx.secrets, me.user.id, secret), enabledAt: null, lastStep: null },
      at,
    ),
  );
  const otpauthUrl = totpUri(secret, me.user.email);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

export async function confirmTotpSetup(
  ctx: ServiceContext,
  auth: Authenticated,
  code: unknown,
): Promise<void> {
  const me = sessionOnly(auth);
  const at = ctx.now();
  const credentials = await read(ctx.db, (tx) => findUserById(tx, me.user.id));
  if (credentials === undefined || credentials.totpSecret === null || me.user.totpEnabled) {
    throw new AppError("INVALID_STATE", "start two-factor setup first");
  }
  const step = await verifyTotpCode(ctx.secrets, credentials, code, at);
  if (step === null) {
    throw new AppError("VALIDATION_FAILED", "code: wrong; check the clock on your phone", [
      { field: "code", message: "wrong code" },
    ]);
  }
  await inTransaction(ctx.db, (tx) =>
    updateUserTotp(
      tx,
      me.user.id,
      { enabledAt: at.toISOString(), lastStep: step },
      at.toISOString(),
    ),
  );
}

export async function disableTotp(
  ctx: ServiceContext,
  auth: Authenticated,
  input: { password?: unknown },
): Promise<void> {
  const me = sessionOnly(auth);
  await requirePassword(ctx, me.user, input.password, "password");
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, (tx) =>
    updateUserTotp(tx, me.user.id, { secret: null, enabledAt: null, lastStep: null }, at),
  );
}

/**
 * A link shown to the person who asked for it (an invitation without SMTP, a share link): the
 * public address, or else the one they called. Never for mail: see mailLink.
 */
export function appLink(ctx: ServiceContext, baseUrl: string | null, path: string): string {
  const base = (ctx.publicUrl ?? baseUrl ?? "").replace(/\/+$/, "");
  return `${base}${path}`;
}

/**
 * A link to put in mail: from the configured public address only. A request's Host (or
 * X-Forwarded-Host behind a proxy) is whatever the caller sends, so a link built from it
 * would let anyone have a reset link, secret included, point at their own site. Contexts
 * with a mailer always have a public address (openContext and loadConfig refuse otherwise).
 */
export function mailLink(ctx: ServiceContext, path: string): string {
  if (ctx.publicUrl === null) {
    throw new AppError("INTERNAL", "a link in mail needs ATTEST_PUBLIC_URL, which is not set");
  }
  return `${ctx.publicUrl.replace(/\/+$/, "")}${path}`;
}

export const resetConfirmInput = z
  .object({ token: z.string().min(1).max(200), password: z.string() })
  .strict();

/** Sets the new password and signs out every session. */
export async function confirmPasswordReset(
  ctx: ServiceContext,
  input: z.input<typeof resetConfirmInput>,
): Promise<void> {
  const data = parseInput(resetConfirmInput, input);
  const at = ctx.now().toISOString();
  const invalid = new AppError(
    "UNAUTHENTICATED",
    "the reset link is not valid (used or expired); ask for a new one",
    [{ field: "token", message: "not valid" }],
  );
  await inTransaction(ctx.db, async (tx) => {
    const userId = await consumePasswordReset(tx, hashSecret(data.token), at);
    const credentials = userId === undefined ? undefined : await findUserById(tx, userId);
    if (credentials === undefined) throw invalid;
    const password = parseInput(newPassword(credentials.user), data.password, "password");
    await updateUserPassword(tx, credentials.user.id, await hashPassword(password), at);
    await revokeSessions(tx, credentials.user.id, at, { except: null });
  });
}
