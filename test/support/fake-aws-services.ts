/**
 * The fake AWS server's RDS, EC2, CloudTrail, GuardDuty and S3 operations (STS and IAM are in
 * fake-aws-iam.ts), one function per service, from the account state. Shapes follow each
 * service's API reference; lists are paged by the state's pageSize (AWS documents that a
 * page may hold fewer items than asked for).
 */
import {
  AwsFault,
  ec2Answer,
  el,
  jsonAnswer,
  members,
  queryAnswer,
  s3Answer,
  text,
} from "./fake-aws-protocols.ts";
import type { FakeAwsState } from "./fake-aws-state.ts";

/** One page of `items` from the opaque token `token` (an offset here). */
export function page<T>(
  state: FakeAwsState,
  items: T[],
  token: string | null,
  asked: number | null,
) {
  const start = token === null || token === "" ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw new AwsFault(400, "InvalidParameterValue", `invalid pagination token "${token}"`);
  }
  const size = Math.min(asked ?? Number.MAX_SAFE_INTEGER, state.pageSize);
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : null };
}

export function numberParam(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export function unknown(service: string, operation: string): AwsFault {
  return new AwsFault(400, "InvalidAction", `${service} does not know ${operation}`);
}

export function rds(state: FakeAwsState, action: string, params: URLSearchParams, region: string) {
  if (action !== "DescribeDBInstances") throw unknown("rds", action);
  const inRegion = state.dbInstances.filter((db) => db.region === region);
  const { items, next } = page(
    state,
    inRegion,
    params.get("Marker"),
    numberParam(params.get("MaxRecords")),
  );
  const instances = items.map(
    (db) =>
      text("DBInstanceIdentifier", db.identifier) +
      text("DBInstanceClass", "db.t3.medium") +
      text("Engine", db.engine) +
      text("DBInstanceStatus", "available") +
      text("BackupRetentionPeriod", db.backupRetentionPeriod) +
      text("MultiAZ", true) +
      text("PubliclyAccessible", db.publiclyAccessible) +
      text("StorageEncrypted", db.storageEncrypted) +
      text("DBInstanceArn", `arn:aws:rds:${region}:${state.accountId}:db:${db.identifier}`),
  );
  return queryAnswer(
    "rds",
    action,
    members("DBInstances", instances, "DBInstance") + (next === null ? "" : text("Marker", next)),
  );
}

export function ec2(state: FakeAwsState, action: string, params: URLSearchParams, region: string) {
  if (action === "GetEbsEncryptionByDefault") {
    const on = state.ebsEncryptionByDefault[region] ?? false;
    return ec2Answer(action, text("ebsEncryptionByDefault", on) + text("sseType", "sse-ebs"));
  }
  if (action !== "DescribeSecurityGroups") throw unknown("ec2", action);
  const inRegion = state.securityGroups.filter((group) => group.region === region);
  const { items, next } = page(
    state,
    inRegion,
    params.get("NextToken"),
    numberParam(params.get("MaxResults")),
  );
  const item = (content: string) => el("item", content);
  const groups = items.map((group) =>
    item(
      text("ownerId", state.accountId) +
        text("groupId", group.groupId) +
        text("groupName", group.groupName) +
        text("groupDescription", `${group.groupName} group`) +
        text("vpcId", group.vpcId) +
        el(
          "ipPermissions",
          group.ingress
            .map((rule) =>
              item(
                text("ipProtocol", rule.protocol) +
                  (rule.fromPort === undefined ? "" : text("fromPort", rule.fromPort)) +
                  (rule.toPort === undefined ? "" : text("toPort", rule.toPort)) +
                  el("groups", "") +
                  el("ipRanges", rule.ipv4.map((cidr) => item(text("cidrIp", cidr))).join("")) +
                  el("ipv6Ranges", rule.ipv6.map((cidr) => item(text("cidrIpv6", cidr))).join("")) +
                  el("prefixListIds", ""),
              ),
            )
            .join(""),
        ) +
        el("ipPermissionsEgress", ""),
    ),
  );
  return ec2Answer(
    action,
    el("securityGroupInfo", groups.join("")) + (next === null ? "" : text("nextToken", next)),
  );
}

export function cloudTrail(
  state: FakeAwsState,
  operation: string,
  input: Record<string, unknown>,
  region: string,
) {
  const arnOf = (name: string, home: string) =>
    `arn:aws:cloudtrail:${home}:${state.accountId}:trail/${name}`;
  if (operation === "DescribeTrails") {
    // Without shadow trails, a region lists the trails whose home it is; with them (the
    // default), multi-region trails from elsewhere too.
    const shadows = input.includeShadowTrails !== false;
    const listed = state.trails.filter(
      (trail) => trail.homeRegion === region || (shadows && trail.isMultiRegionTrail),
    );
    return jsonAnswer(
      {
        trailList: listed.map((trail) => ({
          Name: trail.name,
          S3BucketName: trail.s3BucketName,
          IncludeGlobalServiceEvents: trail.includeGlobalServiceEvents,
          IsMultiRegionTrail: trail.isMultiRegionTrail,
          HomeRegion: trail.homeRegion,
          TrailARN: arnOf(trail.name, trail.homeRegion),
          LogFileValidationEnabled: trail.logFileValidationEnabled,
          HasCustomEventSelectors: false,
          HasInsightSelectors: false,
          IsOrganizationTrail: false,
        })),
      },
      "json",
    );
  }
  if (operation === "GetTrailStatus") {
    const name = String(input.Name ?? "");
    const trail = state.trails.find((t) => t.name === name || arnOf(t.name, t.homeRegion) === name);
    if (!trail)
      throw new AwsFault(
        400,
        "TrailNotFoundException",
        `Unknown trail: ${name} for the user: ${state.accountId}`,
      );
    return jsonAnswer(
      {
        IsLogging: trail.isLogging,
        LatestDeliveryTime: Date.parse(state.reportGeneratedAt) / 1000,
        StartLoggingTime: 1_600_000_000,
      },
      "json",
    );
  }
  throw new AwsFault(400, "UnknownOperationException", `CloudTrail does not know ${operation}`);
}

export function guardDuty(
  state: FakeAwsState,
  method: string,
  path: string,
  query: URLSearchParams,
  region: string,
) {
  const detectors = state.detectors[region] ?? [];
  if (method === "GET" && path === "/detector") {
    const { items, next } = page(
      state,
      detectors,
      query.get("nextToken"),
      numberParam(query.get("maxResults")),
    );
    return jsonAnswer(
      {
        detectorIds: items.map((d) => d.detectorId),
        ...(next === null ? {} : { nextToken: next }),
      },
      "rest-json",
    );
  }
  const match = /^\/detector\/([^/]+)$/.exec(path);
  if (method === "GET" && match) {
    const detector = detectors.find((d) => d.detectorId === decodeURIComponent(match[1] ?? ""));
    if (!detector)
      throw new AwsFault(
        400,
        "BadRequestException",
        "The request is rejected because the input detectorId is not owned by the current account.",
      );
    return jsonAnswer(
      {
        createdAt: "2025-01-01T00:00:00.000Z",
        findingPublishingFrequency: "SIX_HOURS",
        serviceRole: `arn:aws:iam::${state.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
        status: detector.status,
        updatedAt: "2025-01-01T00:00:00.000Z",
        tags: {},
      },
      "rest-json",
    );
  }
  throw new AwsFault(404, "NotFoundException", `no route for ${method} ${path}`);
}

export function s3(
  state: FakeAwsState,
  method: string,
  path: string,
  query: URLSearchParams,
  region: string,
) {
  if (method === "GET" && path === "/") {
    const { items, next } = page(
      state,
      state.buckets,
      query.get("continuation-token"),
      numberParam(query.get("max-buckets")),
    );
    const buckets = items.map((b) =>
      el(
        "Bucket",
        text("Name", b.name) +
          text("CreationDate", b.creationDate) +
          (state.listsBucketRegion ? text("BucketRegion", b.region) : ""),
      ),
    );
    return s3Answer(
      "ListAllMyBucketsResult",
      el("Buckets", buckets.join("")) +
        el("Owner", text("ID", "fakeownerid") + text("DisplayName", "acme")) +
        (next === null ? "" : text("ContinuationToken", next)),
      region,
    );
  }
  const name = decodeURIComponent(path.slice(1).split("/")[0] ?? "");
  const bucket = state.buckets.find((b) => b.name === name);
  if (!bucket) throw new AwsFault(404, "NoSuchBucket", "The specified bucket does not exist");
  if (query.has("location")) {
    const constraint = bucket.region === "us-east-1" ? "" : bucket.region;
    return s3Answer("LocationConstraint", constraint, bucket.region);
  }
  if (bucket.region !== region) {
    throw new AwsFault(
      301,
      "PermanentRedirect",
      "The bucket you are attempting to access must be addressed using the specified endpoint.",
    );
  }
  if (query.has("publicAccessBlock")) {
    const block = bucket.publicAccessBlock;
    if (block === null) {
      throw new AwsFault(
        404,
        "NoSuchPublicAccessBlockConfiguration",
        "The public access block configuration was not found",
      );
    }
    return s3Answer(
      "PublicAccessBlockConfiguration",
      text("BlockPublicAcls", block.blockPublicAcls) +
        text("IgnorePublicAcls", block.ignorePublicAcls) +
        text("BlockPublicPolicy", block.blockPublicPolicy) +
        text("RestrictPublicBuckets", block.restrictPublicBuckets),
      region,
    );
  }
  if (query.has("encryption")) {
    if (bucket.encryption === null) {
      throw new AwsFault(
        404,
        "ServerSideEncryptionConfigurationNotFoundError",
        "The server side encryption configuration was not found",
      );
    }
    return s3Answer(
      "ServerSideEncryptionConfiguration",
      el(
        "Rule",
        el("ApplyServerSideEncryptionByDefault", text("SSEAlgorithm", bucket.encryption)) +
          text("BucketKeyEnabled", true),
      ),
      region,
    );
  }
  if (query.has("versioning")) {
    return s3Answer(
      "VersioningConfiguration",
      bucket.versioning === null ? "" : text("Status", bucket.versioning),
      region,
    );
  }
  throw new AwsFault(400, "NotImplemented", `the fake does not answer ${method} ${path}`);
}
