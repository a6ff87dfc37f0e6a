/**
 * The AWS SDK clients the connector reads with, all configured the same way: the keys it was
 * given (or a role assumed with them), a bounded number of attempts and a timeout per call,
 * and, when an endpoint is set (tests, LocalStack-like setups), that one URL for every service.
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EC2Client } from "@aws-sdk/client-ec2";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { RDSClient } from "@aws-sdk/client-rds";
import { S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ConnectorError } from "../../domain/checks/check.ts";
import type { AwsCredentials, AwsSettings } from "./settings.ts";
import { call } from "./errors.ts";

/** IAM and STS are global; their calls are signed for this region unless told otherwise. */
const GLOBAL_REGION = "us-east-1";

interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What every client shares: where it sends, with which keys, how patiently. */
export interface ClientOptions {
  region: string;
  endpoint?: string;
  credentials: KeyPair;
  maxAttempts: number;
  requestHandler: {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: true;
  };
}

function baseOptions(settings: AwsSettings, keys: KeyPair, region: string): ClientOptions {
  const timeout = settings.timeoutSeconds * 1000;
  return {
    region,
    ...(settings.endpoint === null ? {} : { endpoint: settings.endpoint }),
    credentials: keys,
    maxAttempts: settings.maxAttempts,
    requestHandler: {
      connectionTimeout: timeout,
      requestTimeout: timeout,
      throwOnRequestTimeout: true,
    },
  };
}

function keysOf(credentials: AwsCredentials): KeyPair {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
  };
}

/** Per-service client factories for one account session. */
export interface AwsSession {
  accountId: string;
  iam(): IAMClient;
  s3(region: string): S3Client;
  cloudTrail(region: string): CloudTrailClient;
  ec2(region: string): EC2Client;
  rds(region: string): RDSClient;
  guardDuty(region: string): GuardDutyClient;
  destroy(): void;
}

/** Keys to use: the given ones, or the temporary ones of the role assumed with them. */
async function sessionKeys(settings: AwsSettings, credentials: AwsCredentials): Promise<KeyPair> {
  const keys = keysOf(credentials);
  if (settings.roleArn === null) return keys;
  const sts = new STSClient(baseOptions(settings, keys, GLOBAL_REGION));
  try {
    const answer = await call("sts:AssumeRole", () =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: settings.roleArn ?? undefined,
          RoleSessionName: "attest-checks",
          ...(settings.externalId === null ? {} : { ExternalId: settings.externalId }),
        }),
      ),
    );
    const assumed = answer.Credentials;
    if (!assumed?.AccessKeyId || !assumed.SecretAccessKey || !assumed.SessionToken) {
      throw new ConnectorError("invalid-answer", "AWS sts:AssumeRole: no credentials returned");
    }
    return {
      accessKeyId: assumed.AccessKeyId,
      secretAccessKey: assumed.SecretAccessKey,
      sessionToken: assumed.SessionToken,
    };
  } finally {
    sts.destroy();
  }
}

/** Signs in (assuming the role if one is set) and learns which account the keys belong to. */
export async function openSession(
  settings: AwsSettings,
  credentials: AwsCredentials,
): Promise<AwsSession> {
  const keys = await sessionKeys(settings, credentials);
  const sts = new STSClient(baseOptions(settings, keys, GLOBAL_REGION));
  let accountId: string;
  try {
    const identity = await call("sts:GetCallerIdentity", () =>
      sts.send(new GetCallerIdentityCommand({})),
    );
    if (!identity.Account || !/^\d{12}$/.test(identity.Account)) {
      throw new ConnectorError("invalid-answer", "AWS sts:GetCallerIdentity: no account id");
    }
    accountId = identity.Account;
  } finally {
    sts.destroy();
  }
  // One client per service and region for the whole session, destroyed together at its end.
  const made = new Map<string, { destroy(): void }>();
  const once = <C extends { destroy(): void }>(key: string, make: () => C): C => {
    const existing = made.get(key);
    if (existing) return existing as C;
    const client = make();
    made.set(key, client);
    return client;
  };
  const options = (region: string) => baseOptions(settings, keys, region);
  return {
    accountId,
    iam: () => once("iam", () => new IAMClient(options(GLOBAL_REGION))),
    // Path-style addressing when an endpoint is set: a local server has no per-bucket host
    // names. AWS itself gets the default virtual-hosted style.
    s3: (region) =>
      once(
        `s3 ${region}`,
        () => new S3Client({ ...options(region), forcePathStyle: settings.endpoint !== null }),
      ),
    cloudTrail: (region) =>
      once(`cloudtrail ${region}`, () => new CloudTrailClient(options(region))),
    ec2: (region) => once(`ec2 ${region}`, () => new EC2Client(options(region))),
    rds: (region) => once(`rds ${region}`, () => new RDSClient(options(region))),
    guardDuty: (region) => once(`guardduty ${region}`, () => new GuardDutyClient(options(region))),
    destroy: () => made.forEach((client) => client.destroy()),
  };
}
