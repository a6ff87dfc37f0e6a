/**
 * Signing in and knowing who is asking: first-run setup, password and TOTP sign-in, sessions,
 * API tokens, and the Actor a request acts as inside one organization.
 */
import { z } from "zod";
import {
  consumeSetupToken,
  findLiveApiToken,
  findLiveSession,
  findLiveSessionWithUser,
  insertSession,
  replaceSetupToken,
  revokeSessions,
  touchApiToken,
  touchSession,
} from "../../db/credentials.repo.ts";
import { listAllOrganizations } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { findLiveSessionWithMember } from "../../db/session-member.repo.ts";
import { inTransaction, lockOrganization, read, readOnce } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import {
  claimTotpStep,
  countUsers,
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listMembershipsOfUser,
} from "../../db/users.repo.ts";
import { normalizeEmail } from "../../domain/account.ts";
import type { SessionRecord, User } from "../../domain/account.ts";
import type { Authenticated, PathMember } from "./caller.ts";
import { actorIn } from "../../domain/actor.ts";
import type { Role } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email, newPassword, personName } from "../platform/inputs.ts";
import {
  clearAccountFailures,
  giveBackAttempt,
  recordFailure,
  takeAttempt,
  throttleKeys,
} from "./login-throttle.ts";
import { hashPassword, hashSecret, newSecret, verifyPassword } from "./secrets.ts";
import { memberAccess } from "./membership.ts";
import type { MemberAccess } from "./membership.ts";
import { verifyTotpCode } from "./totp.ts";
import { parseInput } from "../platform/validation.ts";

const SETUP_TOKEN_HOURS = 24;
const PENDING_TOTP_MINUTES = 5;
/** Writing last-seen on every request would turn reads into writes. */
const TOUCH_AFTER_MS = 60 * 1000;

/** Where a request came from, kept with the session so its owner recognizes it. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/** A membership as the page sees it: the organization, the role, and what it allows there. */
export interface MembershipView extends MemberAccess {
  organization: { id: string; slug: string; name: string };
  role: Role;
}

export interface SessionView {
  user: User;
  csrfToken: string;
  memberships: MembershipView[];
}

/** A session's secret goes to the cookie; the view goes to the page. */
export interface IssuedSession {
  token: string;
  view: SessionView;
}

export type { Authenticated, PathMember };

function addMinutes(at: Date, minutes: number): string {
  return new Date(at.getTime() + minutes * 60_000).toISOString();
}

export async function setupNeeded(ctx: ServiceContext): Promise<boolean> {
  return (await read(ctx.db, countUsers)) === 0;
}

/** A fresh one-time setup secret while nobody can sign in yet; null once someone can. */
export async function issueSetupToken(ctx: ServiceContext): Promise<string | null> {
  const at = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    if ((await countUsers(tx)) > 0) return null;
    const token = newSecret("setup");
    await replaceSetupToken(
      tx,
      hashSecret(token),
      at.toISOString(),
      addMinutes(at, SETUP_TOKEN_HOURS * 60),
    );
    return token;
  });
}

export async function startSession(
  tx: Tx,
  ctx: ServiceContext,
  user: User,
  client: ClientInfo,
  stage: SessionRecord["stage"],
): Promise<{ token: string; session: SessionRecord }> {
  const at = ctx.now();
  const token = newSecret("session");
  const minutes = stage === "active" ? ctx.sessions.maxHours * 60 : PENDING_TOTP_MINUTES;
  const session: SessionRecord = {
    id: newId(),
    userId: user.id,
    stage,
    csrfToken: newSecret("token").slice("attest_tok_".length),
    createdAt: at.toISOString(),
    lastSeenAt: at.toISOString(),
    expiresAt: addMinutes(at, minutes),
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    address: client.address,
  };
  await insertSession(tx, session, hashSecret(token));
  return { token, session };
}

export async function sessionView(
  tx: Tx,
  user: User,
  session: SessionRecord,
): Promise<SessionView> {
  const memberships = await listMembershipsOfUser(tx, user.id);
  const auth: Authenticated = { kind: "session", user, session };
  return {
    user,
    csrfToken: session.csrfToken,
    memberships: memberships.map((m) => ({
      organization: { id: m.organization.id, slug: m.organization.slug, name: m.organization.name },
      role: m.role,
      ...memberAccess(auth, m.organization, m.role),
    })),
  };
}

