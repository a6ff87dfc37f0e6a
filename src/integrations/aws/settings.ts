/**
 * The AWS connector's setup: which regions to read and how to reach the account (settings,
 * stored in the clear), and the keys to sign with (credentials, stored sealed).
 */
import { z } from "zod";
import type { ConnectorField } from "../../domain/checks/check.ts";

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Loopback hosts may be reached over plain http (a local test server); anything else needs https. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A form or the CLI gives text: "eu-west-1, us-east-1" is a list, "" is no value, "3" a number. */
function splitList(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
const emptyToNull = (value: unknown) => (value === "" ? null : value);
const digitsToNumber = (value: unknown) =>
  typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;

const endpoint = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
  },
  { error: "must use https (plain http is allowed only to a loopback address)" },
);

export const awsSettingsSchema = z.object({
  regions: z.preprocess(
    splitList,
    z
      .array(z.string().regex(REGION, "must be an AWS region name such as eu-west-1"))
      .min(1, "name at least one region")
      .max(40)
      .transform((regions) => [...new Set(regions)].sort()),
  ),
  /** One URL for every service (tests, LocalStack-like setups); null for AWS itself. */
  endpoint: z.preprocess(emptyToNull, endpoint.nullable().default(null)),
  /** A role in the audited account to assume with the keys (cross-account read access). */
  roleArn: z.preprocess(
    emptyToNull,
    z
      .string()
      .regex(ROLE_ARN, "must be an IAM role ARN (arn:aws:iam::123456789012:role/name)")
      .nullable()
      .default(null),
  ),
  externalId: z.preprocess(emptyToNull, z.string().min(2).max(1224).nullable().default(null)),
  /** SDK attempts per call; a run that still fails is retried later by the schedule. */
  maxAttempts: z.preprocess(digitsToNumber, z.number().int().min(1).max(5).default(3)),
  timeoutSeconds: z.preprocess(digitsToNumber, z.number().int().min(1).max(120).default(30)),
});
export type AwsSettings = z.output<typeof awsSettingsSchema>;

export const awsCredentialsSchema = z.object({
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, "must be an AWS access key id"),
  secretAccessKey: z.string().min(16, "must be an AWS secret access key").max(256),
  sessionToken: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(1).max(4096).optional(),
  ),
});
export type AwsCredentials = z.output<typeof awsCredentialsSchema>;

export const awsFields: readonly ConnectorField[] = [
  {
    name: "regions",
    label: "Regions",
    secret: false,
    required: true,
    help: "The regions in scope, comma-separated (eu-west-1,us-east-1). IAM and S3 are read once.",
  },
  {
    name: "roleArn",
    label: "Role to assume",
    secret: false,
    required: false,
    help: "An IAM role in the audited account with the read-only permissions listed, if the keys belong to another account.",
  },
  {
    name: "externalId",
    label: "External id",
    secret: false,
    required: false,
    help: "The external id the role's trust policy requires, if any.",
  },
  {
    name: "endpoint",
    label: "Endpoint URL",
    secret: false,
    required: false,
    help: "Only for AWS-compatible servers (LocalStack), over https or to this machine; leave empty for AWS.",
  },
  {
    name: "accessKeyId",
    label: "Access key id",
    secret: true,
    required: true,
    help: "Of an IAM user or role session with the read-only permissions listed.",
  },
  {
    name: "secretAccessKey",
    label: "Secret access key",
    secret: true,
    required: true,
    help: "Stored encrypted; never shown again.",
  },
  {
    name: "sessionToken",
    label: "Session token",
    secret: true,
    required: false,
    help: "Only for temporary credentials.",
  },
];

/**
 * The read-only IAM actions the connector calls (the SecurityAudit managed policy grants all
 * of them). Nothing it calls changes the account; GenerateCredentialReport only asks IAM to
 * refresh the report it then reads.
 */
export const AWS_PERMISSIONS = [
  "sts:GetCallerIdentity",
  "sts:AssumeRole (only when a role is set, on that role)",
  "iam:GetAccountSummary",
  "iam:GetAccountPasswordPolicy",
  "iam:GenerateCredentialReport",
  "iam:GetCredentialReport",
  "iam:ListUsers",
  "iam:ListAttachedUserPolicies",
  "iam:ListUserPolicies",
  "cloudtrail:DescribeTrails",
  "cloudtrail:GetTrailStatus",
  "s3:ListAllMyBuckets",
  "s3:GetBucketLocation",
  "s3:GetBucketPublicAccessBlock",
  "s3:GetEncryptionConfiguration",
  "s3:GetBucketVersioning",
  "rds:DescribeDBInstances",
  "ec2:GetEbsEncryptionByDefault",
  "ec2:DescribeSecurityGroups",
  "guardduty:ListDetectors",
  "guardduty:GetDetector",
] as const;
