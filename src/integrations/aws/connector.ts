/**
 * The AWS connector: reads one account through the AWS SDK v3 (IAM, STS, CloudTrail, S3,
 * RDS, EC2, GuardDuty) into a JSON snapshot that the AWS checks evaluate.
 */
import type { ConnectorDefinition } from "../../domain/checks/check.ts";
import { awsChecks } from "./checks/index.ts";
import { openSession } from "./clients.ts";
import { collectIam } from "./collect-iam.ts";
import { collectRegions } from "./collect-regional.ts";
import { collectBuckets } from "./collect-s3.ts";
import { AWS_PERMISSIONS, awsCredentialsSchema, awsFields, awsSettingsSchema } from "./settings.ts";
import type { AwsCredentials, AwsSettings } from "./settings.ts";
import type { AwsSnapshot } from "./snapshot.ts";
import { awsSyntheticSnapshot } from "./synthetic.ts";

/** Reads the whole account; any failed call fails the collection (never a partial snapshot). */
export async function collectAws(
  settings: AwsSettings,
  credentials: AwsCredentials,
  now: () => Date = () => new Date(),
): Promise<AwsSnapshot> {
  const collectedAt = now().toISOString();
  const session = await openSession(settings, credentials);
  try {
    const iam = await collectIam(session.iam());
    const buckets = await collectBuckets(session);
    const regional = await collectRegions(session, settings.regions);
    return {
      collectedAt,
      accountId: session.accountId,
      regions: [...settings.regions],
      iam,
      trails: regional.trails,
      buckets,
      dbInstances: regional.dbInstances,
      securityGroups: regional.securityGroups,
      regionStates: regional.regionStates,
    };
  } finally {
    session.destroy();
  }
}

export const awsConnector: ConnectorDefinition<AwsSettings, AwsCredentials, AwsSnapshot> = {
  kind: "aws",
  title: "Amazon Web Services",
  permissions: AWS_PERMISSIONS,
  fields: awsFields,
  settings: awsSettingsSchema,
  credentials: awsCredentialsSchema,
  async testConnection(settings, credentials) {
    const session = await openSession(settings, credentials);
    session.destroy();
  },
  // The people register plays no part in AWS checks: IAM users are matched to nobody here.
  collect: (settings, credentials) => collectAws(settings, credentials),
  checks: awsChecks,
  populations: [],
  syntheticSnapshot: awsSyntheticSnapshot,
};
