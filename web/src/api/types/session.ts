/** The answers of the session routes (see src/contracts for the server's side). */
import type { Role } from "./common.ts";
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
}

export interface Membership {
  organization: { id: string; slug: string; name: string };
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  memberships: Membership[];
}

export type LoginResult = { status: "signed-in"; session: Session } | { status: "totp-required" };

export interface InvitationPreview {
  organization: { name: string };
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}
