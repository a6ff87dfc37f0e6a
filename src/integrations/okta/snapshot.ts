/**
 * What the Okta connector reads, as one JSON value: every user (deprovisioned ones included) with
 * their factors and admin roles, the password and global sign-on policies, and the people
 * register as it stood at collection. Checks read nothing else, so a stored snapshot is enough
 * to re-derive every result.
 */
import type { RegisterPerson } from "../../domain/checks/check.ts";

/** Okta's user statuses (lifecycle states). */
export type OktaUserStatus =
  | "STAGED"
  | "PROVISIONED"
  | "ACTIVE"
  | "RECOVERY"
  | "LOCKED_OUT"
  | "PASSWORD_EXPIRED"
  | "SUSPENDED"
  | "DEPROVISIONED";

export interface OktaFactor {
  /** "push", "token:software:totp", "webauthn", "u2f", "sms", "email", "question"… */
  factorType: string;
  provider: string;
  /** "ACTIVE", "PENDING_ACTIVATION", "NOT_SETUP"… */
  status: string;
}

export interface OktaRole {
  /** "SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "READ_ONLY_ADMIN", "CUSTOM"… */
  type: string;
  label: string;
  /** "USER" (direct) or "GROUP" (through a group the user is in). */
  assignmentType: string;
}

export interface OktaUserRecord {
  id: string;
  login: string;
  email: string;
  name: string;
  status: string;
  /** ISO times as the API gave them; null when the API has none (never signed in). */
  created: string | null;
  lastLogin: string | null;
  statusChanged: string | null;
  /** Read for every user but the deprovisioned ones (whose factors Okta has reset). */
  factors: OktaFactor[];
  roles: OktaRole[];
}

export interface OktaPasswordPolicy {
  id: string;
  name: string;
  status: string;
  priority: number;
  minLength: number | null;
  excludesCommonPasswords: boolean;
  /** Failed attempts before lockout; null or 0: no lockout. */
  lockoutAttempts: number | null;
}

export interface OktaSignOnRule {
  id: string;
  name: string;
  status: string;
  priority: number;
  /** "ALLOW" or "DENY". */
  access: string;
  requireFactor: boolean;
}

export interface OktaSignOnPolicy {
  id: string;
  name: string;
  status: string;
  priority: number;
  rules: OktaSignOnRule[];
}

export interface OktaSnapshot {
  orgUrl: string;
  /** When it was read: the "now" of time-based checks, so a replay gives the same answer. */
  collectedAt: string;
  users: OktaUserRecord[];
  /** null when the token may not read policies (Okta answers 403): the checks say so. */
  passwordPolicies: OktaPasswordPolicy[] | null;
  signOnPolicies: OktaSignOnPolicy[] | null;
  /** The register's people at collection, for the leaver and unknown-account checks. */
  people: RegisterPerson[];
}
