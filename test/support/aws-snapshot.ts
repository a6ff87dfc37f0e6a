/**
 * A hand-written AWS snapshot in which every check passes, for the checks' fixture tests:
 * each test copies it, breaks one thing, and expects that check to fail with its reason.
 */
import type { AwsSnapshot } from "../../src/integrations/aws/snapshot.ts";

export const SNAPSHOT_TIME = "2026-06-30T12:00:00.000Z";
export const SNAPSHOT_ACCOUNT = "210987654321";

/** A time `days` days before the snapshot was collected. */
export const daysAgo = (days: number) =>
  new Date(Date.parse(SNAPSHOT_TIME) - days * 86_400_000).toISOString();

export function compliantSnapshot(): AwsSnapshot {
  const account = SNAPSHOT_ACCOUNT;
  return {
    collectedAt: SNAPSHOT_TIME,
    accountId: account,
    regions: ["eu-central-1", "us-east-2"],
    iam: {
      accountMfaEnabled: true,
      accountAccessKeysPresent: false,
      passwordPolicy: {
        minimumPasswordLength: 12,
        requireSymbols: false,
        requireNumbers: false,
        requireUppercaseCharacters: false,
        requireLowercaseCharacters: false,
        passwordReusePrevention: 24,
        expirePasswords: false,
        maxPasswordAge: null,
      },
      credentialReport: {
        generatedAt: SNAPSHOT_TIME,
        users: [
          {
            user: "dana",
            arn: `arn:aws:iam::${account}:user/dana`,
            userCreationTime: daysAgo(400),
            passwordEnabled: true,
            passwordLastUsed: daysAgo(3),
            passwordLastChanged: daysAgo(300),
            mfaActive: true,
            accessKeys: [
              { slot: 1, active: true, lastRotated: daysAgo(90), lastUsedDate: daysAgo(90) },
              { slot: 2, active: false, lastRotated: daysAgo(700), lastUsedDate: null },
            ],
          },
          {
            user: "deploy-bot",
            arn: `arn:aws:iam::${account}:user/deploy-bot`,
            userCreationTime: daysAgo(20),
            passwordEnabled: false,
            passwordLastUsed: null,
            passwordLastChanged: null,
            mfaActive: false,
            accessKeys: [
              // Created 20 days ago and not used yet: not unused for long enough to fail.
              { slot: 1, active: true, lastRotated: daysAgo(20), lastUsedDate: null },
              { slot: 2, active: false, lastRotated: null, lastUsedDate: null },
            ],
          },
        ],
      },
      users: [
        {
          userName: "dana",
          userId: "AIDAEXAMPLEDANA00001",
          arn: `arn:aws:iam::${account}:user/dana`,
          createDate: daysAgo(400),
          attachedPolicies: [],
          inlinePolicies: [],
        },
        {
          userName: "deploy-bot",
          userId: "AIDAEXAMPLEBOT000001",
          arn: `arn:aws:iam::${account}:user/deploy-bot`,
          createDate: daysAgo(20),
          attachedPolicies: [],
          inlinePolicies: [],
        },
      ],
    },
    trails: [
      {
        name: "main",
        arn: `arn:aws:cloudtrail:eu-central-1:${account}:trail/main`,
        homeRegion: "eu-central-1",
        s3BucketName: "trail-logs",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        logFileValidationEnabled: true,
        isLogging: true,
      },
    ],
    buckets: [
      {
        name: "trail-logs",
        region: "eu-central-1",
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        encryption: "AES256",
        versioning: "Enabled",
      },
      {
        name: "assets",
        region: "us-east-2",
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        encryption: "aws:kms",
        versioning: null,
      },
    ],
    dbInstances: [
      {
        identifier: "orders",
        arn: `arn:aws:rds:eu-central-1:${account}:db:orders`,
        region: "eu-central-1",
        engine: "postgres",
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        publiclyAccessible: false,
      },
    ],
    securityGroups: [
      {
        groupId: "sg-0123456789abcdef0",
        groupName: "api",
        region: "eu-central-1",
        vpcId: "vpc-01",
        ingress: [
          {
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            ipv4Ranges: ["0.0.0.0/0"],
            ipv6Ranges: ["::/0"],
          },
          {
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            ipv4Ranges: ["10.20.0.0/16"],
            ipv6Ranges: [],
          },
          { protocol: "icmp", fromPort: -1, toPort: -1, ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: [] },
        ],
      },
    ],
    regionStates: [
      {
        region: "eu-central-1",
        ebsEncryptionByDefault: true,
        guardDutyDetectors: [{ detectorId: "d1", status: "ENABLED" }],
      },
      {
        region: "us-east-2",
        ebsEncryptionByDefault: true,
        guardDutyDetectors: [{ detectorId: "d2", status: "ENABLED" }],
      },
    ],
  };
}
