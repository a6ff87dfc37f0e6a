import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  IAM_USER,
  ROOT,
  cloudTrailFile,
  consoleLogin,
  prowlerOcsf,
  sarifLog,
  trailEvent,
} from "../../../test/support/findings-files.ts";
import { parseCloudTrail } from "./cloudtrail.ts";
import { findingDueOn, isOverdue } from "./finding.ts";
import { parseProwler } from "./prowler.ts";
import { parseSarif } from "./sarif.ts";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("SARIF", () => {
  it("reads each result with its rule, place and severity band", () => {
    const found = parseSarif(
      sarifLog([
        { rule: "js/sql-injection", file: "src/db.ts", line: 12, score: "9.8" },
        { rule: "js/xss", file: "src/page.ts", line: 3, score: "6.1" },
        { rule: "js/unused", file: "src/a.ts", line: 7, level: "note" },
      ]),
    );
    expect(found.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ["js/sql-injection", "critical", "src/db.ts:12"],
      ["js/xss", "medium", "src/page.ts:3"],
      ["js/unused", "low", "src/a.ts:7"],
    ]);
    expect(found[0]?.tool).toBe("CodeQL");
  });

  it("keeps a fingerprint when the line moves, if the tool gave one", () => {
    const before = parseSarif(sarifLog([{ rule: "r", file: "a.ts", line: 5, fingerprint: "x:1" }]));
    const after = parseSarif(sarifLog([{ rule: "r", file: "a.ts", line: 9, fingerprint: "x:1" }]));
    const other = parseSarif(sarifLog([{ rule: "r", file: "a.ts", line: 9 }]));
    expect(after[0]?.fingerprint).toBe(before[0]?.fingerprint);
    expect(other[0]?.fingerprint).not.toBe(before[0]?.fingerprint);
  });

  it("names the first bad element of a malformed file", () => {
    const log = JSON.parse(sarifLog([{ rule: "r", file: "a.ts", line: 1 }])) as {
      runs: { results: { level?: string }[] }[];
    };
    const bad = log.runs[0]?.results[0];
    if (bad !== undefined) bad.level = "fatal";
    const error = refusal(() => parseSarif(JSON.stringify(log)));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain("runs[0].results[0].level");
    expect(refusal(() => parseSarif('{"version":"2.0.0","runs":[]}')).message).toContain("version");
    expect(refusal(() => parseSarif("{not json")).message).toContain("not JSON");
  });

  it("refuses a result that names no rule", () => {
    const log = {
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "T" } }, results: [{ message: { text: "m" } }] }],
    };
    expect(refusal(() => parseSarif(JSON.stringify(log))).message).toContain(
      "runs[0].results[0].ruleId",
    );
  });
});

describe("Prowler OCSF", () => {
  it("makes findings of failures and lists passes", () => {
    const scan = parseProwler(
      prowlerOcsf([
        {
          check: "s3_bucket_public_access",
          resource: "logs",
          status: "FAIL",
          severity: "Critical",
        },
        { check: "s3_bucket_public_access", resource: "site", status: "PASS" },
        { check: "iam_root_mfa_enabled", resource: "root", status: "MANUAL" },
      ]),
    );
    expect(scan.failed).toHaveLength(1);
    expect(scan.failed[0]).toMatchObject({
      ruleId: "s3_bucket_public_access",
      severity: "critical",
      resource: "arn:aws:s3:::logs",
      location: "eu-west-1",
    });
    expect(scan.passed).toEqual([
      "prowler:prowler-aws-s3_bucket_public_access-123456789012-eu-west-1-site",
    ]);
  });

  it("names the bad element", () => {
    const items = JSON.parse(
      prowlerOcsf([{ check: "c", resource: "r", status: "FAIL", severity: "Severe" }]),
    ) as unknown[];
    expect(refusal(() => parseProwler(JSON.stringify(items))).message).toContain("[0].severity");
  });
});

