/**
 * Reads what lives in each region in scope: CloudTrail trails (those homed there, and
 * multi-region trails homed anywhere), EBS default encryption, security groups, RDS instances
 * and GuardDuty detectors.
 */
import { DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import {
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeSecurityGroups,
} from "@aws-sdk/client-ec2";
import { GetDetectorCommand, paginateListDetectors } from "@aws-sdk/client-guardduty";
import { paginateDescribeDBInstances } from "@aws-sdk/client-rds";
import { ConnectorError } from "../../domain/checks/check.ts";
import type { AwsSession } from "./clients.ts";
import { allPages, call } from "./errors.ts";
import type { AwsDbInstance, AwsRegionState, AwsSecurityGroup, AwsTrail } from "./snapshot.ts";

function invalid(what: string, reason: string): ConnectorError {
  return new ConnectorError("invalid-answer", `AWS ${what}: ${reason}`);
}

/**
 * The trails a region lists: those whose home it is, and (as shadow trails) the multi-region
 * trails homed anywhere, so a multi-region trail homed outside the regions in scope still
 * counts. `known` holds trails already read in an earlier region; each is read once.
 */
async function trails(
  session: AwsSession,
  region: string,
  known: ReadonlySet<string>,
): Promise<AwsTrail[]> {
  const client = session.cloudTrail(region);
  const answer = await call(`cloudtrail:DescribeTrails (${region})`, () =>
    client.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
  );
  const result: AwsTrail[] = [];
  for (const trail of answer.trailList ?? []) {
    const arn = trail.TrailARN;
    if (!trail.Name || !arn) {
      throw invalid("cloudtrail:DescribeTrails", "a trail has no name or ARN");
    }
    if (known.has(arn) || result.some((t) => t.arn === arn)) continue;
    // By ARN: the only way CloudTrail gives a shadow trail's status outside its home region.
    const status = await call(`cloudtrail:GetTrailStatus (${trail.Name})`, () =>
      client.send(new GetTrailStatusCommand({ Name: arn })),
    );
    result.push({
      name: trail.Name,
      arn,
      homeRegion: trail.HomeRegion ?? region,
      s3BucketName: trail.S3BucketName ?? null,
      isMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
      includeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? false,
      logFileValidationEnabled: trail.LogFileValidationEnabled ?? false,
      isLogging: status.IsLogging ?? false,
    });
  }
  return result;
}

async function securityGroups(session: AwsSession, region: string): Promise<AwsSecurityGroup[]> {
  const client = session.ec2(region);
  const pages = await call(`ec2:DescribeSecurityGroups (${region})`, () =>
    allPages(paginateDescribeSecurityGroups({ client }, {})),
  );
  return pages
    .flatMap((page) => page.SecurityGroups ?? [])
    .map((group) => {
      if (!group.GroupId) throw invalid("ec2:DescribeSecurityGroups", "a group has no id");
      return {
        groupId: group.GroupId,
        groupName: group.GroupName ?? group.GroupId,
        region,
        vpcId: group.VpcId ?? null,
        ingress: (group.IpPermissions ?? []).map((permission) => ({
          protocol: permission.IpProtocol ?? "-1",
          fromPort: permission.FromPort ?? null,
          toPort: permission.ToPort ?? null,
          ipv4Ranges: (permission.IpRanges ?? []).flatMap((range) => range.CidrIp ?? []),
          ipv6Ranges: (permission.Ipv6Ranges ?? []).flatMap((range) => range.CidrIpv6 ?? []),
        })),
      };
    });
}

async function dbInstances(session: AwsSession, region: string): Promise<AwsDbInstance[]> {
  const client = session.rds(region);
  const pages = await call(`rds:DescribeDBInstances (${region})`, () =>
    allPages(paginateDescribeDBInstances({ client }, {})),
  );
  return pages
    .flatMap((page) => page.DBInstances ?? [])
    .map((instance) => {
      if (!instance.DBInstanceIdentifier || !instance.DBInstanceArn) {
        throw invalid("rds:DescribeDBInstances", "an instance has no identifier or ARN");
      }
      return {
        identifier: instance.DBInstanceIdentifier,
        arn: instance.DBInstanceArn,
        region,
        engine: instance.Engine ?? "unknown",
        storageEncrypted: instance.StorageEncrypted ?? false,
        backupRetentionPeriod: instance.BackupRetentionPeriod ?? 0,
        publiclyAccessible: instance.PubliclyAccessible ?? false,
      };
    });
}

async function regionState(session: AwsSession, region: string): Promise<AwsRegionState> {
  const ec2 = session.ec2(region);
  const ebs = await call(`ec2:GetEbsEncryptionByDefault (${region})`, () =>
    ec2.send(new GetEbsEncryptionByDefaultCommand({})),
  );
  if (ebs.EbsEncryptionByDefault === undefined) {
    throw invalid("ec2:GetEbsEncryptionByDefault", "ebsEncryptionByDefault is missing");
  }
  const guardDuty = session.guardDuty(region);
  const pages = await call(`guardduty:ListDetectors (${region})`, () =>
    allPages(paginateListDetectors({ client: guardDuty }, {})),
  );
  const detectors: AwsRegionState["guardDutyDetectors"] = [];
  for (const detectorId of pages.flatMap((page) => page.DetectorIds ?? [])) {
    const detector = await call(`guardduty:GetDetector (${region})`, () =>
      guardDuty.send(new GetDetectorCommand({ DetectorId: detectorId })),
    );
    if (!detector.Status) throw invalid("guardduty:GetDetector", "status is missing");
    detectors.push({ detectorId, status: detector.Status });
  }
  return {
    region,
    ebsEncryptionByDefault: ebs.EbsEncryptionByDefault,
    guardDutyDetectors: detectors,
  };
}

export interface RegionalState {
  trails: AwsTrail[];
  dbInstances: AwsDbInstance[];
  securityGroups: AwsSecurityGroup[];
  regionStates: AwsRegionState[];
}

/** Region by region, in order, so a large account does not hit the APIs all at once. */
export async function collectRegions(
  session: AwsSession,
  regions: readonly string[],
): Promise<RegionalState> {
  const state: RegionalState = {
    trails: [],
    dbInstances: [],
    securityGroups: [],
    regionStates: [],
  };
  for (const region of regions) {
    const known = new Set(state.trails.map((trail) => trail.arn));
    state.trails.push(...(await trails(session, region, known)));
    state.dbInstances.push(...(await dbInstances(session, region)));
    state.securityGroups.push(...(await securityGroups(session, region)));
    state.regionStates.push(await regionState(session, region));
  }
  state.trails.sort((a, b) => a.arn.localeCompare(b.arn));
  state.dbInstances.sort((a, b) => a.arn.localeCompare(b.arn));
  state.securityGroups.sort(
    (a, b) => a.region.localeCompare(b.region) || a.groupId.localeCompare(b.groupId),
  );
  return state;
}
