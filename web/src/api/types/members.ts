/** The answers of the members routes (see src/contracts for the server's side). */
import type { Role } from "./common.ts";
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** The link comes back only when it was not mailed: then the inviter passes it on. */
export type CreatedInvitation =
  | { invitation: Invitation; link: null; emailed: true }
  | { invitation: Invitation; link: string; emailed: false };

export const TOKEN_SCOPES = ["read", "evidence:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}
