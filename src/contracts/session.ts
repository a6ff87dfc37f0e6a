/**
 * Answers of the session and account routes: who is signed in, what each of their memberships
 * allows, sign-in steps, invitation previews, their sessions and two-factor setup.
 */
import { z } from "zod";
import { ROLES } from "../domain/actor.ts";
import { ACTIONS } from "../domain/permissions.ts";
import { instant } from "./common.ts";

const role = z.enum(ROLES);

export const action = z.enum(ACTIONS);
export type Action = z.output<typeof action>;

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  totpEnabled: z.boolean().describe("signs in with a second factor"),
});
export type SessionUser = z.output<typeof sessionUser>;

/**
 * One organization the caller belongs to, with what they may do there. The actions are the
 * server's own decision (src/domain/permissions.ts: the role, narrowed as `authorize` narrows
 * it), so the web app keeps no role table of its own.
 */
export const membership = z.object({
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role,
  actions: z.array(action).describe("every action the caller may take in this organization"),
  ownedOnly: z
    .array(action)
    .describe(
      "of those actions, the ones allowed only on records the caller owns (a control owner's own controls: owner equal to their email or user id)",
    ),
  twoFactorRequired: z
    .boolean()
    .describe(
      "the organization requires two-factor sign-in, which the caller has not turned on: no action is allowed until they do",
    ),
});
export type Membership = z.output<typeof membership>;

export const session = z.object({
  user: sessionUser,
  csrfToken: z.string().describe("send as x-csrf-token with every write made with this session"),
  memberships: z.array(membership),
});
export type Session = z.output<typeof session>;

export const setupStatus = z.object({
  needed: z.boolean().describe("no account exists yet: the first owner is still to be created"),
});
export type SetupStatus = z.output<typeof setupStatus>;

/** A password sign-in: done, or waiting for the code of someone with two-factor on. */
export const loginResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("signed-in"), session }),
  z.object({
    status: z
      .literal("totp-required")
      .describe("send the authenticator's code to /api/v1/auth/totp within five minutes"),
  }),
]);
export type LoginResult = z.output<typeof loginResult>;

/** Completing two-factor sign-in always signs in (a wrong code is an error). */
export const totpLoginResult = z.object({ status: z.literal("signed-in"), session });
export type TotpLoginResult = z.output<typeof totpLoginResult>;

export const resetRequested = z.object({
  accepted: z.literal(true).describe("the same answer whether or not the address has an account"),
});
export type ResetRequested = z.output<typeof resetRequested>;

export const invitationPreview = z.object({
  organization: z.object({ name: z.string() }),
  email: z.string().describe("the invited address"),
  role,
  expiresAt: instant,
  accountExists: z
    .boolean()
    .describe(
      "the address has an account: sign in as it to accept; otherwise give a name and password",
    ),
});
export type InvitationPreview = z.output<typeof invitationPreview>;

export const accountSession = z.object({
  id: z.string(),
  createdAt: instant,
  lastSeenAt: instant,
  expiresAt: instant,
  userAgent: z.string().nullable(),
  address: z.string().nullable().describe("the address the session signed in from"),
  current: z.boolean().describe("the session making this request"),
});
export type AccountSession = z.output<typeof accountSession>;

/** Shown once, while two-factor is being set up: the secret is the point of this answer. */
export const totpSetup = z.object({
  secret: z.string().describe("base32 secret, for typing into an authenticator app"),
  otpauthUrl: z.string().describe("otpauth:// URI of the same secret"),
  qrDataUrl: z.string().describe("the URI as a QR code, a data: URL of a PNG image"),
});
export type TotpSetup = z.output<typeof totpSetup>;
