/**
 * Organization-wide settings: two-factor authentication required of every member (AC-02), and
 * a base permission that does not hand every member write or admin access (AC-07, AC-08).
 */
import { fail, pass } from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

export const organizationRequiresTwoFactor: GitHubCheck = {
  id: "github.org-requires-2fa",
  title: "Organization requires two-factor authentication",
  connector: "github",
  reads: ["GET /orgs/{org}"],
  controls: ["AC-02"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) => {
    const login = snapshot.organization.login;
    const required = snapshot.organization.twoFactorRequirementEnabled;
    if (required === true) {
      return [pass(login, login, `${login} requires two-factor authentication of every member`)];
    }
    const reason =
      required === null
        ? `${login}: the token cannot see whether two-factor authentication is required (an organization owner's token can)`
        : `${login} does not require two-factor authentication`;
    return [fail(login, login, reason)];
  },
};

export const membersHaveTwoFactor: GitHubCheck = {
  id: "github.members-have-2fa",
  title: "Every member has two-factor authentication on",
  connector: "github",
  reads: ["GET /orgs/{org}/members", "GET /orgs/{org}/members?filter=2fa_disabled"],
  controls: ["AC-02"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) =>
    snapshot.members.map((member) => {
      if (member.twoFactorDisabled === null) {
        return fail(
          member.login,
          member.login,
          `${member.login}: the token cannot see two-factor states (GitHub shows them to organization owners only)`,
        );
      }
      return member.twoFactorDisabled
        ? fail(member.login, member.login, `${member.login} has two-factor authentication off`)
        : pass(member.login, member.login, `${member.login} has two-factor authentication on`);
    }),
};

/** Base permissions that let every member push to (or administer) every repository. */
const TOO_BROAD = new Set(["write", "admin"]);

export const defaultPermissionRestricted: GitHubCheck = {
  id: "github.default-permission-restricted",
  title: "Base repository permission is read or none",
  connector: "github",
  reads: ["GET /orgs/{org}"],
  controls: ["AC-07", "AC-08"],
  criteria: ["CC6.3"],
  evaluate: (snapshot) => {
    const login = snapshot.organization.login;
    const permission = snapshot.organization.defaultRepositoryPermission;
    if (permission === null) {
      return [fail(login, login, `${login}: the token cannot see the base repository permission`)];
    }
    return TOO_BROAD.has(permission)
      ? [fail(login, login, `${login} gives every member ${permission} access to every repository`)]
      : [pass(login, login, `${login}'s base repository permission is ${permission}`)];
  },
};
