/**
 * S3 bucket checks: public access is blocked, objects are encrypted by default, and the
 * buckets CloudTrail writes to keep earlier versions of what they hold.
 */
import type { AwsBucket } from "../snapshot.ts";
import { listed, result } from "./common.ts";
import type { AwsCheck } from "./common.ts";

const bucketId = (bucket: AwsBucket) => `arn:aws:s3:::${bucket.name}`;
const bucketName = (bucket: AwsBucket) => `s3://${bucket.name}`;

export const bucketPublicAccessBlocked: AwsCheck = {
  id: "aws.s3-public-access-blocked",
  title: "S3 buckets block public access",
  connector: "aws",
  reads: ["s3:ListBuckets", "s3:GetPublicAccessBlock"],
  controls: ["CF-03", "AC-11"],
  criteria: ["CC6.1", "CC6.6", "C1.1"],
  evaluate: (snapshot) =>
    snapshot.buckets.map((bucket) => {
      const block = bucket.publicAccessBlock;
      const name = bucketName(bucket);
      if (block === null) {
        return result(bucketId(bucket), name, "fail", `${name} has no public access block`);
      }
      const off = [
        ["BlockPublicAcls", block.blockPublicAcls],
        ["IgnorePublicAcls", block.ignorePublicAcls],
        ["BlockPublicPolicy", block.blockPublicPolicy],
        ["RestrictPublicBuckets", block.restrictPublicBuckets],
      ]
        .filter(([, on]) => on !== true)
        .map(([setting]) => String(setting));
      return off.length === 0
        ? result(bucketId(bucket), name, "pass", `${name} blocks all public access`)
        : result(bucketId(bucket), name, "fail", `${name} has ${listed(off)} off`);
    }),
};

export const bucketDefaultEncryption: AwsCheck = {
  id: "aws.s3-default-encryption",
  title: "S3 buckets encrypt objects by default",
  connector: "aws",
  reads: ["s3:ListBuckets", "s3:GetBucketEncryption"],
  controls: ["AC-10", "CF-04"],
  criteria: ["CC6.1", "C1.1"],
  evaluate: (snapshot) =>
    snapshot.buckets.map((bucket) => {
      const name = bucketName(bucket);
      return bucket.encryption === null
        ? result(bucketId(bucket), name, "fail", `${name} has no default encryption`)
        : result(
            bucketId(bucket),
            name,
            "pass",
            `${name} encrypts with ${bucket.encryption} by default`,
          );
    }),
};

export const logBucketVersioning: AwsCheck = {
  id: "aws.s3-log-bucket-versioning",
  title: "Buckets receiving CloudTrail logs have versioning on",
  connector: "aws",
  reads: ["cloudtrail:DescribeTrails", "s3:ListBuckets", "s3:GetBucketVersioning"],
  controls: ["OP-06"],
  criteria: ["CC7.2"],
  evaluate: (snapshot) => {
    const logBuckets = new Set(snapshot.trails.flatMap((trail) => trail.s3BucketName ?? []));
    return snapshot.buckets.map((bucket) => {
      const name = bucketName(bucket);
      if (!logBuckets.has(bucket.name)) {
        return result(
          bucketId(bucket),
          name,
          "not-applicable",
          `${name} receives no CloudTrail logs`,
        );
      }
      return bucket.versioning === "Enabled"
        ? result(bucketId(bucket), name, "pass", `${name} keeps versions of its CloudTrail logs`)
        : result(
            bucketId(bucket),
            name,
            "fail",
            `${name} receives CloudTrail logs without versioning (deleted or overwritten logs are lost)`,
          );
    });
  },
};
