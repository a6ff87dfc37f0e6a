/** Admin roles: few super administrators, and none held by suspended or removed accounts. */
import type { CheckDefinition } from "../../../domain/checks/check.ts";
import type { OktaSnapshot } from "../snapshot.ts";
import { accountName, canSignIn, isAdmin, roleList } from "./users.ts";

/** More than this many super administrators is more standing power than an org needs. */
export const MAX_SUPER_ADMINS = 3;

export const superAdminsFewCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.super-admins-few",
  title: `At most ${MAX_SUPER_ADMINS} super administrators`,
  connector: "okta",
  reads: ["GET /api/v1/users", "GET /api/v1/users/{userId}/roles"],
  controls: ["AC-07"],
  criteria: ["CC6.1", "CC6.3"],
  evaluate(snapshot) {
    const supers = snapshot.users
      .filter((u) => canSignIn(u) && u.roles.some((r) => r.type === "SUPER_ADMIN"))
      .map((u) => u.email)
      .sort();
    const named = supers.length === 0 ? "none" : supers.join(", ");
    const status = supers.length >= 1 && supers.length <= MAX_SUPER_ADMINS ? "pass" : "fail";
    return [
      {
        resourceId: snapshot.orgUrl,
        resourceName: snapshot.orgUrl,
        status,
        reason:
          supers.length === 0
            ? "no active account holds the super administrator role, so nobody can administer the org"
            : status === "pass"
              ? `${supers.length} super administrator(s): ${named}`
              : `${supers.length} super administrators, more than ${MAX_SUPER_ADMINS}: ${named}`,
      },
    ];
  },
};

export const inactiveUsersNoRolesCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.inactive-users-no-admin-roles",
  title: "Suspended and deprovisioned users hold no admin roles",
  connector: "okta",
  reads: ["GET /api/v1/users", "GET /api/v1/users/{userId}/roles"],
  controls: ["AC-05", "AC-07"],
  criteria: ["CC6.2", "CC6.3"],
  evaluate(snapshot) {
    const inactive = snapshot.users.filter(
      (u) => u.status === "SUSPENDED" || u.status === "DEPROVISIONED",
    );
    if (inactive.length === 0) {
      return [
        {
          resourceId: snapshot.orgUrl,
          resourceName: snapshot.orgUrl,
          status: "not-applicable",
          reason: "the organization has no suspended or deprovisioned users",
        },
      ];
    }
    return inactive.map((user) => ({
      resourceId: user.id,
      resourceName: accountName(user),
      status: isAdmin(user) ? "fail" : "pass",
      reason: isAdmin(user)
        ? `${user.email} is ${user.status.toLowerCase()} but still holds ${roleList(user)}`
        : `${user.email} is ${user.status.toLowerCase()} and holds no admin role`,
    }));
  },
};
