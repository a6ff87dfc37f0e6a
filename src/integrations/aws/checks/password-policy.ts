/**
 * The IAM password policy measured against the library's password standard (AC-03 and
 * domain/password-policy.ts): long passwords, no reuse, and no forced periodic change.
 */
import { MIN_PASSWORD_LENGTH } from "../../../domain/password-policy.ts";
import { accountResult } from "./common.ts";
import type { AwsCheck } from "./common.ts";

/** How many earlier passwords may not come back (the CIS AWS benchmark asks for 24). */
export const MIN_REUSE_PREVENTION = 24;

const READS = ["iam:GetAccountPasswordPolicy"] as const;
const NO_POLICY = "the account has no IAM password policy (AWS's default allows 8 characters)";

export const passwordMinimumLength: AwsCheck = {
  id: "aws.password-policy-min-length",
  title: `Password policy requires at least ${MIN_PASSWORD_LENGTH} characters`,
  connector: "aws",
  reads: READS,
  controls: ["AC-03"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) => {
    const policy = snapshot.iam.passwordPolicy;
    if (policy === null) return [accountResult(snapshot, "fail", NO_POLICY)];
    const length = policy.minimumPasswordLength;
    return [
      length >= MIN_PASSWORD_LENGTH
        ? accountResult(snapshot, "pass", `passwords must have at least ${length} characters`)
        : accountResult(
            snapshot,
            "fail",
            `passwords need only ${length} characters; the standard is ${MIN_PASSWORD_LENGTH}`,
          ),
    ];
  },
};

export const passwordReusePrevention: AwsCheck = {
  id: "aws.password-policy-reuse-prevention",
  title: `Password policy prevents reuse of the last ${MIN_REUSE_PREVENTION} passwords`,
  connector: "aws",
  reads: READS,
  controls: ["AC-03"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) => {
    const policy = snapshot.iam.passwordPolicy;
    if (policy === null) return [accountResult(snapshot, "fail", NO_POLICY)];
    const remembered = policy.passwordReusePrevention;
    if (remembered === null) {
      return [accountResult(snapshot, "fail", "the password policy allows reusing any password")];
    }
    return [
      remembered >= MIN_REUSE_PREVENTION
        ? accountResult(snapshot, "pass", `the last ${remembered} passwords cannot be reused`)
        : accountResult(
            snapshot,
            "fail",
            `only the last ${remembered} passwords are blocked from reuse; the standard is ${MIN_REUSE_PREVENTION}`,
          ),
    ];
  },
};

export const passwordNoForcedExpiry: AwsCheck = {
  id: "aws.password-policy-no-forced-expiry",
  title: "Password policy does not force periodic password changes",
  connector: "aws",
  reads: READS,
  controls: ["AC-03"],
  criteria: ["CC6.1"],
  // The standard (NIST SP 800-63B) changes passwords on suspected compromise, not on a
  // schedule: forced expiry pushes people to predictable variations.
  evaluate: (snapshot) => {
    const policy = snapshot.iam.passwordPolicy;
    if (policy === null) {
      return [accountResult(snapshot, "not-applicable", "the account has no IAM password policy")];
    }
    return [
      policy.expirePasswords
        ? accountResult(
            snapshot,
            "fail",
            `passwords expire every ${policy.maxPasswordAge ?? "?"} days; change them on suspected compromise instead`,
          )
        : accountResult(snapshot, "pass", "passwords do not expire on a schedule"),
    ];
  },
};
