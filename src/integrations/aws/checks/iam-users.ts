/**
 * IAM user checks: console users have MFA, access keys are rotated and used, and permissions
 * come through groups or roles rather than policies on the user.
 */
import type { ResourceResult } from "../../../domain/checks/check.ts";
import type { AwsCredentialReportUser, AwsSnapshot } from "../snapshot.ts";
import { daysBefore, listed, result } from "./common.ts";
import type { AwsCheck } from "./common.ts";

/** Older than this, an access key is due for rotation and an unused credential for removal. */
export const MAX_CREDENTIAL_AGE_DAYS = 90;

const reportUsers = (snapshot: AwsSnapshot) => snapshot.iam.credentialReport.users;

export const consoleUsersHaveMfa: AwsCheck = {
  id: "aws.iam-console-users-mfa",
  title: "IAM users with a console password have MFA",
  connector: "aws",
  reads: ["iam:GenerateCredentialReport", "iam:GetCredentialReport"],
  controls: ["AC-02"],
  criteria: ["CC6.1", "CC6.6"],
  evaluate: (snapshot) =>
    reportUsers(snapshot).map((user) => {
      if (!user.passwordEnabled) {
        return result(
          user.arn,
          user.user,
          "not-applicable",
          `${user.user} has no console password`,
        );
      }
      return user.mfaActive
        ? result(user.arn, user.user, "pass", `${user.user} signs in to the console with MFA`)
        : result(
            user.arn,
            user.user,
            "fail",
            `${user.user} has a console password and no MFA device`,
          );
    }),
};

export const accessKeysRotated: AwsCheck = {
  id: "aws.iam-access-keys-rotated",
  title: `Active access keys are at most ${MAX_CREDENTIAL_AGE_DAYS} days old`,
  connector: "aws",
  reads: ["iam:GenerateCredentialReport", "iam:GetCredentialReport"],
  controls: ["AC-09"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) =>
    reportUsers(snapshot).map((user) => {
      const active = user.accessKeys.filter((key) => key.active);
      if (active.length === 0) {
        return result(
          user.arn,
          user.user,
          "not-applicable",
          `${user.user} has no active access key`,
        );
      }
      const stale = active
        .map((key) => ({
          key,
          age: daysBefore(snapshot, key.lastRotated ?? user.userCreationTime),
        }))
        .filter(({ age }) => age > MAX_CREDENTIAL_AGE_DAYS)
        .map(({ key, age }) => `key ${key.slot} is ${age} days old`);
      return stale.length === 0
        ? result(
            user.arn,
            user.user,
            "pass",
            `${user.user}'s active keys are at most ${MAX_CREDENTIAL_AGE_DAYS} days old`,
          )
        : result(
            user.arn,
            user.user,
            "fail",
            `${user.user}: ${listed(stale)} (rotate every ${MAX_CREDENTIAL_AGE_DAYS} days)`,
          );
    }),
};

/** Each enabled credential of a user unused (or never used) for too long, in words. */
function unusedCredentials(snapshot: AwsSnapshot, user: AwsCredentialReportUser): string[] {
  const unused: string[] = [];
  if (user.passwordEnabled) {
    const since = user.passwordLastUsed ?? user.passwordLastChanged ?? user.userCreationTime;
    const days = daysBefore(snapshot, since);
    if (days > MAX_CREDENTIAL_AGE_DAYS) {
      unused.push(
        user.passwordLastUsed === null
          ? `the console password was never used in ${days} days`
          : `the console password was last used ${days} days ago`,
      );
    }
  }
  for (const key of user.accessKeys.filter((k) => k.active)) {
    const since = key.lastUsedDate ?? key.lastRotated ?? user.userCreationTime;
    const days = daysBefore(snapshot, since);
    if (days > MAX_CREDENTIAL_AGE_DAYS) {
      unused.push(
        key.lastUsedDate === null
          ? `access key ${key.slot} was never used in ${days} days`
          : `access key ${key.slot} was last used ${days} days ago`,
      );
    }
  }
  return unused;
}

export const noUnusedCredentials: AwsCheck = {
  id: "aws.iam-unused-credentials",
  title: `No console password or access key unused for more than ${MAX_CREDENTIAL_AGE_DAYS} days`,
  connector: "aws",
  reads: ["iam:GenerateCredentialReport", "iam:GetCredentialReport"],
  controls: ["AC-05", "AC-06"],
  criteria: ["CC6.2", "CC6.3"],
  evaluate: (snapshot) =>
    reportUsers(snapshot).map((user): ResourceResult => {
      const hasCredential = user.passwordEnabled || user.accessKeys.some((key) => key.active);
      if (!hasCredential) {
        return result(
          user.arn,
          user.user,
          "not-applicable",
          `${user.user} has no password or active key`,
        );
      }
      const unused = unusedCredentials(snapshot, user);
      return unused.length === 0
        ? result(
            user.arn,
            user.user,
            "pass",
            `${user.user}'s credentials were used in the last ${MAX_CREDENTIAL_AGE_DAYS} days`,
          )
        : result(user.arn, user.user, "fail", `${user.user}: ${listed(unused)}`);
    }),
};

export const noDirectUserPolicies: AwsCheck = {
  id: "aws.iam-no-direct-user-policies",
  title: "IAM users get permissions through groups or roles, not policies of their own",
  connector: "aws",
  reads: ["iam:ListUsers", "iam:ListAttachedUserPolicies", "iam:ListUserPolicies"],
  controls: ["AC-07", "AC-08"],
  criteria: ["CC6.3"],
  evaluate: (snapshot) =>
    snapshot.iam.users.map((user) => {
      const policies = [
        ...user.attachedPolicies.map((policy) => `managed policy ${policy.policyName}`),
        ...user.inlinePolicies.map((name) => `inline policy ${name}`),
      ];
      return policies.length === 0
        ? result(
            user.arn,
            user.userName,
            "pass",
            `${user.userName} has no policy attached directly`,
          )
        : result(
            user.arn,
            user.userName,
            "fail",
            `${user.userName} has ${listed(policies)} attached directly`,
          );
    }),
};
