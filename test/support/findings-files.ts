/**
 * Files as the tools write them, built here from the formats' public descriptions (SARIF 2.1.0,
 * Prowler's JSON-OCSF, CloudTrail's log files in S3): no recorded output of real accounts.
 */

export interface SarifResultSpec {
  rule: string;
  file: string;
  line: number;
  level?: "error" | "warning" | "note" | "none";
  score?: string;
  fingerprint?: string;
  message?: string;
}

export function sarifLog(results: readonly SarifResultSpec[], tool = "CodeQL"): string {
  const rules = [...new Set(results.map((r) => r.rule))].map((id) => {
    const score = results.find((r) => r.rule === id)?.score;
    return {
      id,
      name: id.replace(/\W+/g, ""),
      shortDescription: { text: `Rule ${id}` },
      defaultConfiguration: { level: "warning" },
      properties: score === undefined ? { tags: ["security"] } : { "security-severity": score },
    };
  });
  return JSON.stringify({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: tool, semanticVersion: "2.20.0", rules } },
        results: results.map((r) => ({
          ruleId: r.rule,
          ...(r.level === undefined ? {} : { level: r.level }),
          message: { text: r.message ?? `${r.rule} in ${r.file}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file, uriBaseId: "%SRCROOT%" },
                region: { startLine: r.line, startColumn: 5 },
              },
            },
          ],
          ...(r.fingerprint === undefined
            ? {}
            : { partialFingerprints: { primaryLocationLineHash: r.fingerprint } }),
        })),
      },
    ],
  });
}

/** n distinct results over a few rules, files and severities. */
export function manySarifResults(n: number): SarifResultSpec[] {
  const scores = ["9.8", "7.5", "5.3", "2.1"];
  return Array.from({ length: n }, (_, i) => ({
    rule: `js/rule-${i % 37}`,
    file: `src/module-${i % 211}/file-${i}.ts`,
    line: 1 + (i % 400),
    score: scores[i % scores.length] as string,
    fingerprint: `lh-${i.toString(16)}:1`,
  }));
}

export interface ProwlerSpec {
  check: string;
  resource: string;
  status: "PASS" | "FAIL" | "MANUAL";
  severity?: string;
  account?: string;
  region?: string;
}

export function prowlerOcsf(items: readonly ProwlerSpec[]): string {
  return JSON.stringify(
    items.map((p) => {
      const account = p.account ?? "123456789012";
      const region = p.region ?? "eu-west-1";
      return {
        message: `${p.check} ${p.status} for ${p.resource}`,
        metadata: {
          event_code: p.check,
          product: { name: "Prowler", vendor_name: "Prowler", version: "5.4.0" },
          version: "1.4.0",
        },
        severity_id: 4,
        severity: p.severity ?? "High",
        status: "New",
        status_code: p.status,
        status_detail: `${p.resource} is ${p.status === "PASS" ? "compliant" : "not compliant"} with ${p.check}`,
        activity_name: "Create",
        finding_info: {
          created_time: 1733400000,
          desc: `Checks ${p.check}`,
          title: `Check ${p.check}`,
          uid: `prowler-aws-${p.check}-${account}-${region}-${p.resource}`,
        },
        resources: [
          {
            cloud_partition: "aws",
            region,
            name: p.resource,
            type: "AwsS3Bucket",
            uid: `arn:aws:s3:::${p.resource}`,
          },
        ],
        category_name: "Findings",
        class_uid: 2004,
        class_name: "Detection Finding",
        cloud: { account: { uid: account, type: "AWS Account" }, region, provider: "aws" },
        time: 1733400000,
        type_uid: 200401,
      };
    }),
  );
}

let eventCounter = 0;

export interface TrailEventSpec {
  name: string;
  source?: string;
  time: string;
  identity?: Record<string, unknown>;
  request?: unknown;
  response?: unknown;
  additional?: unknown;
  errorCode?: string;
}

export const IAM_USER = {
  type: "IAMUser",
  principalId: "AIDAEXAMPLE1",
  arn: "arn:aws:iam::123456789012:user/alice",
  accountId: "123456789012",
  userName: "alice",
};
export const ROOT = {
  type: "Root",
  principalId: "123456789012",
  arn: "arn:aws:iam::123456789012:root",
  accountId: "123456789012",
};

export function trailEvent(spec: TrailEventSpec): Record<string, unknown> {
  eventCounter += 1;
  return {
    eventVersion: "1.09",
    userIdentity: spec.identity ?? IAM_USER,
    eventTime: spec.time,
    eventSource: spec.source ?? "signin.amazonaws.com",
    eventName: spec.name,
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "Mozilla/5.0",
    requestParameters: spec.request ?? null,
    responseElements: spec.response ?? null,
    ...(spec.additional === undefined ? {} : { additionalEventData: spec.additional }),
    ...(spec.errorCode === undefined ? {} : { errorCode: spec.errorCode }),
    eventID: `0000${eventCounter.toString(16).padStart(4, "0")}-1111-2222-3333-444455556666`,
    readOnly: false,
    eventType: spec.name === "ConsoleLogin" ? "AwsConsoleSignIn" : "AwsApiCall",
    recipientAccountId: "123456789012",
  };
}

export function consoleLogin(
  time: string,
  outcome: "Success" | "Failure",
  mfa: "Yes" | "No",
  identity: Record<string, unknown> = IAM_USER,
): Record<string, unknown> {
  return trailEvent({
    name: "ConsoleLogin",
    time,
    identity,
    response: { ConsoleLogin: outcome },
    additional: { LoginTo: "https://console.aws.amazon.com/", MobileVersion: "No", MFAUsed: mfa },
    ...(outcome === "Failure" ? { errorCode: "Failed authentication" } : {}),
  });
}

export function cloudTrailFile(records: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Records: records });
}
