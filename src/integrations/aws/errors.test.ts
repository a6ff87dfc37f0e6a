// How the AWS connector fails: each service's documented error, answered by the fake AWS,
// becomes one ConnectorError kind, and no snapshot comes out of a failed collection.
import { describe, expect, it } from "vitest";
import { ConnectorError } from "../../domain/checks/check.ts";
import { FAKE_KEY, useFakeAws } from "../../../test/support/fake-aws.ts";
import { IAMClient } from "@aws-sdk/client-iam";
import { credentialReport } from "./collect-iam.ts";
import { collectAws } from "./collect.ts";
import { awsSettingsSchema } from "./settings.ts";

const NOW = new Date("2026-06-30T12:00:00.000Z");
const fakeAws = useFakeAws(NOW);

function collect(extra: Record<string, unknown> = {}, keys = FAKE_KEY) {
  const settings = awsSettingsSchema.parse({
    regions: ["eu-west-1", "us-east-1"],
    endpoint: fakeAws().endpoint,
    maxAttempts: 1,
    ...extra,
  });
  return collectAws(settings, keys, () => NOW);
}

async function failureOf(run: Promise<unknown>): Promise<ConnectorError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("AWS errors", () => {
  it("reports an unknown access key as unauthorized", async () => {
    const error = await failureOf(
      collect({}, { accessKeyId: "AKIAUNKNOWNKEY000001", secretAccessKey: "whatever-secret-0001" }),
    );
    expect(error.failure).toBe("unauthorized");
    expect(error.message).toContain("sts:GetCallerIdentity");
    expect(error.message).toContain("InvalidClientTokenId");
    expect(error.message).not.toContain("whatever-secret");
  });

  it("reports a wrong secret key (a signature AWS cannot match) as unauthorized", async () => {
    const error = await failureOf(
      collect(
        {},
        { accessKeyId: FAKE_KEY.accessKeyId, secretAccessKey: "not-the-right-secret-0001" },
      ),
    );
    expect(error.failure).toBe("unauthorized");
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(error.message).not.toContain("not-the-right-secret");
  });

  it("reports an expired session token as unauthorized", async () => {
    fakeAws().state.keys.set(FAKE_KEY.accessKeyId, {
      secret: FAKE_KEY.secretAccessKey,
      expired: true,
    });
    const error = await failureOf(collect());
    expect(error.failure).toBe("unauthorized");
    expect(error.message).toContain("ExpiredToken");
  });

  it.each([
    ["ec2", "GetEbsEncryptionByDefault", 401, "AuthFailure", "unauthorized"],
    ["s3", "GetBucketVersioning", 403, "InvalidAccessKeyId", "unauthorized"],
    ["cloudtrail", "DescribeTrails", 400, "UnrecognizedClientException", "unauthorized"],
    ["guardduty", "ListDetectors", 403, "ExpiredTokenException", "unauthorized"],
    ["rds", "DescribeDBInstances", 400, "ExpiredToken", "unauthorized"],
    ["iam", "ListUsers", 403, "AccessDenied", "forbidden"],
    ["ec2", "DescribeSecurityGroups", 403, "UnauthorizedOperation", "forbidden"],
    ["cloudtrail", "GetTrailStatus", 400, "AccessDeniedException", "forbidden"],
    ["guardduty", "ListDetectors", 403, "AccessDeniedException", "forbidden"],
    ["s3", "GetPublicAccessBlock", 403, "AccessDenied", "forbidden"],
    ["iam", "GetAccountSummary", 400, "Throttling", "rate-limited"],
    ["rds", "DescribeDBInstances", 400, "Throttling", "rate-limited"],
    ["ec2", "GetEbsEncryptionByDefault", 503, "RequestLimitExceeded", "rate-limited"],
    ["cloudtrail", "DescribeTrails", 400, "ThrottlingException", "rate-limited"],
    ["guardduty", "GetDetector", 429, "TooManyRequestsException", "rate-limited"],
    ["s3", "ListBuckets", 503, "SlowDown", "rate-limited"],
    ["iam", "GetCredentialReport", 500, "ServiceFailure", "unavailable"],
    ["guardduty", "ListDetectors", 500, "InternalServerErrorException", "unavailable"],
  ])("%s %s answering %i %s is %s", async (service, operation, status, code, failure) => {
    fakeAws().fail({ service, operation, status, code });
    const error = await failureOf(collect());
    expect(error.failure).toBe(failure);
    expect(error.message).toContain(code);
  });

  it("reports an endpoint nobody answers on as unavailable", async () => {
    const endpoint = fakeAws().endpoint;
    await fakeAws().close();
    const error = await failureOf(collect({ endpoint }));
    expect(error.failure).toBe("unavailable");
    expect(error.message).toContain("sts:GetCallerIdentity");
  });

  it("gives up after a timeout when AWS does not answer", async () => {
    fakeAws().state.delayMs = 2_500;
    const error = await failureOf(collect({ timeoutSeconds: 1 }));
    expect(error.failure).toBe("timeout");
  });

  it.each([
    ["sts", "GetCallerIdentity", "<GetCallerIdentityResponse><unclosed"],
    ["cloudtrail", "DescribeTrails", '{"trailList": [{"Name": '],
    ["guardduty", "ListDetectors", "not json at all"],
    ["s3", "ListBuckets", "<ListAllMyBucketsResult><Buckets><Bucket>"],
  ])("reports a malformed %s %s answer as invalid", async (service, operation, body) => {
    fakeAws().state.corrupt = { service, operation, body };
    const error = await failureOf(collect());
    expect(error.failure).toBe("invalid-answer");
    expect(error.message).toContain(operation);
  });

  it("reports a credential report without its documented columns as invalid", async () => {
    fakeAws().state.corrupt = {
      service: "iam",
      operation: "GetCredentialReport",
      body:
        '<GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">' +
        "<GetCredentialReportResult><Content>" +
        Buffer.from("user,arn\nalice,arn:aws:iam::123456789012:user/alice\n").toString("base64") +
        "</Content><ReportFormat>text/csv</ReportFormat>" +
        "<GeneratedTime>2026-06-30T00:00:00Z</GeneratedTime></GetCredentialReportResult>" +
        "</GetCredentialReportResponse>",
    };
    const error = await failureOf(collect());
    expect(error.failure).toBe("invalid-answer");
    expect(error.message).toContain("no user_creation_time");
  });

  it("retries a throttled call within its attempts, then fails", async () => {
    fakeAws().fail({
      service: "iam",
      operation: "ListUsers",
      status: 400,
      code: "Throttling",
      times: 1,
    });
    const snapshot = await collect({ maxAttempts: 2 });
    expect(snapshot.iam.users).toHaveLength(3);

    fakeAws().fail({ service: "iam", operation: "ListUsers", status: 400, code: "Throttling" });
    fakeAws().state.log = [];
    const error = await failureOf(collect({ maxAttempts: 2 }));
    expect(error.failure).toBe("rate-limited");
    expect(fakeAws().state.log.filter((e) => e.operation === "ListUsers")).toHaveLength(2);
  });

  it("treats AWS's documented 'not configured' answers as data, not failures", async () => {
    fakeAws().state.passwordPolicy = null;
    fakeAws().state.buckets[0]!.publicAccessBlock = null;
    fakeAws().state.buckets[0]!.encryption = null;
    const snapshot = await collect();
    expect(snapshot.iam.passwordPolicy).toBeNull();
    const bucket = snapshot.buckets.find((b) => b.name === fakeAws().state.buckets[0]!.name);
    expect(bucket).toMatchObject({ publicAccessBlock: null, encryption: null });
  });

  it("gives up with a timeout when IAM never finishes the credential report", async () => {
    fakeAws().state.reportGenerationsPending = 100;
    const iam = new IAMClient({
      region: "us-east-1",
      endpoint: fakeAws().endpoint,
      credentials: FAKE_KEY,
      maxAttempts: 1,
    });
    try {
      const error = await failureOf(credentialReport(iam, [1, 1, 1]));
      expect(error.failure).toBe("timeout");
      expect(error.message).toBe("AWS iam:GenerateCredentialReport: the report never got ready");
      const asked = fakeAws().state.log.filter((e) => e.operation === "GenerateCredentialReport");
      expect(asked).toHaveLength(4);
    } finally {
      iam.destroy();
    }
  });
});
