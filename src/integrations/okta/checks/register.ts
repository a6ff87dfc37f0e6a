/**
 * Okta accounts matched to the people register by email: a leaver's account must be gone or
 * deactivated, and every account that can sign in must belong to someone on the register.
 * The register is the copy in the snapshot, so a replay compares against the same people.
 */
import type { CheckDefinition, ResourceResult } from "../../../domain/checks/check.ts";
import type { OktaSnapshot } from "../snapshot.ts";
import { accountName, canSignIn } from "./users.ts";

function emptyRegister(snapshot: OktaSnapshot): ResourceResult[] {
  return [
    {
      resourceId: snapshot.orgUrl,
      resourceName: snapshot.orgUrl,
      status: "not-applicable",
      reason: "the people register is empty, so accounts cannot be matched to people",
    },
  ];
}

/** Accounts that still work: a deprovisioned or suspended one cannot be used to sign in. */
function liveAccount(status: string): boolean {
  return status !== "DEPROVISIONED" && status !== "SUSPENDED";
}

export const leaversDeactivatedCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.leavers-deactivated",
  title: "Leavers in the people register have no working Okta account",
  connector: "okta",
  reads: ["GET /api/v1/users", "people register"],
  controls: ["AC-05", "HR-08"],
  criteria: ["CC6.2", "CC6.5"],
  evaluate(snapshot) {
    if (snapshot.people.length === 0) return emptyRegister(snapshot);
    const leavers = snapshot.people.filter((p) => p.status === "left");
    if (leavers.length === 0) {
      return [
        {
          resourceId: snapshot.orgUrl,
          resourceName: snapshot.orgUrl,
          status: "not-applicable",
          reason: "nobody on the people register has left",
        },
      ];
    }
    return leavers
      .map((person): ResourceResult => {
        const live = snapshot.users.filter(
          (u) => u.email === person.email && liveAccount(u.status),
        );
        const left = person.endDate === null ? "" : ` on ${person.endDate}`;
        return {
          resourceId: `person:${person.email}`,
          resourceName: `${person.name} (${person.email})`,
          status: live.length === 0 ? "pass" : "fail",
          reason:
            live.length === 0
              ? `${person.name} left${left} and has no working Okta account`
              : `${person.name} left${left} but their Okta account is ${live.map((u) => u.status.toLowerCase()).join(", ")}`,
        };
      })
      .sort((a, b) => a.resourceId.localeCompare(b.resourceId));
  },
};

export const unknownAccountsCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.unknown-accounts",
  title: "Every active Okta account belongs to someone on the people register",
  connector: "okta",
  reads: ["GET /api/v1/users", "people register"],
  controls: ["AC-01", "AC-06"],
  criteria: ["CC6.1", "CC6.2"],
  evaluate(snapshot) {
    if (snapshot.people.length === 0) return emptyRegister(snapshot);
    const known = new Set(snapshot.people.map((p) => p.email));
    const users = snapshot.users.filter(canSignIn);
    return users.map((user) => ({
      resourceId: user.id,
      resourceName: accountName(user),
      status: known.has(user.email) ? "pass" : "fail",
      reason: known.has(user.email)
        ? `${user.email} is on the people register`
        : `${user.email} matches nobody on the people register (a shared, service or forgotten account?)`,
    }));
  },
};