export const setupInput = z
  .object({ token: z.string().min(1).max(200), email, name: personName, password: z.string() })
  .strict();

/**
 * The first account, made with the secret printed in the server log. It becomes owner of
 * every organization that already exists (made from the command line before any account).
 */
export async function completeSetup(
  ctx: ServiceContext,
  input: z.input<typeof setupInput>,
  client: ClientInfo,
): Promise<IssuedSession> {
  const data = parseInput(setupInput, input);
  const password = parseInput(newPassword(data), data.password, "password");
  const passwordHash = await hashPassword(password);
  const at = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    if ((await countUsers(tx)) > 0) {
      throw new AppError("CONFLICT", "Attest is already set up; sign in instead");
    }
    if (!(await consumeSetupToken(tx, hashSecret(data.token), at.toISOString()))) {
      throw new AppError(
        "UNAUTHENTICATED",
        "the setup link is not valid (used, expired or replaced); restart the server for a new one",
        [{ field: "token", message: "not valid" }],
      );
    }
    const user: User = {
      id: newId(),
      email: data.email,
      name: data.name,
      totpEnabled: false,
      createdAt: at.toISOString(),
    };
    await insertUser(tx, user, passwordHash, at.toISOString());
    // The first account owns every organization made before it (by the CLI), each grant
    // recorded in that organization's trail (member.joined without an invitation).
    for (const organization of await listAllOrganizations(tx)) {
      await lockOrganization(tx, organization.id);
      await insertMembership(tx, {
        organizationId: organization.id,
        userId: user.id,
        role: "owner",
        createdAt: at.toISOString(),
      });
      const owner = actorIn(
        { kind: "user", id: user.id, name: user.name },
        organization.id,
        "owner",
      );
      await recordEvent(
        tx,
        owner,
        "member.joined",
        user.id,
        { email: user.email, role: "owner" },
        at,
      );
    }
    const { token, session } = await startSession(tx, ctx, user, client, "active");
    return { token, view: await sessionView(tx, user, session) };
  });
}

export const loginInput = z
  .object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) })
  .strict();

export type LoginResult =
  | { status: "signed-in"; token: string; view: SessionView }
  | { status: "totp-required"; token: string };

const WRONG_CREDENTIALS = "the email or password is wrong";

