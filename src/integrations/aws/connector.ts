/**
 * The AWS connector: reads one account through the AWS SDK v3 (IAM, STS, CloudTrail, S3,
 * RDS, EC2, GuardDuty) into a JSON snapshot that the AWS checks evaluate.
 */
import type { ConnectorDefinition } from "../../domain/checks/check.ts";
import { awsChecks } from "./checks/index.ts";
import { AWS_PERMISSIONS, awsCredentialsSchema, awsFields, awsSettingsSchema } from "./settings.ts";
import type { AwsCredentials, AwsSettings } from "./settings.ts";
import type { AwsSnapshot } from "./snapshot.ts";
import { awsSyntheticSnapshot } from "./synthetic.ts";

export const awsConnector: ConnectorDefinition<AwsSettings, AwsCredentials, AwsSnapshot> = {
  kind: "aws",
  title: "Amazon Web Services",
  permissions: AWS_PERMISSIONS,
  fields: awsFields,
  settings: awsSettingsSchema,
  credentials: awsCredentialsSchema,
  async testConnection(settings, credentials) {
    const { openSession } = await import("./clients.ts");
    const session = await openSession(settings, credentials);
    session.destroy();
  },
  // The people register plays no part in AWS checks: IAM users are matched to nobody here.
  collect: async (settings, credentials) =>
    (await import("./collect.ts")).collectAws(settings, credentials),
  checks: awsChecks,
  populations: [],
  syntheticSnapshot: awsSyntheticSnapshot,
};
