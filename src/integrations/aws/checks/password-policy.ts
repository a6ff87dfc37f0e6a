/**
 * The IAM password policy measured against the library's password standard (AC-03 and
 * domain/password-policy.ts): long passwords, no reuse, and no forced periodic change.
 */
import type { ResourceStatus } from "../../../domain/checks/check.ts";
import { MIN_PASSWORD_LENGTH } from "../../../domain/password-policy.ts";
import type { AwsPasswordPolicy } from "../snapshot.ts";
import { accountResult } from "./common.ts";
import type { AwsCheck } from "./common.ts";

/** How many earlier passwords may not come back (the CIS AWS benchmark asks for 24). */
export const MIN_REUSE_PREVENTION = 24;

type Verdict = [ResourceStatus, string];

/** A check of the account's policy; without a policy, AWS's weak default applies. */
function policyCheck(
  id: string,
  title: string,
  withoutPolicy: Verdict,
  judge: (policy: AwsPasswordPolicy) => Verdict,
): AwsCheck {
  return {
    id,
    title,
    connector: "aws",
    reads: ["iam:GetAccountPasswordPolicy"],
    controls: ["AC-03"],
    criteria: ["CC6.1"],
    evaluate: (snapshot) => {
      const policy = snapshot.iam.passwordPolicy;
      const [status, reason] = policy === null ? withoutPolicy : judge(policy);
      return [accountResult(snapshot, status, reason)];
    },
  };
}

const NO_POLICY: Verdict = [
  "fail",
  "the account has no IAM password policy (AWS's default allows 8 characters)",
];

export const passwordMinimumLength = policyCheck(
  "aws.password-policy-min-length",
  `Password policy requires at least ${MIN_PASSWORD_LENGTH} characters`,
  NO_POLICY,
  ({ minimumPasswordLength: length }) =>
    length >= MIN_PASSWORD_LENGTH
      ? ["pass", `passwords must have at least ${length} characters`]
      : [
          "fail",
          `passwords need only ${length} characters; the standard is ${MIN_PASSWORD_LENGTH}`,
        ],
);

export const passwordReusePrevention = policyCheck(
  "aws.password-policy-reuse-prevention",
  `Password policy prevents reuse of the last ${MIN_REUSE_PREVENTION} passwords`,
  NO_POLICY,
  ({ passwordReusePrevention: remembered }) => {
    if (remembered === null) return ["fail", "the password policy allows reusing any password"];
    return remembered >= MIN_REUSE_PREVENTION
      ? ["pass", `the last ${remembered} passwords cannot be reused`]
      : [
          "fail",
          `only the last ${remembered} passwords are blocked from reuse; the standard is ${MIN_REUSE_PREVENTION}`,
        ];
  },
);

// The standard (NIST SP 800-63B) changes passwords on suspected compromise, not on a
// schedule: forced expiry pushes people to predictable variations.
export const passwordNoForcedExpiry = policyCheck(
  "aws.password-policy-no-forced-expiry",
  "Password policy does not force periodic password changes",
  ["not-applicable", "the account has no IAM password policy"],
  (policy) =>
    policy.expirePasswords
      ? [
          "fail",
          `passwords expire every ${policy.maxPasswordAge ?? "?"} days; change them on suspected compromise instead`,
        ]
      : ["pass", "passwords do not expire on a schedule"],
);
