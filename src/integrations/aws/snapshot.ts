/**
 * What the AWS connector reads from one account, as plain JSON. Checks evaluate only this:
 * every time they compare against is relative to `collectedAt`, never to the clock, so a
 * stored snapshot re-evaluates to the same results years later.
 */

/** One IAM user's line of the credential report (dates ISO 8601, null where AWS says none). */
export interface AwsCredentialReportUser {
  user: string;
  arn: string;
  userCreationTime: string;
  passwordEnabled: boolean;
  /** Null when the password was never used or AWS has no record ("no_information", "N/A"). */
  passwordLastUsed: string | null;
  passwordLastChanged: string | null;
  mfaActive: boolean;
  accessKeys: AwsAccessKeyReport[];
}

export interface AwsAccessKeyReport {
  /** 1 or 2: the report's two key slots. */
  slot: number;
  active: boolean;
  lastRotated: string | null;
  lastUsedDate: string | null;
}

export interface AwsIamUser {
  userName: string;
  userId: string;
  arn: string;
  createDate: string;
  /** Managed policies attached to the user directly, not through a group. */
  attachedPolicies: { policyName: string; policyArn: string }[];
  /** Inline policies embedded in the user. */
  inlinePolicies: string[];
}

export interface AwsPasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  /** How many previous passwords cannot be reused; null when the policy does not say. */
  passwordReusePrevention: number | null;
  expirePasswords: boolean;
  maxPasswordAge: number | null;
}

export interface AwsTrail {
  name: string;
  arn: string;
  homeRegion: string;
  s3BucketName: string | null;
  isMultiRegionTrail: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidationEnabled: boolean;
  isLogging: boolean;
}

export interface AwsPublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface AwsBucket {
  name: string;
  region: string;
  /** Null when the bucket has no public access block configuration at all. */
  publicAccessBlock: AwsPublicAccessBlock | null;
  /** The default encryption algorithm ("AES256", "aws:kms"); null when none is configured. */
  encryption: string | null;
  /** "Enabled", "Suspended", or null when versioning was never turned on. */
  versioning: "Enabled" | "Suspended" | null;
}

export interface AwsDbInstance {
  identifier: string;
  arn: string;
  region: string;
  engine: string;
  storageEncrypted: boolean;
  backupRetentionPeriod: number;
  publiclyAccessible: boolean;
}

export interface AwsIngressRule {
  /** "tcp", "udp", "icmp", a protocol number, or "-1" for every protocol. */
  protocol: string;
  /** Null for "-1" (every port). */
  fromPort: number | null;
  toPort: number | null;
  ipv4Ranges: string[];
  ipv6Ranges: string[];
}

export interface AwsSecurityGroup {
  groupId: string;
  groupName: string;
  region: string;
  vpcId: string | null;
  ingress: AwsIngressRule[];
}

/** What is read once per region in scope. */
export interface AwsRegionState {
  region: string;
  ebsEncryptionByDefault: boolean;
  guardDutyDetectors: { detectorId: string; status: string }[];
}

export interface AwsSnapshot {
  /** ISO 8601: when collection began; the "now" of every evaluation. */
  collectedAt: string;
  accountId: string;
  regions: string[];
  iam: {
    accountMfaEnabled: boolean;
    accountAccessKeysPresent: boolean;
    /** Null when the account has no password policy (IAM answers NoSuchEntity). */
    passwordPolicy: AwsPasswordPolicy | null;
    credentialReport: { generatedAt: string; users: AwsCredentialReportUser[] };
    users: AwsIamUser[];
  };
  trails: AwsTrail[];
  buckets: AwsBucket[];
  dbInstances: AwsDbInstance[];
  securityGroups: AwsSecurityGroup[];
  regionStates: AwsRegionState[];
}
