/** MFA enrolment: every user who can sign in, admins, and admins' phishing-resistant factors. */
import type { CheckDefinition, ResourceResult } from "../../../domain/checks/check.ts";
import type { OktaSnapshot, OktaUserRecord } from "../snapshot.ts";
import {
  accountName,
  activeFactors,
  canSignIn,
  hasMfa,
  hasPhishingResistantFactor,
  isAdmin,
} from "./users.ts";

const READS_FACTORS = ["GET /api/v1/users", "GET /api/v1/users/{userId}/factors"] as const;

function factorWords(user: OktaUserRecord): string {
  const types = activeFactors(user);
  return types.length === 0 ? "no active factor" : `only ${types.join(", ")}`;
}

function noneApplies(snapshot: OktaSnapshot, what: string): ResourceResult[] {
  return [
    {
      resourceId: snapshot.orgUrl,
      resourceName: snapshot.orgUrl,
      status: "not-applicable",
      reason: `the organization has no ${what}`,
    },
  ];
}

export const usersMfaCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.users-mfa",
  title: "Active users are enrolled in MFA",
  connector: "okta",
  reads: READS_FACTORS,
  controls: ["AC-02"],
  criteria: ["CC6.1", "CC6.6"],
  evaluate(snapshot) {
    const users = snapshot.users.filter(canSignIn);
    if (users.length === 0) return noneApplies(snapshot, "active users");
    return users.map((user) => ({
      resourceId: user.id,
      resourceName: accountName(user),
      status: hasMfa(user) ? "pass" : "fail",
      reason: hasMfa(user)
        ? `${user.email} is enrolled in ${activeFactors(user).join(", ")}`
        : `${user.email} has ${factorWords(user)}: no second factor is enrolled`,
    }));
  },
};

export const adminsMfaCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.admins-mfa",
  title: "Administrators are enrolled in MFA",
  connector: "okta",
  reads: [...READS_FACTORS, "GET /api/v1/users/{userId}/roles"],
  controls: ["AC-02", "AC-07"],
  criteria: ["CC6.1", "CC6.3"],
  evaluate(snapshot) {
    const admins = snapshot.users.filter((u) => canSignIn(u) && isAdmin(u));
    if (admins.length === 0) return noneApplies(snapshot, "active administrators");
    return admins.map((user) => ({
      resourceId: user.id,
      resourceName: accountName(user),
      status: hasMfa(user) ? "pass" : "fail",
      reason: hasMfa(user)
        ? `administrator ${user.email} is enrolled in ${activeFactors(user).join(", ")}`
        : `administrator ${user.email} has ${factorWords(user)}: no second factor is enrolled`,
    }));
  },
};

export const adminsPhishingResistantCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.admins-phishing-resistant-mfa",
  title: "Administrators use a phishing-resistant factor",
  connector: "okta",
  reads: [...READS_FACTORS, "GET /api/v1/users/{userId}/roles"],
  controls: ["AC-02"],
  criteria: ["CC6.1", "CC6.6"],
  evaluate(snapshot) {
    const admins = snapshot.users.filter((u) => canSignIn(u) && isAdmin(u));
    if (admins.length === 0) return noneApplies(snapshot, "active administrators");
    return admins.map((user) => {
      const strong = hasPhishingResistantFactor(user);
      return {
        resourceId: user.id,
        resourceName: accountName(user),
        status: strong ? "pass" : "fail",
        reason: strong
          ? `administrator ${user.email} has a security key or FastPass enrolled`
          : `administrator ${user.email} has ${factorWords(user)}: no security key (WebAuthn, U2F) or FastPass`,
      };
    });
  },
};
