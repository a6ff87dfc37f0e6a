/**
 * Inviting people by link. The link carries a secret, stored hashed; it is mailed when SMTP is
 * configured and otherwise shown to the inviter to pass on. It works once, for seven days.
 */
import { z } from "zod";
import {
  findInvitation,
  findInvitationByToken,
  insertInvitation,
  listOpenInvitations,
  markInvitation,
} from "../../db/invitations.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import {
  findMembership,
  findUserByEmail,
  insertMembership,
  insertUser,
} from "../../db/users.repo.ts";
import type { Invitation, User } from "../../domain/account.ts";
import { actorIn, scopeOf, scopeOfInvitation } from "../../domain/actor.ts";
import type { Actor, Role } from "../../domain/actor.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { appLink, mailLink } from "./account.service.ts";
import { recordEvent } from "../platform/audit.ts";
import type { Authenticated, ClientInfo, IssuedSession } from "./auth.service.ts";
import { sessionView, startSession } from "./auth.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email, newPassword, personName } from "../platform/inputs.ts";
import { assertMayGrant, roleInput } from "./members.service.ts";
import { hashPassword, hashSecret, newSecret } from "./secrets.ts";
import { parseInput } from "../platform/validation.ts";

const INVITATION_DAYS = 7;

export const inviteInput = z.object({ email, role: roleInput }).strict();

export interface CreatedInvitation {
  invitation: Invitation;
  /** Only when it was not mailed: a mailed link proves the invitee reads that address. */
  link: string | null;
  /** False when there is no SMTP: the inviter passes the link on themselves. */
  emailed: boolean;
}

export async function createInvitation(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof inviteInput>,
  baseUrl: string | null,
): Promise<CreatedInvitation> {
  authorize(actor, "member:manage");
  const data = parseInput(inviteInput, input);
  assertMayGrant(actor, data.role);
  const at = ctx.now();
  const token = newSecret("invite");
  const path = `/invite/${encodeURIComponent(token)}`;
  // Mailed: at the public address only, worked out before anything is stored. Shown to the
  // inviter instead (no SMTP): it may use the address they called, since only they see it.
  const mailed = ctx.mailer === null ? null : mailLink(ctx, path);
  const { invitation, organizationName } = await inOrgTransaction(
    ctx.db,
    scopeOf(actor),
    async (tx) => {
      const existing = await findUserByEmail(tx, data.email);
      if (
        existing !== undefined &&
        (await findMembership(tx, actor.organizationId, existing.user.id))
      ) {
        throw new AppError("CONFLICT", `email: ${data.email} is already a member`, [
          { field: "email", message: "already a member" },
        ]);
      }
      const invitation: Invitation = {
        id: newId(),
        organizationId: actor.organizationId,
        email: data.email,
        role: data.role,
        invitedBy: actor.id,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        acceptedAt: null,
        revokedAt: null,
      };
      await insertInvitation(tx, invitation, hashSecret(token));
      await recordEvent(
        tx,
        actor,
        "invitation.created",
        invitation.id,
        { email: data.email, role: data.role, expiresAt: invitation.expiresAt },
        at,
      );
      return { invitation, organizationName: (await getOrganization(tx, scopeOf(actor))).name };
    },
  );
  if (ctx.mailer !== null && mailed !== null) {
    await ctx.mailer.send({
      to: data.email,
      subject: `${actor.name} invited you to ${organizationName} on Attest`,
      text:
        `${actor.name} invited you to join ${organizationName} on Attest as ${data.role}.\n\n` +
        `Open this link within ${INVITATION_DAYS} days to accept:\n${mailed}\n`,
    });
    return { invitation, link: null, emailed: true };
  }
  return { invitation, link: appLink(ctx, baseUrl, path), emailed: false };
}

export async function listInvitations(ctx: ServiceContext, actor: Actor): Promise<Invitation[]> {
  authorize(actor, "member:manage");
  return read(ctx.db, (tx) => listOpenInvitations(tx, scopeOf(actor), ctx.now().toISOString()));
}

