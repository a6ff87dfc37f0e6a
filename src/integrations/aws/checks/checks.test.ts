// Every AWS check against fixtures: the compliant snapshot passes it, and one change to that
// snapshot makes it fail with a reason naming the resource.
import { describe, expect, it } from "vitest";
import {
  SNAPSHOT_ACCOUNT,
  compliantSnapshot,
  daysAgo,
} from "../../../../test/support/aws-snapshot.ts";
import type { AwsSnapshot } from "../snapshot.ts";
import { awsChecks } from "./index.ts";

interface FailCase {
  /** Breaks the compliant snapshot in one way. */
  breakIt(snapshot: AwsSnapshot): void;
  /** The failing results' reasons, in order. */
  reasons: string[];
}

const report = (s: AwsSnapshot, user: string) => {
  const found = s.iam.credentialReport.users.find((u) => u.user === user);
  if (!found) throw new Error(`no ${user} in the fixture`);
  return found;
};

const FAILURES: Record<string, FailCase[]> = {
  "aws.root-mfa-enabled": [
    {
      breakIt: (s) => void (s.iam.accountMfaEnabled = false),
      reasons: ["the root user has no MFA device"],
    },
  ],
  "aws.root-no-access-keys": [
    {
      breakIt: (s) => void (s.iam.accountAccessKeysPresent = true),
      reasons: ["the root user has access keys"],
    },
  ],
  "aws.iam-console-users-mfa": [
    {
      breakIt: (s) => void (report(s, "dana").mfaActive = false),
      reasons: ["dana has a console password and no MFA device"],
    },
  ],
  "aws.iam-access-keys-rotated": [
    {
      breakIt: (s) => void (report(s, "dana").accessKeys[0]!.lastRotated = daysAgo(91)),
      reasons: ["dana: key 1 is 91 days old (rotate every 90 days)"],
    },
    {
      // A second key made active counts too, and both are named.
      breakIt: (s) => {
        report(s, "dana").accessKeys[0]!.lastRotated = daysAgo(200);
        report(s, "dana").accessKeys[1]!.active = true;
      },
      reasons: ["dana: key 1 is 200 days old and key 2 is 700 days old (rotate every 90 days)"],
    },
  ],
  "aws.iam-unused-credentials": [
    {
      breakIt: (s) => void (report(s, "dana").passwordLastUsed = daysAgo(120)),
      reasons: ["dana: the console password was last used 120 days ago"],
    },
    {
      breakIt: (s) => {
        report(s, "deploy-bot").userCreationTime = daysAgo(150);
        report(s, "deploy-bot").accessKeys[0]!.lastRotated = daysAgo(150);
      },
      reasons: ["deploy-bot: access key 1 was never used in 150 days"],
    },
  ],
  "aws.iam-no-direct-user-policies": [
    {
      breakIt: (s) => {
        s.iam.users[0]!.attachedPolicies.push({
          policyName: "AdministratorAccess",
          policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
        });
        s.iam.users[0]!.inlinePolicies.push("s3-everything");
      },
      reasons: [
        "dana has managed policy AdministratorAccess and inline policy s3-everything attached directly",
      ],
    },
  ],
  "aws.password-policy-min-length": [
    {
      breakIt: (s) => void (s.iam.passwordPolicy!.minimumPasswordLength = 8),
      reasons: ["passwords need only 8 characters; the standard is 12"],
    },
    {
      breakIt: (s) => void (s.iam.passwordPolicy = null),
      reasons: ["the account has no IAM password policy (AWS's default allows 8 characters)"],
    },
  ],
  "aws.password-policy-reuse-prevention": [
    {
      breakIt: (s) => void (s.iam.passwordPolicy!.passwordReusePrevention = 5),
      reasons: ["only the last 5 passwords are blocked from reuse; the standard is 24"],
    },
    {
      breakIt: (s) => void (s.iam.passwordPolicy!.passwordReusePrevention = null),
      reasons: ["the password policy allows reusing any password"],
    },
  ],
  "aws.password-policy-no-forced-expiry": [
    {
      breakIt: (s) => {
        s.iam.passwordPolicy!.expirePasswords = true;
        s.iam.passwordPolicy!.maxPasswordAge = 90;
      },
      reasons: ["passwords expire every 90 days; change them on suspected compromise instead"],
    },
  ],
  "aws.cloudtrail-multi-region": [
    {
      breakIt: (s) => void (s.trails[0]!.isMultiRegionTrail = false),
      reasons: ["no trail records every region (trails read in eu-central-1, us-east-2)"],
    },
    {
      breakIt: (s) => void (s.trails[0]!.isLogging = false),
      reasons: ["multi-region trail main is not logging"],
    },
    {
      breakIt: (s) => void (s.trails[0]!.includeGlobalServiceEvents = false),
      reasons: ["multi-region trail main does not record global service events (IAM, STS)"],
    },
  ],
  "aws.cloudtrail-logging": [
    { breakIt: (s) => void (s.trails[0]!.isLogging = false), reasons: ["trail main is stopped"] },
  ],
  "aws.cloudtrail-log-validation": [
    {
      breakIt: (s) => void (s.trails[0]!.logFileValidationEnabled = false),
      reasons: ["trail main does not validate its log files (tampering would go unnoticed)"],
    },
  ],
  "aws.s3-public-access-blocked": [
    {
      breakIt: (s) => {
        s.buckets[1]!.publicAccessBlock!.blockPublicPolicy = false;
        s.buckets[1]!.publicAccessBlock!.restrictPublicBuckets = false;
      },
      reasons: ["s3://assets has BlockPublicPolicy and RestrictPublicBuckets off"],
    },
    {
      breakIt: (s) => void (s.buckets[0]!.publicAccessBlock = null),
      reasons: ["s3://trail-logs has no public access block"],
    },
  ],
  "aws.s3-default-encryption": [
    {
      breakIt: (s) => void (s.buckets[1]!.encryption = null),
      reasons: ["s3://assets has no default encryption"],
    },
  ],
  "aws.s3-log-bucket-versioning": [
    {
      breakIt: (s) => void (s.buckets[0]!.versioning = "Suspended"),
      reasons: [
        "s3://trail-logs receives CloudTrail logs without versioning (deleted or overwritten logs are lost)",
      ],
    },
  ],
  "aws.rds-storage-encrypted": [
    {
      breakIt: (s) => void (s.dbInstances[0]!.storageEncrypted = false),
      reasons: ["orders (eu-central-1) stores its data unencrypted"],
    },
  ],
  "aws.rds-backup-retention": [
    {
      breakIt: (s) => void (s.dbInstances[0]!.backupRetentionPeriod = 6),
      reasons: ["orders (eu-central-1) keeps backups for only 6 days; at least 7 are needed"],
    },
    {
      breakIt: (s) => void (s.dbInstances[0]!.backupRetentionPeriod = 0),
      reasons: ["orders (eu-central-1) has automated backups turned off"],
    },
  ],
  "aws.rds-not-public": [
    {
      breakIt: (s) => void (s.dbInstances[0]!.publiclyAccessible = true),
      reasons: ["orders (eu-central-1) is publicly accessible"],
    },
  ],
  "aws.ebs-default-encryption": [
    {
      breakIt: (s) => void (s.regionStates[1]!.ebsEncryptionByDefault = false),
      reasons: ["us-east-2 does not encrypt new EBS volumes by default"],
    },
  ],
  "aws.sg-no-open-admin-ports": [
    {
      breakIt: (s) => void s.securityGroups[0]!.ingress[1]!.ipv4Ranges.push("0.0.0.0/0"),
      reasons: ["api (sg-0123456789abcdef0, eu-central-1) allows port 22 from 0.0.0.0/0"],
    },
    {
      // A range covering both ports, from anywhere on IPv6.
      breakIt: (s) =>
        void s.securityGroups[0]!.ingress.push({
          protocol: "tcp",
          fromPort: 0,
          toPort: 65535,
          ipv4Ranges: [],
          ipv6Ranges: ["::/0"],
        }),
      reasons: [
        "api (sg-0123456789abcdef0, eu-central-1) allows port 22 from ::/0 and port 3389 from ::/0",
      ],
    },
    {
      // Every protocol from anywhere.
      breakIt: (s) =>
        void s.securityGroups[0]!.ingress.push({
          protocol: "-1",
          fromPort: null,
          toPort: null,
          ipv4Ranges: ["0.0.0.0/0"],
          ipv6Ranges: [],
        }),
      reasons: [
        "api (sg-0123456789abcdef0, eu-central-1) allows port 22 from 0.0.0.0/0 and port 3389 from 0.0.0.0/0",
      ],
    },
  ],
  "aws.guardduty-enabled": [
    {
      breakIt: (s) => void (s.regionStates[0]!.guardDutyDetectors = []),
      reasons: ["GuardDuty has no detector in eu-central-1"],
    },
    {
      breakIt: (s) => void (s.regionStates[1]!.guardDutyDetectors[0]!.status = "DISABLED"),
      reasons: ["GuardDuty's detector in us-east-2 is disabled"],
    },
  ],
};

