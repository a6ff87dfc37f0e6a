/**
 * The account a fake AWS server answers for: plain data a test changes between calls to make
 * a resource compliant or not. Dates are ISO 8601 strings.
 */

export interface FakeAccessKey {
  active: boolean;
  lastRotated: string;
  lastUsedDate: string | null;
}

export interface FakeIamUser {
  userName: string;
  userId: string;
  createDate: string;
  passwordEnabled: boolean;
  passwordLastUsed: string | null;
  passwordLastChanged: string | null;
  mfaActive: boolean;
  accessKeys: FakeAccessKey[];
  attachedPolicies: { policyName: string; policyArn: string }[];
  inlinePolicies: string[];
}

export interface FakeTrail {
  name: string;
  homeRegion: string;
  s3BucketName: string;
  isMultiRegionTrail: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidationEnabled: boolean;
  isLogging: boolean;
}

export interface FakeBucket {
  name: string;
  region: string;
  creationDate: string;
  publicAccessBlock: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  } | null;
  encryption: "AES256" | "aws:kms" | null;
  versioning: "Enabled" | "Suspended" | null;
}

export interface FakeDbInstance {
  identifier: string;
  region: string;
  engine: string;
  storageEncrypted: boolean;
  backupRetentionPeriod: number;
  publiclyAccessible: boolean;
}

export interface FakeIngressRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  ipv4: string[];
  ipv6: string[];
}

export interface FakeSecurityGroup {
  groupId: string;
  groupName: string;
  region: string;
  vpcId: string;
  ingress: FakeIngressRule[];
}

export interface FakePasswordPolicy {
  minimumPasswordLength: number;
  passwordReusePrevention?: number;
  expirePasswords: boolean;
  maxPasswordAge?: number;
}

/** Which requests a rule applies to: a service ("iam") and optionally an operation. */
export interface FakeFailure {
  service: string;
  operation?: string;
  status: number;
  code: string;
  message?: string;
  /** How many matching requests fail; Infinity for all. */
  times: number;
}

export interface FakeAwsState {
  accountId: string;
  /** Access key id → secret and (for temporary keys) session token the server accepts. */
  keys: Map<string, { secret: string; sessionToken?: string; expired?: boolean }>;
  /** Roles AssumeRole can assume, with the external id their trust policy requires. */
  roles: Map<string, { externalId?: string }>;
  rootMfaEnabled: boolean;
  rootAccessKeysPresent: boolean;
  passwordPolicy: FakePasswordPolicy | null;
  /** GenerateCredentialReport answers STARTED this many more times before COMPLETE. */
  reportGenerationsPending: number;
  /** The time the server says it generated the credential report. */
  reportGeneratedAt: string;
  users: FakeIamUser[];
  trails: FakeTrail[];
  buckets: FakeBucket[];
  /** ListBuckets names each bucket's region (as AWS does since 2024; older S3 clones do not). */
  listsBucketRegion: boolean;
  dbInstances: FakeDbInstance[];
  securityGroups: FakeSecurityGroup[];
  ebsEncryptionByDefault: Record<string, boolean>;
  detectors: Record<string, { detectorId: string; status: "ENABLED" | "DISABLED" }[]>;
  /** The most items one page of any list holds, so tests see pagination. */
  pageSize: number;
  failures: FakeFailure[];
  /** Delay before every answer (timeouts). */
  delayMs: number;
  /** Replaces the next 2xx body of this operation with this text (malformed answers). */
  corrupt: { service: string; operation: string; body: string } | null;
  /** Every request served, as "service:Operation" (region). */
  log: { service: string; operation: string; region: string }[];
}

export const FAKE_ACCOUNT = "123456789012";
export const FAKE_KEY = {
  accessKeyId: "AKIAFAKEATTEST0001",
  secretAccessKey: "fake-secret-key-0123456789",
};

/** A fully compliant account in two regions, relative to `now`. */
export function compliantAccount(now: Date): FakeAwsState {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const user = (name: string, index: number): FakeIamUser => ({
    userName: name,
    userId: `AIDAFAKEUSER${String(index).padStart(8, "0")}`,
    createDate: ago(300),
    passwordEnabled: true,
    passwordLastUsed: ago(2),
    passwordLastChanged: ago(200),
    mfaActive: true,
    accessKeys: [{ active: true, lastRotated: ago(30), lastUsedDate: ago(1) }],
    attachedPolicies: [],
    inlinePolicies: [],
  });
  const bucket = (name: string, region: string, versioning: FakeBucket["versioning"]) => ({
    name,
    region,
    creationDate: ago(500),
    publicAccessBlock: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    },
    encryption: "aws:kms" as const,
    versioning,
  });
  return {
    accountId: FAKE_ACCOUNT,
    keys: new Map([[FAKE_KEY.accessKeyId, { secret: FAKE_KEY.secretAccessKey }]]),
    roles: new Map(),
    rootMfaEnabled: true,
    rootAccessKeysPresent: false,
    passwordPolicy: {
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      expirePasswords: false,
    },
    reportGenerationsPending: 0,
    reportGeneratedAt: now.toISOString(),
    users: [user("alice", 1), user("bob", 2), user("ci-deploy", 3)],
    trails: [
      {
        name: "org-trail",
        homeRegion: "eu-west-1",
        s3BucketName: "acme-cloudtrail-logs",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        logFileValidationEnabled: true,
        isLogging: true,
      },
    ],
    buckets: [
      bucket("acme-cloudtrail-logs", "eu-west-1", "Enabled"),
      bucket("acme-uploads", "us-east-1", null),
      bucket("acme-backups", "eu-west-1", "Enabled"),
    ],
    listsBucketRegion: true,
    dbInstances: [
      {
        identifier: "prod-db",
        region: "eu-west-1",
        engine: "postgres",
        storageEncrypted: true,
        backupRetentionPeriod: 14,
        publiclyAccessible: false,
      },
      {
        identifier: "analytics",
        region: "us-east-1",
        engine: "mysql",
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        publiclyAccessible: false,
      },
    ],
    securityGroups: [
      {
        groupId: "sg-0a1b2c3d4e5f60001",
        groupName: "web",
        region: "eu-west-1",
        vpcId: "vpc-0fake0001",
        ingress: [
          { protocol: "tcp", fromPort: 443, toPort: 443, ipv4: ["0.0.0.0/0"], ipv6: ["::/0"] },
        ],
      },
      {
        groupId: "sg-0a1b2c3d4e5f60002",
        groupName: "bastion",
        region: "eu-west-1",
        vpcId: "vpc-0fake0001",
        ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv4: ["10.0.0.0/8"], ipv6: [] }],
      },
      {
        groupId: "sg-0a1b2c3d4e5f60003",
        groupName: "default",
        region: "us-east-1",
        vpcId: "vpc-0fake0002",
        ingress: [{ protocol: "-1", ipv4: [], ipv6: [] }],
      },
    ],
    ebsEncryptionByDefault: { "eu-west-1": true, "us-east-1": true },
    detectors: {
      "eu-west-1": [{ detectorId: "12abc34d567e8fa901bc2d34e56789f0", status: "ENABLED" }],
      "us-east-1": [{ detectorId: "98fed76c543b2a109fe8d76c54321ab0", status: "ENABLED" }],
    },
    pageSize: 2,
    failures: [],
    delayMs: 0,
    corrupt: null,
    log: [],
  };
}
