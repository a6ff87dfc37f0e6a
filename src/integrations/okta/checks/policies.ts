/** The password policy standard (AC-03) and a global sign-on policy that asks for MFA (AC-02). */
import type { CheckDefinition, ResourceResult } from "../../../domain/checks/check.ts";
import type { OktaSnapshot } from "../snapshot.ts";

export const MIN_PASSWORD_LENGTH = 12;

function unreadable(snapshot: OktaSnapshot, what: string): ResourceResult[] {
  return [
    {
      resourceId: snapshot.orgUrl,
      resourceName: snapshot.orgUrl,
      status: "not-applicable",
      reason: `the API token may not read ${what} (Okta answered 403), so this is not checked`,
    },
  ];
}

function none(snapshot: OktaSnapshot, what: string): ResourceResult[] {
  return [
    {
      resourceId: snapshot.orgUrl,
      resourceName: snapshot.orgUrl,
      status: "fail",
      reason: `the organization has no active ${what}`,
    },
  ];
}

export const passwordPolicyCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.password-policy",
  title: `Password policies require ${MIN_PASSWORD_LENGTH} characters, screen common passwords and lock out`,
  connector: "okta",
  reads: ["GET /api/v1/policies?type=PASSWORD"],
  controls: ["AC-03"],
  criteria: ["CC6.1"],
  evaluate(snapshot) {
    if (snapshot.passwordPolicies === null) return unreadable(snapshot, "password policies");
    const active = snapshot.passwordPolicies.filter((p) => p.status === "ACTIVE");
    if (active.length === 0) return none(snapshot, "password policy");
    return active.map((policy) => {
      const gaps: string[] = [];
      if ((policy.minLength ?? 0) < MIN_PASSWORD_LENGTH) {
        gaps.push(
          `a minimum length of ${policy.minLength ?? "none"} (under ${MIN_PASSWORD_LENGTH})`,
        );
      }
      if (!policy.excludesCommonPasswords) gaps.push("no common-password screening");
      if (policy.lockoutAttempts === null || policy.lockoutAttempts === 0) gaps.push("no lockout");
      return {
        resourceId: policy.id,
        resourceName: `password policy "${policy.name}"`,
        status: gaps.length === 0 ? "pass" : "fail",
        reason:
          gaps.length === 0
            ? `"${policy.name}" requires ${policy.minLength} characters, screens common passwords and locks out after ${policy.lockoutAttempts} attempts`
            : `"${policy.name}" has ${gaps.join(", ")}`,
      };
    });
  },
};

export const signOnPolicyMfaCheck: CheckDefinition<OktaSnapshot> = {
  id: "okta.sign-on-policy-mfa",
  title: "Global sign-on policies require a second factor",
  connector: "okta",
  reads: ["GET /api/v1/policies?type=OKTA_SIGN_ON", "GET /api/v1/policies/{policyId}/rules"],
  controls: ["AC-02"],
  criteria: ["CC6.1", "CC6.6"],
  evaluate(snapshot) {
    if (snapshot.signOnPolicies === null) return unreadable(snapshot, "sign-on policies");
    const active = snapshot.signOnPolicies.filter((p) => p.status === "ACTIVE");
    if (active.length === 0) return none(snapshot, "global sign-on policy");
    return active.map((policy) => {
      // A rule that lets people in without a factor is a standing exemption from MFA.
      const open = policy.rules.filter(
        (r) => r.status === "ACTIVE" && r.access === "ALLOW" && !r.requireFactor,
      );
      return {
        resourceId: policy.id,
        resourceName: `sign-on policy "${policy.name}"`,
        status: open.length === 0 ? "pass" : "fail",
        reason:
          open.length === 0
            ? `every active rule of "${policy.name}" that allows sign-in requires a second factor`
            : `"${policy.name}" allows sign-in without a second factor in rule(s) ${open.map((r) => `"${r.name}"`).join(", ")}`,
      };
    });
  },
};