describe("CloudTrail flags", () => {
  it("gives exactly one finding for a root sign-in and one for a sign-in without MFA", () => {
    const flags = parseCloudTrail(
      cloudTrailFile([
        consoleLogin("2026-11-02T08:00:00Z", "Success", "Yes", ROOT),
        consoleLogin("2026-11-02T09:00:00Z", "Success", "No"),
        consoleLogin("2026-11-02T09:30:00Z", "Success", "Yes"),
        consoleLogin("2026-11-02T10:00:00Z", "Success", "No", {
          type: "AssumedRole",
          arn: "arn:aws:sts::123456789012:assumed-role/sso/bob",
        }),
        trailEvent({
          name: "DescribeInstances",
          source: "ec2.amazonaws.com",
          time: "2026-11-02T11:00:00Z",
        }),
      ]),
    );
    expect(flags.map((f) => f.ruleId)).toEqual(["root-use", "console-sign-in-without-mfa"]);
    expect(flags[1]?.resource).toBe(IAM_USER.arn);
  });

  it("counts root use once a day, and a failed call changes nothing", () => {
    const flags = parseCloudTrail(
      cloudTrailFile([
        trailEvent({
          name: "ListBuckets",
          source: "s3.amazonaws.com",
          time: "2026-11-02T08:00:00Z",
          identity: ROOT,
        }),
        trailEvent({
          name: "GetBucketAcl",
          source: "s3.amazonaws.com",
          time: "2026-11-02T08:05:00Z",
          identity: ROOT,
        }),
        trailEvent({
          name: "ListBuckets",
          source: "s3.amazonaws.com",
          time: "2026-11-03T08:00:00Z",
          identity: ROOT,
        }),
        trailEvent({
          name: "AttachUserPolicy",
          source: "iam.amazonaws.com",
          time: "2026-11-02T09:00:00Z",
          request: { userName: "bob", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
          errorCode: "AccessDenied",
        }),
      ]),
    );
    expect(flags.map((f) => [f.ruleId, f.occurredAt])).toEqual([
      ["root-use", "2026-11-02T08:00:00Z"],
      ["root-use", "2026-11-03T08:00:00Z"],
    ]);
  });

  it("flags IAM policy changes, open security groups and a stopped trail", () => {
    const flags = parseCloudTrail(
      cloudTrailFile([
        trailEvent({
          name: "PutRolePolicy",
          source: "iam.amazonaws.com",
          time: "2026-11-02T09:00:00Z",
          request: { roleName: "deploy", policyName: "inline" },
        }),
        trailEvent({
          name: "AuthorizeSecurityGroupIngress",
          source: "ec2.amazonaws.com",
          time: "2026-11-02T09:10:00Z",
          request: {
            groupId: "sg-0abc",
            ipPermissions: {
              items: [
                {
                  ipProtocol: "tcp",
                  fromPort: 22,
                  toPort: 22,
                  ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] },
                },
              ],
            },
          },
        }),
        trailEvent({
          name: "AuthorizeSecurityGroupIngress",
          source: "ec2.amazonaws.com",
          time: "2026-11-02T09:11:00Z",
          request: {
            groupId: "sg-0def",
            ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: "10.0.0.0/8" }] } }] },
          },
        }),
        trailEvent({
          name: "StopLogging",
          source: "cloudtrail.amazonaws.com",
          time: "2026-11-02T09:20:00Z",
          request: { name: "org-trail" },
        }),
      ]),
    );
    expect(flags.map((f) => [f.ruleId, f.resource])).toEqual([
      ["iam-policy-change", "inline"],
      ["security-group-open-to-internet", "sg-0abc"],
      ["cloudtrail-stopped", "org-trail"],
    ]);
  });

  it("flags five failed sign-ins within an hour, not four", () => {
    const failures = (n: number, start: number) =>
      Array.from({ length: n }, (_, i) =>
        consoleLogin(new Date(start + i * 60_000).toISOString(), "Failure", "No"),
      );
    const base = Date.parse("2026-11-02T09:00:00Z");
    expect(parseCloudTrail(cloudTrailFile(failures(4, base)))).toHaveLength(0);
    const flags = parseCloudTrail(cloudTrailFile(failures(5, base)));
    expect(flags.map((f) => f.ruleId)).toEqual(["repeated-failed-sign-ins"]);
    expect(flags[0]?.message).toContain("5 failed console sign-ins for alice");
  });

  it("names the bad record", () => {
    const bad = cloudTrailFile([
      { ...consoleLogin("2026-11-02T08:00:00Z", "Success", "No"), eventTime: "yesterday" },
    ]);
    expect(refusal(() => parseCloudTrail(bad)).message).toContain("Records[0].eventTime");
  });
});

describe("deadlines", () => {
  it("dates remediation by severity and triage within a week", () => {
    expect(findingDueOn("sarif", "critical", "2026-11-01")).toBe("2026-11-16");
    expect(findingDueOn("prowler", "high", "2026-11-01")).toBe("2026-12-01");
    expect(findingDueOn("sarif", "info", "2026-11-01")).toBeNull();
    expect(findingDueOn("cloudtrail", "low", "2026-11-01")).toBe("2026-11-08");
    expect(isOverdue({ status: "open", dueOn: "2026-11-08" }, "2026-11-09")).toBe(true);
    expect(isOverdue({ status: "closed", dueOn: "2026-11-08" }, "2026-11-09")).toBe(false);
  });
});
