/**
 * Reads every S3 bucket of the account (S3 lists them all from one region) with its public
 * access block, default encryption and versioning, each asked in the bucket's own region.
 */
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from "@aws-sdk/client-s3";
import type { S3Client } from "@aws-sdk/client-s3";
import { ConnectorError } from "../../domain/checks/check.ts";
import type { AwsSession } from "./clients.ts";
import { call, callOrNullWhen } from "./errors.ts";
import type { AwsBucket, AwsPublicAccessBlock } from "./snapshot.ts";

const LIST_REGION = "us-east-1";

/** GetBucketLocation answers no constraint for us-east-1 and "EU" for the oldest eu-west-1. */
function regionOfConstraint(constraint: string | undefined): string {
  if (constraint === undefined || constraint === "") return "us-east-1";
  if (constraint === "EU") return "eu-west-1";
  return constraint;
}

async function bucketRegion(client: S3Client, name: string, listed: string | undefined) {
  if (listed) return listed;
  const location = await call(`s3:GetBucketLocation (${name})`, () =>
    client.send(new GetBucketLocationCommand({ Bucket: name })),
  );
  return regionOfConstraint(location.LocationConstraint);
}

async function publicAccessBlock(
  client: S3Client,
  name: string,
): Promise<AwsPublicAccessBlock | null> {
  const answer = await callOrNullWhen(
    `s3:GetPublicAccessBlock (${name})`,
    ["NoSuchPublicAccessBlockConfiguration"],
    () => client.send(new GetPublicAccessBlockCommand({ Bucket: name })),
  );
  if (answer === null) return null;
  const block = answer.PublicAccessBlockConfiguration;
  return {
    blockPublicAcls: block?.BlockPublicAcls ?? false,
    ignorePublicAcls: block?.IgnorePublicAcls ?? false,
    blockPublicPolicy: block?.BlockPublicPolicy ?? false,
    restrictPublicBuckets: block?.RestrictPublicBuckets ?? false,
  };
}

async function encryption(client: S3Client, name: string): Promise<string | null> {
  const answer = await callOrNullWhen(
    `s3:GetBucketEncryption (${name})`,
    ["ServerSideEncryptionConfigurationNotFoundError"],
    () => client.send(new GetBucketEncryptionCommand({ Bucket: name })),
  );
  const rules = answer?.ServerSideEncryptionConfiguration?.Rules ?? [];
  const algorithm = rules[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
  return algorithm ?? null;
}

async function versioning(client: S3Client, name: string): Promise<AwsBucket["versioning"]> {
  const answer = await call(`s3:GetBucketVersioning (${name})`, () =>
    client.send(new GetBucketVersioningCommand({ Bucket: name })),
  );
  if (answer.Status === undefined) return null;
  if (answer.Status !== "Enabled" && answer.Status !== "Suspended") {
    throw new ConnectorError(
      "invalid-answer",
      `AWS s3:GetBucketVersioning (${name}): unknown status "${String(answer.Status)}"`,
    );
  }
  return answer.Status;
}

export async function collectBuckets(session: AwsSession): Promise<AwsBucket[]> {
  const listClient = session.s3(LIST_REGION);
  const pages: { Name?: string; BucketRegion?: string }[][] = [];
  await call("s3:ListBuckets", async () => {
    for await (const page of paginateListBuckets({ client: listClient }, {})) {
      pages.push(page.Buckets ?? []);
    }
  });
  const buckets: AwsBucket[] = [];
  for (const listed of pages.flat()) {
    const name = listed.Name;
    if (!name)
      throw new ConnectorError("invalid-answer", "AWS s3:ListBuckets: a bucket has no name");
    const region = await bucketRegion(listClient, name, listed.BucketRegion);
    const client = session.s3(region);
    buckets.push({
      name,
      region,
      publicAccessBlock: await publicAccessBlock(client, name),
      encryption: await encryption(client, name),
      versioning: await versioning(client, name),
    });
  }
  return buckets.sort((a, b) => a.name.localeCompare(b.name));
}
