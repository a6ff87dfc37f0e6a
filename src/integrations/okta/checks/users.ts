/** What the Okta checks share about users: who can sign in, who is an admin, what counts as MFA. */
import type { OktaUserRecord } from "../snapshot.ts";

/** Statuses of an account that can be used to sign in (now or after a reset). */
const SIGN_IN_STATUSES = new Set(["ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED"]);

export function canSignIn(user: OktaUserRecord): boolean {
  return SIGN_IN_STATUSES.has(user.status);
}

export function isAdmin(user: OktaUserRecord): boolean {
  return user.roles.length > 0;
}

/**
 * Factors that are a second factor in the sense of AC-02. Email and security questions are
 * recovery methods a mailbox or a guess defeats, so they do not count.
 */
const NOT_MFA = new Set(["email", "question", "password"]);

/** Bound to the site's origin, so a look-alike page cannot relay them. */
const PHISHING_RESISTANT = new Set(["webauthn", "u2f", "signed_nonce"]);

export function activeFactors(user: OktaUserRecord): string[] {
  return user.factors.filter((f) => f.status === "ACTIVE").map((f) => f.factorType);
}

export function hasMfa(user: OktaUserRecord): boolean {
  return activeFactors(user).some((type) => !NOT_MFA.has(type));
}

export function hasPhishingResistantFactor(user: OktaUserRecord): boolean {
  return activeFactors(user).some((type) => PHISHING_RESISTANT.has(type));
}

/** "Alice Martin (alice@acme.test)": how a result names an account. */
export function accountName(user: OktaUserRecord): string {
  return user.name === user.email ? user.email : `${user.name} (${user.email})`;
}

export function roleList(user: OktaUserRecord): string {
  return [...new Set(user.roles.map((r) => r.type))].sort().join(", ");
}
