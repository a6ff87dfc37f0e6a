// The AWS connector against the local fake AWS: what it collects, and what every check
// concludes from it, for a compliant account and after the account changes.
import { describe, expect, it } from "vitest";
import { FAKE_ACCOUNT, FAKE_KEY, useFakeAws } from "../../../test/support/fake-aws.ts";
import { collectAws } from "./collect.ts";
import { awsConnector } from "./connector.ts";
import { awsSettingsSchema } from "./settings.ts";

const NOW = new Date("2026-06-30T12:00:00.000Z");
const fakeAws = useFakeAws(NOW);

const settings = (extra: Record<string, unknown> = {}) =>
  awsSettingsSchema.parse({
    regions: ["us-east-1", "eu-west-1"],
    endpoint: fakeAws().endpoint,
    ...extra,
  });
const collect = (extra: Record<string, unknown> = {}) =>
  collectAws(settings(extra), FAKE_KEY, () => NOW);

describe("AWS collection", () => {
  it("reads the whole account through the SDK, following every page", async () => {
    const snapshot = await collect();
    expect(snapshot.collectedAt).toBe(NOW.toISOString());
    expect(snapshot.accountId).toBe(FAKE_ACCOUNT);
    expect(snapshot.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(snapshot.iam.accountMfaEnabled).toBe(true);
    expect(snapshot.iam.accountAccessKeysPresent).toBe(false);
    expect(snapshot.iam.passwordPolicy).toMatchObject({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      expirePasswords: false,
      maxPasswordAge: null,
    });
    // Three users over pages of two.
    expect(snapshot.iam.users.map((u) => u.userName)).toEqual(["alice", "bob", "ci-deploy"]);
    expect(snapshot.iam.credentialReport.users.map((u) => u.user)).toEqual([
      "alice",
      "bob",
      "ci-deploy",
    ]);
    expect(snapshot.iam.credentialReport.users[0]).toMatchObject({
      arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/alice`,
      passwordEnabled: true,
      mfaActive: true,
      accessKeys: [
        {
          slot: 1,
          active: true,
          lastRotated: "2026-05-31T12:00:00.000Z",
          lastUsedDate: "2026-06-29T12:00:00.000Z",
        },
        { slot: 2, active: false, lastRotated: null, lastUsedDate: null },
      ],
    });
    expect(snapshot.trails).toEqual([
      {
        name: "org-trail",
        arn: `arn:aws:cloudtrail:eu-west-1:${FAKE_ACCOUNT}:trail/org-trail`,
        homeRegion: "eu-west-1",
        s3BucketName: "acme-cloudtrail-logs",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        logFileValidationEnabled: true,
        isLogging: true,
      },
    ]);
    expect(snapshot.buckets.map((b) => [b.name, b.region, b.encryption, b.versioning])).toEqual([
      ["acme-backups", "eu-west-1", "aws:kms", "Enabled"],
      ["acme-cloudtrail-logs", "eu-west-1", "aws:kms", "Enabled"],
      ["acme-uploads", "us-east-1", "aws:kms", null],
    ]);
    expect(snapshot.buckets[0]?.publicAccessBlock).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    });
    expect(snapshot.dbInstances).toEqual([
      {
        identifier: "prod-db",
        arn: `arn:aws:rds:eu-west-1:${FAKE_ACCOUNT}:db:prod-db`,
        region: "eu-west-1",
        engine: "postgres",
        storageEncrypted: true,
        backupRetentionPeriod: 14,
        publiclyAccessible: false,
      },
      {
        identifier: "analytics",
        arn: `arn:aws:rds:us-east-1:${FAKE_ACCOUNT}:db:analytics`,
        region: "us-east-1",
        engine: "mysql",
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        publiclyAccessible: false,
      },
    ]);
    expect(snapshot.securityGroups.map((g) => [g.region, g.groupName])).toEqual([
      ["eu-west-1", "web"],
      ["eu-west-1", "bastion"],
      ["us-east-1", "default"],
    ]);
    expect(snapshot.securityGroups[0]?.ingress).toEqual([
      {
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        ipv4Ranges: ["0.0.0.0/0"],
        ipv6Ranges: ["::/0"],
      },
    ]);
    expect(snapshot.securityGroups[2]?.ingress).toEqual([
      { protocol: "-1", fromPort: null, toPort: null, ipv4Ranges: [], ipv6Ranges: [] },
    ]);
    expect(snapshot.regionStates).toEqual([
      {
        region: "eu-west-1",
        ebsEncryptionByDefault: true,
        guardDutyDetectors: [{ detectorId: "12abc34d567e8fa901bc2d34e56789f0", status: "ENABLED" }],
      },
      {
        region: "us-east-1",
        ebsEncryptionByDefault: true,
        guardDutyDetectors: [{ detectorId: "98fed76c543b2a109fe8d76c54321ab0", status: "ENABLED" }],
      },
    ]);
    // Pages of two: three users and three buckets take two pages each.
    const calls = (operation: string) =>
      fakeAws().state.log.filter((entry) => entry.operation === operation).length;
    expect(calls("ListUsers")).toBe(2);
    expect(calls("ListBuckets")).toBe(2);
    // Bucket settings are asked in each bucket's own region.
    const bucketCalls = fakeAws().state.log.filter(
      (entry) => entry.operation === "GetBucketEncryption",
    );
    expect(bucketCalls.map((entry) => entry.region).sort()).toEqual([
      "eu-west-1",
      "eu-west-1",
      "us-east-1",
    ]);
  });

  it("passes every check on a compliant account", async () => {
    const snapshot = await collect();
    for (const check of awsConnector.checks) {
      const results = check.evaluate(snapshot);
      const failing = results.filter((r) => r.status === "fail");
      expect(failing, check.id).toEqual([]);
      expect(
        results.some((r) => r.status === "pass"),
        check.id,
      ).toBe(true);
    }
  });

  it("sees the account change between runs", async () => {
    fakeAws().state.users[1]!.mfaActive = false;
    fakeAws().state.buckets[1]!.publicAccessBlock = null;
    fakeAws().state.buckets[2]!.encryption = null;
    fakeAws().state.passwordPolicy = null;
    fakeAws().state.trails[0]!.isLogging = false;
    fakeAws().state.securityGroups[1]!.ingress.push({
      protocol: "tcp",
      fromPort: 3389,
      toPort: 3389,
      ipv4: ["0.0.0.0/0"],
      ipv6: [],
    });
    fakeAws().state.detectors["us-east-1"] = [];
    const snapshot = await collect();
    const failing = (id: string) => {
      const check = awsConnector.checks.find((c) => c.id === id);
      return check!
        .evaluate(snapshot)
        .filter((r) => r.status === "fail")
        .map((r) => r.reason);
    };
    expect(failing("aws.iam-console-users-mfa")).toEqual([
      "bob has a console password and no MFA device",
    ]);
    expect(failing("aws.s3-public-access-blocked")).toEqual([
      "s3://acme-uploads has no public access block",
    ]);
    expect(failing("aws.s3-default-encryption")).toEqual([
      "s3://acme-backups has no default encryption",
    ]);
    expect(failing("aws.password-policy-min-length")).toHaveLength(1);
    expect(failing("aws.cloudtrail-logging")).toEqual(["trail org-trail is stopped"]);
    expect(failing("aws.cloudtrail-multi-region")).toEqual([
      "multi-region trail org-trail is not logging",
    ]);
    expect(failing("aws.sg-no-open-admin-ports")).toEqual([
      "bastion (sg-0a1b2c3d4e5f60002, eu-west-1) allows port 3389 from 0.0.0.0/0",
    ]);
    expect(failing("aws.guardduty-enabled")).toEqual(["GuardDuty has no detector in us-east-1"]);
  });

  it("asks each bucket's region when the bucket list does not say it", async () => {
    fakeAws().state.listsBucketRegion = false;
    const snapshot = await collect();
    expect(snapshot.buckets.map((b) => [b.name, b.region])).toEqual([
      ["acme-backups", "eu-west-1"],
      ["acme-cloudtrail-logs", "eu-west-1"],
      ["acme-uploads", "us-east-1"],
    ]);
    const locations = fakeAws().state.log.filter((e) => e.operation === "GetBucketLocation");
    expect(locations).toHaveLength(3);
  });

  it("counts a multi-region trail homed outside the regions in scope, once", async () => {
    const state = fakeAws().state;
    state.trails[0]!.homeRegion = "ap-southeast-2";
    state.trails.push({
      ...state.trails[0]!,
      name: "sydney-only",
      isMultiRegionTrail: false,
      s3BucketName: "acme-backups",
    });
    const snapshot = await collect();
    expect(snapshot.trails.map((t) => [t.name, t.homeRegion])).toEqual([
      ["org-trail", "ap-southeast-2"],
    ]);
    const statuses = state.log.filter((e) => e.operation === "GetTrailStatus");
    expect(statuses).toHaveLength(1);
    const multiRegion = awsConnector.checks.find((c) => c.id === "aws.cloudtrail-multi-region");
    expect(multiRegion!.evaluate(snapshot).map((r) => r.status)).toEqual(["pass"]);
  });

  it("waits for the credential report IAM is still generating", async () => {
    fakeAws().state.reportGenerationsPending = 2;
    const snapshot = await collect();
    expect(snapshot.iam.credentialReport.users).toHaveLength(3);
    const generations = fakeAws().state.log.filter(
      (e) => e.operation === "GenerateCredentialReport",
    );
    expect(generations).toHaveLength(3);
  });

  it("assumes the configured role and reads with its temporary keys", async () => {
    const roleArn = `arn:aws:iam::${FAKE_ACCOUNT}:role/attest-audit`;
    fakeAws().state.roles.set(roleArn, { externalId: "attest-ext-1" });
    const snapshot = await collect({ roleArn, externalId: "attest-ext-1" });
    expect(snapshot.accountId).toBe(FAKE_ACCOUNT);
    expect(fakeAws().state.keys.size).toBe(2);
    await expect(collect({ roleArn, externalId: "wrong" })).rejects.toMatchObject({
      failure: "forbidden",
    });
  });

  it("tests a connection with one authenticated call", async () => {
    await awsConnector.testConnection(settings(), FAKE_KEY);
    expect(fakeAws().state.log.map((e) => `${e.service}:${e.operation}`)).toEqual([
      "sts:GetCallerIdentity",
    ]);
  });
});