export async function revokeInvitation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  authorize(actor, "member:manage");
  const at = ctx.now();
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const invitation = await findInvitation(tx, scopeOf(actor), id);
    if (
      invitation === undefined ||
      (await markInvitation(tx, id, { revokedAt: at.toISOString() })) === 0
    ) {
      throw notFound("invitation", id);
    }
    await recordEvent(tx, actor, "invitation.revoked", id, { email: invitation.email }, at);
  });
}

function invalidInvitation(): AppError {
  return new AppError(
    "NOT_FOUND",
    "this invitation is not valid (used, revoked or expired); ask for a new one",
  );
}

async function openInvitation(tx: Tx, token: string, now: string): Promise<Invitation> {
  const invitation = await findInvitationByToken(tx, hashSecret(token));
  if (
    invitation === undefined ||
    invitation.acceptedAt !== null ||
    invitation.revokedAt !== null ||
    invitation.expiresAt <= now
  ) {
    throw invalidInvitation();
  }
  return invitation;
}

export interface InvitationPreview {
  organization: { name: string };
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

export async function previewInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<InvitationPreview> {
  return read(ctx.db, async (tx) => {
    const invitation = await openInvitation(tx, token, ctx.now().toISOString());
    const organization = await getOrganization(tx, scopeOfInvitation(invitation));
    return {
      organization: { name: organization.name },
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      accountExists: (await findUserByEmail(tx, invitation.email)) !== undefined,
    };
  });
}

export const acceptInput = z
  .object({ name: personName.optional(), password: z.string().optional() })
  .strict();

/**
 * Accepting makes the membership. Someone new gives a name and password; someone with an
 * account must be signed in as the invited address.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  input: z.input<typeof acceptInput>,
  auth: Authenticated | undefined,
  client: ClientInfo,
): Promise<IssuedSession | { view: null; user: User }> {
  // Joining an organization is the person's own decision, not a script's.
  if (auth?.kind === "token") {
    throw new AppError("FORBIDDEN", "sign in to accept an invitation; an API token cannot");
  }
  const data = parseInput(acceptInput, input);
  const at = ctx.now();
  const preview = await previewInvitation(ctx, token);
  let passwordHash: string | null = null;
  if (!preview.accountExists) {
    if (data.name === undefined)
      throw new AppError("VALIDATION_FAILED", "name: required", [
        { field: "name", message: "required" },
      ]);
    const password = parseInput(
      newPassword({ email: preview.email, name: data.name }),
      data.password ?? "",
      "password",
    );
    passwordHash = await hashPassword(password);
  } else if (auth?.user.email !== preview.email) {
    throw new AppError("UNAUTHENTICATED", `sign in as ${preview.email} to accept this invitation`);
  }
  const invited = await read(ctx.db, (tx) => openInvitation(tx, token, at.toISOString()));
  const user: User =
    passwordHash === null && auth !== undefined
      ? auth.user
      : {
          id: newId(),
          email: invited.email,
          name: data.name ?? invited.email,
          totpEnabled: false,
          createdAt: at.toISOString(),
        };
  const actor = actorIn(
    { kind: "user", id: user.id, name: user.name },
    invited.organizationId,
    invited.role,
  );
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const invitation = await openInvitation(tx, token, at.toISOString());
    if (passwordHash !== null) {
      if ((await findUserByEmail(tx, invitation.email)) !== undefined) throw invalidInvitation();
      await insertUser(tx, user, passwordHash, at.toISOString());
    }
    if ((await markInvitation(tx, invitation.id, { acceptedAt: at.toISOString() })) === 0) {
      throw invalidInvitation();
    }
    await insertMembership(tx, {
      organizationId: invitation.organizationId,
      userId: user.id,
      role: invitation.role,
      createdAt: at.toISOString(),
    });
    await recordEvent(
      tx,
      actor,
      "member.joined",
      user.id,
      { email: user.email, role: invitation.role, invitation: invitation.id },
      at,
    );
    if (auth !== undefined) return { view: null, user };
    const { token: sessionToken, session } = await startSession(tx, ctx, user, client, "active");
    return { token: sessionToken, view: await sessionView(tx, user, session) };
  });
}
