/**
 * A made-up account of about `resources` resources (IAM users, buckets, security groups,
 * database instances), a mix of compliant and not, for the checks benchmark. Deterministic:
 * the same size gives the same snapshot.
 */
import type {
  AwsBucket,
  AwsCredentialReportUser,
  AwsDbInstance,
  AwsIamUser,
  AwsSecurityGroup,
  AwsSnapshot,
} from "./snapshot.ts";

const ACCOUNT = "123456789012";
const COLLECTED_AT = "2026-06-30T12:00:00.000Z";
const REGIONS = ["eu-west-1", "us-east-1", "us-west-2"];

/** A time `days` days before the synthetic collection. */
const daysAgo = (days: number) =>
  new Date(Date.parse(COLLECTED_AT) - days * 86_400_000).toISOString();

const regionOf = (i: number) => REGIONS[i % REGIONS.length] ?? "us-east-1";

function reportUser(i: number): AwsCredentialReportUser {
  const name = `user-${i}`;
  return {
    user: name,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    userCreationTime: daysAgo(400),
    passwordEnabled: i % 3 !== 0,
    passwordLastUsed: i % 5 === 0 ? null : daysAgo(i % 120),
    passwordLastChanged: daysAgo(200),
    mfaActive: i % 7 !== 0,
    accessKeys: [
      {
        slot: 1,
        active: i % 2 === 0,
        lastRotated: daysAgo(i % 150),
        lastUsedDate: daysAgo(i % 100),
      },
      { slot: 2, active: false, lastRotated: null, lastUsedDate: null },
    ],
  };
}

function iamUser(i: number): AwsIamUser {
  const name = `user-${i}`;
  return {
    userName: name,
    userId: `AIDA${String(i).padStart(17, "0")}`,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    createDate: daysAgo(400),
    attachedPolicies:
      i % 11 === 0
        ? [
            {
              policyName: "AdministratorAccess",
              policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            },
          ]
        : [],
    inlinePolicies: i % 13 === 0 ? [`inline-${i}`] : [],
  };
}

function bucket(i: number): AwsBucket {
  const on = i % 4 !== 0;
  return {
    name: `bucket-${i}`,
    region: regionOf(i),
    publicAccessBlock:
      i % 9 === 0
        ? null
        : {
            blockPublicAcls: true,
            ignorePublicAcls: on,
            blockPublicPolicy: true,
            restrictPublicBuckets: on,
          },
    encryption: i % 6 === 0 ? null : "aws:kms",
    versioning: i % 2 === 0 ? "Enabled" : null,
  };
}

function securityGroup(i: number): AwsSecurityGroup {
  return {
    groupId: `sg-${i.toString(16).padStart(17, "0")}`,
    groupName: `group-${i}`,
    region: regionOf(i),
    vpcId: "vpc-0abc",
    ingress: [
      { protocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: [] },
      {
        protocol: "tcp",
        fromPort: 22,
        toPort: 22,
        ipv4Ranges: i % 8 === 0 ? ["0.0.0.0/0"] : ["10.0.0.0/8"],
        ipv6Ranges: [],
      },
    ],
  };
}

function dbInstance(i: number): AwsDbInstance {
  const region = regionOf(i);
  return {
    identifier: `db-${i}`,
    arn: `arn:aws:rds:${region}:${ACCOUNT}:db:db-${i}`,
    region,
    engine: "postgres",
    storageEncrypted: i % 5 !== 0,
    backupRetentionPeriod: i % 4 === 0 ? 1 : 14,
    publiclyAccessible: i % 10 === 0,
  };
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

export function awsSyntheticSnapshot(resources: number): AwsSnapshot {
  const total = Math.max(10, Math.floor(resources));
  const users = Math.floor(total * 0.4);
  const buckets = Math.floor(total * 0.2);
  const groups = Math.floor(total * 0.2);
  const databases = total - users - buckets - groups;
  return {
    collectedAt: COLLECTED_AT,
    accountId: ACCOUNT,
    regions: REGIONS,
    iam: {
      accountMfaEnabled: true,
      accountAccessKeysPresent: false,
      passwordPolicy: {
        minimumPasswordLength: 14,
        requireSymbols: false,
        requireNumbers: false,
        requireUppercaseCharacters: false,
        requireLowercaseCharacters: false,
        passwordReusePrevention: 24,
        expirePasswords: false,
        maxPasswordAge: null,
      },
      credentialReport: { generatedAt: COLLECTED_AT, users: range(users).map(reportUser) },
      users: range(users).map(iamUser),
    },
    trails: REGIONS.map((region, i) => ({
      name: `trail-${region}`,
      arn: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/trail-${region}`,
      homeRegion: region,
      s3BucketName: `bucket-${i}`,
      isMultiRegionTrail: i === 0,
      includeGlobalServiceEvents: i === 0,
      logFileValidationEnabled: i !== 1,
      isLogging: true,
    })),
    buckets: range(buckets).map(bucket),
    dbInstances: range(databases).map(dbInstance),
    securityGroups: range(groups).map(securityGroup),
    regionStates: REGIONS.map((region, i) => ({
      region,
      ebsEncryptionByDefault: i !== 2,
      guardDutyDetectors: i === 1 ? [] : [{ detectorId: `det${i}`, status: "ENABLED" }],
    })),
  };
}