const failingReasons = (id: string, snapshot: AwsSnapshot) => {
  const check = awsChecks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check
    .evaluate(snapshot)
    .filter((r) => r.status === "fail")
    .map((r) => r.reason);
};

describe("AWS checks on fixtures", () => {
  it("has a failing fixture for every check", () => {
    expect(Object.keys(FAILURES).sort()).toEqual(awsChecks.map((c) => c.id).sort());
  });

  it.each(awsChecks.map((check) => [check.id, check] as const))(
    "%s passes on the compliant fixture",
    (_id, check) => {
      const results = check.evaluate(compliantSnapshot());
      expect(results.filter((r) => r.status === "fail")).toEqual([]);
      expect(results.filter((r) => r.status === "pass").length).toBeGreaterThan(0);
    },
  );

  for (const [id, cases] of Object.entries(FAILURES)) {
    it.each(cases.map((c, i) => [i + 1, c] as const))(
      `${id} fails on broken fixture %i`,
      (_n, failCase) => {
        const snapshot = compliantSnapshot();
        failCase.breakIt(snapshot);
        expect(failingReasons(id, snapshot)).toEqual(failCase.reasons);
      },
    );
  }

  it("marks what a check does not apply to as not applicable, with the reason", () => {
    const snapshot = compliantSnapshot();
    const byId = (id: string) => awsChecks.find((c) => c.id === id)!.evaluate(snapshot);
    expect(byId("aws.iam-console-users-mfa")).toContainEqual({
      resourceId: `arn:aws:iam::${SNAPSHOT_ACCOUNT}:user/deploy-bot`,
      resourceName: "deploy-bot",
      status: "not-applicable",
      reason: "deploy-bot has no console password",
    });
    expect(byId("aws.s3-log-bucket-versioning")).toContainEqual({
      resourceId: "arn:aws:s3:::assets",
      resourceName: "s3://assets",
      status: "not-applicable",
      reason: "s3://assets receives no CloudTrail logs",
    });
  });
});
