/**
 * CloudTrail checks: API activity in every region is recorded, the recording is on, and its
 * log files can be proven unaltered.
 */
import { accountResult, listed, result } from "./common.ts";
import type { AwsCheck } from "./common.ts";

const READS = ["cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus"] as const;

export const multiRegionTrail: AwsCheck = {
  id: "aws.cloudtrail-multi-region",
  title: "A multi-region CloudTrail trail with global service events is logging",
  connector: "aws",
  reads: READS,
  controls: ["OP-06"],
  criteria: ["CC7.2", "CC2.1"],
  evaluate: (snapshot) => {
    const multiRegion = snapshot.trails.filter((trail) => trail.isMultiRegionTrail);
    // IAM and STS calls are global events: a trail without them misses every sign-in and
    // every permission change.
    const complete = multiRegion.filter((trail) => trail.includeGlobalServiceEvents);
    const logging = complete.filter((trail) => trail.isLogging);
    const names = (trails: typeof multiRegion) => listed(trails.map((trail) => trail.name));
    if (logging.length > 0) {
      return [accountResult(snapshot, "pass", `multi-region trail ${names(logging)} is logging`)];
    }
    if (complete.length > 0) {
      return [
        accountResult(snapshot, "fail", `multi-region trail ${names(complete)} is not logging`),
      ];
    }
    if (multiRegion.length > 0) {
      return [
        accountResult(
          snapshot,
          "fail",
          `multi-region trail ${names(multiRegion)} does not record global service events (IAM, STS)`,
        ),
      ];
    }
    const where = snapshot.regions.join(", ");
    return [
      accountResult(snapshot, "fail", `no trail records every region (trails read in ${where})`),
    ];
  },
};

export const trailsLogging: AwsCheck = {
  id: "aws.cloudtrail-logging",
  title: "Every CloudTrail trail is logging",
  connector: "aws",
  reads: READS,
  controls: ["OP-06"],
  criteria: ["CC7.2"],
  evaluate: (snapshot) =>
    snapshot.trails.map((trail) =>
      trail.isLogging
        ? result(trail.arn, trail.name, "pass", `trail ${trail.name} is logging`)
        : result(trail.arn, trail.name, "fail", `trail ${trail.name} is stopped`),
    ),
};

export const trailLogValidation: AwsCheck = {
  id: "aws.cloudtrail-log-validation",
  title: "CloudTrail trails validate their log files",
  connector: "aws",
  reads: ["cloudtrail:DescribeTrails"],
  controls: ["OP-06"],
  criteria: ["CC7.2"],
  evaluate: (snapshot) =>
    snapshot.trails.map((trail) =>
      trail.logFileValidationEnabled
        ? result(trail.arn, trail.name, "pass", `trail ${trail.name} has log file validation on`)
        : result(
            trail.arn,
            trail.name,
            "fail",
            `trail ${trail.name} does not validate its log files (tampering would go unnoticed)`,
          ),
    ),
};
