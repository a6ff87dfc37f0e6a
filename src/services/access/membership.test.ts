/**
 * memberAccess, what the web app is told a member may do, is worked out from the Actor that
 * resolveMember builds for the same caller: token scopes and the two-factor rule included.
 */
import { describe, expect, it } from "vitest";
import type { ApiToken, SessionRecord, User } from "../../domain/account.ts";
import { ROLES, TOKEN_SCOPES } from "../../domain/actor.ts";
import type { Role, TokenScope } from "../../domain/actor.ts";
import type { Organization } from "../../domain/organization.ts";
import { ACTIONS, can } from "../../domain/permissions.ts";
import type { Authenticated } from "./auth.service.ts";
import { memberAccess } from "./membership.ts";

const AT = "2026-03-02T09:00:00.000Z";
const user: User = {
  id: "u-1",
  email: "dana@acme.example",
  name: "Dana",
  totpEnabled: false,
  createdAt: AT,
};
const organization: Organization = {
  id: "o-1",
  slug: "acme",
  name: "Acme",
  systemName: "Acme Cloud",
  timeZone: "UTC",
  createdAt: AT,
  updatedAt: AT,
  requireTotp: false,
};
const session: SessionRecord = {
  id: "s-1",
  userId: user.id,
  stage: "active",
  csrfToken: "csrf",
  createdAt: AT,
  lastSeenAt: AT,
  expiresAt: AT,
  userAgent: null,
  address: null,
};
const browser: Authenticated = { kind: "session", user, session };

function tokenWith(scopes: TokenScope[]): Authenticated {
  const token: ApiToken = {
    id: "t-1",
    organizationId: organization.id,
    userId: user.id,
    name: "ci",
    scopes,
    createdAt: AT,
    expiresAt: AT,
    lastUsedAt: null,
  };
  return { kind: "token", user, token };
}

const actor = (role: Role, tokenScopes?: TokenScope[]) => ({
  kind: "user" as const,
  id: user.id,
  name: user.name,
  organizationId: organization.id,
  role,
  email: user.email,
  ...(tokenScopes === undefined ? {} : { tokenScopes }),
});

describe("memberAccess", () => {
  it.each(ROLES)("gives the role %s in a browser what can() allows it", (role) => {
    expect(memberAccess(browser, organization, role).actions).toEqual(
      ACTIONS.filter((action) => can(actor(role), action)),
    );
  });

  const SCOPE_SETS: TokenScope[][] = [["read"], ["evidence:write"], [...TOKEN_SCOPES]];
  it.each(ROLES.flatMap((role) => SCOPE_SETS.map((scopes) => [role, scopes] as const)))(
    "narrows the actions of the role %s by the token scopes %j",
    (role, scopes) => {
      const access = memberAccess(tokenWith([...scopes]), organization, role);
      expect(access.actions).toEqual(
        ACTIONS.filter((action) => can(actor(role, [...scopes]), action)),
      );
      for (const action of access.actions) {
        expect(memberAccess(browser, organization, role).actions).toContain(action);
      }
    },
  );

  it("allows nothing in an organization that requires two-factor sign-in the member lacks", () => {
    const strict = { ...organization, requireTotp: true };
    expect(memberAccess(browser, strict, "owner")).toEqual({
      actions: [],
      ownedOnly: [],
      twoFactorRequired: true,
    });
    const withTotp: Authenticated = { ...browser, user: { ...user, totpEnabled: true } };
    expect(memberAccess(withTotp, strict, "owner").actions).toEqual(
      ACTIONS.filter((action) => can(actor("owner"), action)),
    );
    // resolveMember refuses the tokens of a member without two-factor there; so does this.
    expect(memberAccess(tokenWith(["read"]), strict, "owner").twoFactorRequired).toBe(true);
  });
});
