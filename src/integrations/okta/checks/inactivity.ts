/** Accounts nobody uses: active users who have not signed in for 90 days. */
import type { CheckDefinition } from "../../../domain/checks/check.ts";
import type { OktaSnapshot } from "../snapshot.ts";
import { accountName, canSignIn } from "./users.ts";

export const INACTIVE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export const inactiveUsersCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.inactive-users",
  title: `No active user unused for ${INACTIVE_DAYS} days`,
  connector: "okta",
  reads: ["GET /api/v1/users"],
  controls: ["AC-06"],
  criteria: ["CC6.2", "CC6.3"],
  evaluate(snapshot) {
    // "Now" is when the snapshot was taken: a replay a year later gives the same answer.
    const now = Date.parse(snapshot.collectedAt);
    const users = snapshot.users.filter(canSignIn);
    if (users.length === 0) {
      return [
        {
          resourceId: snapshot.orgUrl,
          resourceName: snapshot.orgUrl,
          status: "not-applicable",
          reason: "the organization has no active users",
        },
      ];
    }
    return users.map((user) => {
      // Never signed in: count from creation, so a new hire has 90 days to start.
      const since = user.lastLogin ?? user.created;
      const days = since === null ? null : Math.floor((now - Date.parse(since)) / DAY_MS);
      const stale = days === null || days >= INACTIVE_DAYS;
      const last =
        user.lastLogin === null
          ? "has never signed in"
          : `last signed in on ${user.lastLogin.slice(0, 10)}`;
      return {
        resourceId: user.id,
        resourceName: accountName(user),
        status: stale ? "fail" : "pass",
        reason: stale
          ? `${user.email} ${last}, ${days ?? "an unknown number of"} days ago, and is still active`
          : `${user.email} ${last}`,
      };
    });
  },
};
