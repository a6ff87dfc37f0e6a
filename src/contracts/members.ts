/** Answers of the members routes: members and their roles, invitations, my API tokens. */
import { z } from "zod";
import { ROLES, TOKEN_SCOPES } from "../domain/actor.ts";
import { instant } from "./common.ts";

export const role = z.enum(ROLES);
export type Role = z.output<typeof role>;

export const member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  totpEnabled: z.boolean().describe("signs in with a second factor"),
  joinedAt: instant,
});
export type Member = z.output<typeof member>;

export const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role,
  createdAt: instant,
  expiresAt: instant,
  acceptedAt: instant.nullable(),
});
export type Invitation = z.output<typeof invitation>;

/** The link comes back only when it was not mailed: then the inviter passes it on. */
export const createdInvitation = z.discriminatedUnion("emailed", [
  z.object({ invitation, link: z.null(), emailed: z.literal(true) }),
  z.object({
    invitation,
    link: z.string().describe("the invitation link (a secret), shown in this answer only"),
    emailed: z.literal(false).describe("no SMTP: the inviter passes the link on themselves"),
  }),
]);
export type CreatedInvitation = z.output<typeof createdInvitation>;

export const tokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.output<typeof tokenScope>;

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(tokenScope),
  createdAt: instant,
  expiresAt: instant,
  lastUsedAt: instant.nullable(),
});
export type ApiToken = z.output<typeof apiToken>;

export const createdToken = z.object({
  token: apiToken,
  secret: z.string().describe("send as Authorization: Bearer; shown in this answer only"),
});
export type CreatedToken = z.output<typeof createdToken>;
