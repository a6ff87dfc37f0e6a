/** People, their memberships, and the credentials they sign in with. */
import type { Role, TokenScope } from "./actor.ts";

export interface User {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
  createdAt: string;
}

export interface Membership {
  organizationId: string;
  userId: string;
  role: Role;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  stage: "pending-totp" | "active";
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
}

// Token scopes are defined beside the Actor they narrow; accounts hand them out.
export { TOKEN_SCOPES } from "./actor.ts";
export type { TokenScope } from "./actor.ts";

export interface ApiToken {
  id: string;
  organizationId: string;
  userId: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface Invitation {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** Something@somewhere.tld: enough to refuse what is plainly not an address. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased and trimmed: one account per address whatever its spelling. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