export async function login(
  ctx: ServiceContext,
  input: z.input<typeof loginInput>,
  client: ClientInfo,
): Promise<LoginResult> {
  const data = parseInput(loginInput, input);
  const address = normalizeEmail(data.email);
  const keys = throttleKeys(address, client.address);
  const attempt = await takeAttempt(ctx, keys);
  const found = await read(ctx.db, (tx) => findUserByEmail(tx, address));
  if (!(await verifyPassword(found?.passwordHash ?? null, data.password)) || found === undefined) {
    await recordFailure(ctx, attempt);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  return inTransaction(ctx.db, async (tx) => {
    // The password alone does not finish a two-factor sign-in: wrong codes keep counting.
    if (found.user.totpEnabled) {
      await giveBackAttempt(tx, keys);
      const { token } = await startSession(tx, ctx, found.user, client, "pending-totp");
      return { status: "totp-required", token } as const;
    }
    await clearAccountFailures(tx, keys);
    const { token, session } = await startSession(tx, ctx, found.user, client, "active");
    return {
      status: "signed-in",
      token,
      view: await sessionView(tx, found.user, session),
    } as const;
  });
}

/**
 * The second step: the pending session is replaced by a new one, so the secret that only
 * proved the password never authenticates anything.
 */
export async function completeTotpLogin(
  ctx: ServiceContext,
  pendingToken: string | undefined,
  code: unknown,
  client: ClientInfo,
): Promise<IssuedSession> {
  const at = ctx.now();
  const pending = await read(ctx.db, async (tx) => {
    const session =
      pendingToken === undefined
        ? undefined
        : await findLiveSession(tx, hashSecret(pendingToken), at.toISOString());
    if (session?.stage !== "pending-totp") return undefined;
    const credentials = await findUserById(tx, session.userId);
    return credentials === undefined ? undefined : { session, credentials };
  });
  if (pending === undefined) {
    throw new AppError(
      "UNAUTHENTICATED",
      "sign in with your password first (or again: 5 minutes passed)",
    );
  }
  const keys = throttleKeys(pending.credentials.user.email, client.address);
  const attempt = await takeAttempt(ctx, keys);
  const step = await verifyTotpCode(ctx.secrets, pending.credentials, code, at);
  const wrongCode = () =>
    new AppError("UNAUTHENTICATED", "the code is wrong or was already used", [
      { field: "code", message: "wrong or already used" },
    ]);
  if (step === null) {
    await recordFailure(ctx, attempt);
    throw wrongCode();
  }
  return inTransaction(ctx.db, async (tx) => {
    const user = pending.credentials.user;
    // Checked again here: a request racing this one with the same code may have used it.
    if (!(await claimTotpStep(tx, user.id, step, at.toISOString()))) throw wrongCode();
    await revokeSessions(tx, user.id, at.toISOString(), { id: pending.session.id });
    await clearAccountFailures(tx, keys);
    const { token, session } = await startSession(tx, ctx, user, client, "active");
    return { token, view: await sessionView(tx, user, session) };
  });
}

/**
 * The signed-in user behind a session cookie, or undefined (expired, idle, revoked, pending).
 * Given the organization named in the request's path, the same statement also reads the
 * user's membership there, which resolveMember then uses instead of asking again.
 */
export async function authenticateSession(
  ctx: ServiceContext,
  token: string,
  organization?: string,
): Promise<Authenticated | undefined> {
  const at = ctx.now();
  const tokenHash = hashSecret(token);
  const found = await readOnce(ctx.db, async (tx) => {
    if (organization === undefined) {
      return findLiveSessionWithUser(tx, tokenHash, at.toISOString());
    }
    const live = await findLiveSessionWithMember(tx, tokenHash, at.toISOString(), organization);
    return live && { ...live, member: { handle: organization, found: live.member } };
  });
  if (found?.session.stage !== "active") return undefined;
  const idleMs = at.getTime() - Date.parse(found.session.lastSeenAt);
  if (idleMs > ctx.sessions.idleMinutes * 60_000) {
    await inTransaction(ctx.db, (tx) =>
      revokeSessions(tx, found.user.id, at.toISOString(), { id: found.session.id }),
    );
    return undefined;
  }
  if (idleMs > TOUCH_AFTER_MS) {
    await inTransaction(ctx.db, (tx) => touchSession(tx, found.session.id, at.toISOString()));
  }
  return { kind: "session", ...found };
}

export async function authenticateApiToken(
  ctx: ServiceContext,
  secret: string,
): Promise<Authenticated | undefined> {
  const at = ctx.now();
  const found = await read(ctx.db, async (tx) => {
    const token = await findLiveApiToken(tx, hashSecret(secret), at.toISOString());
    if (token === undefined) return undefined;
    const credentials = await findUserById(tx, token.userId);
    return credentials === undefined ? undefined : { token, user: credentials.user };
  });
  if (found === undefined) return undefined;
  if (
    found.token.lastUsedAt === null ||
    at.getTime() - Date.parse(found.token.lastUsedAt) > TOUCH_AFTER_MS
  ) {
    await inTransaction(ctx.db, (tx) => touchApiToken(tx, found.token.id, at.toISOString()));
  }
  return { kind: "token", ...found };
}

export async function logout(ctx: ServiceContext, auth: Authenticated): Promise<void> {
  if (auth.kind !== "session") return;
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, (tx) =>
    revokeSessions(tx, auth.user.id, at, { id: auth.session.id }),
  );
}

export async function currentSession(
  ctx: ServiceContext,
  auth: Authenticated,
): Promise<SessionView> {
  if (auth.kind !== "session") {
    throw new AppError("FORBIDDEN", "an API token has no browser session");
  }
  return read(ctx.db, (tx) => sessionView(tx, auth.user, auth.session));
}

/**
 * The Actor for a request in one organization. Someone who is not a member, or a token made
 * for another organization, finds no such organization: ids of other tenants answer 404.
 */
