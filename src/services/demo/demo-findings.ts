/**
 * The demo's findings: this week's CodeQL scan of Northwind's code (a few fixed or judged,
 * the rest open with their deadlines), a Prowler scan of its AWS account, and a day of
 * CloudTrail logs with a root sign-in (a break-glass drill) and an IAM policy change, both
 * triaged by Sam, the head of security. The files are built here as the tools write them.
 */
import type { Actor } from "../../domain/actor.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { importFindings } from "../program/findings/findings-import.service.ts";
import { triageFinding } from "../program/findings/findings.service.ts";

export interface DemoFindings {
  imports: number;
  findings: number;
  triaged: number;
}

const CODE_RESULTS = [
  { rule: "js/sql-injection", file: "api/reports/query.ts", line: 88, score: "8.8" },
  { rule: "js/path-injection", file: "api/exports/download.ts", line: 41, score: "7.5" },
  { rule: "js/insecure-randomness", file: "api/auth/reset-token.ts", line: 17, score: "7.8" },
  { rule: "js/missing-rate-limiting", file: "api/auth/login.ts", line: 23, score: "7.5" },
  { rule: "js/clear-text-logging", file: "workers/ingest/log.ts", line: 12, score: "5.9" },
  { rule: "js/regex-injection", file: "web/src/search/filter.ts", line: 64, score: "5.3" },
  { rule: "js/incomplete-sanitization", file: "web/src/markdown.ts", line: 30, score: "4.3" },
  { rule: "js/unused-local-variable", file: "workers/ingest/batch.ts", line: 97, score: "0" },
];

function codeqlSarif(): string {
  const rules = CODE_RESULTS.map((r) => ({
    id: r.rule,
    shortDescription: { text: r.rule.replace("js/", "").replaceAll("-", " ") },
    properties: { "security-severity": r.score },
  }));
  return JSON.stringify({
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "CodeQL", semanticVersion: "2.20.1", rules } },
        results: CODE_RESULTS.map((r) => ({
          ruleId: r.rule,
          message: {
            text: `${rules.find((x) => x.id === r.rule)?.shortDescription.text ?? ""} in ${r.file}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file },
                region: { startLine: r.line },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: `${r.rule}:${r.file}` },
        })),
      },
    ],
  });
}

const POSTURE = [
  {
    check: "s3_bucket_default_encryption",
    resource: "northwind-exports",
    status: "PASS",
    severity: "Medium",
  },
  {
    check: "s3_bucket_public_access",
    resource: "northwind-static",
    status: "FAIL",
    severity: "Critical",
  },
  {
    check: "iam_user_mfa_enabled_console_access",
    resource: "ci-deploy",
    status: "FAIL",
    severity: "High",
  },
  {
    check: "rds_instance_backup_enabled",
    resource: "insights-primary",
    status: "PASS",
    severity: "Medium",
  },
  {
    check: "cloudtrail_multi_region_enabled",
    resource: "org-trail",
    status: "PASS",
    severity: "High",
  },
  {
    check: "ec2_ebs_default_encryption",
    resource: "eu-west-1",
    status: "FAIL",
    severity: "Medium",
  },
];

function prowlerScan(): string {
  return JSON.stringify(
    POSTURE.map((p) => ({
      finding_info: {
        uid: `prowler-aws-${p.check}-210987654321-eu-west-1-${p.resource}`,
        title: p.check.replaceAll("_", " "),
      },
      status_code: p.status,
      status_detail: `${p.resource}: ${p.status === "PASS" ? "compliant" : "not compliant"}`,
      severity: p.severity,
      resources: [
        { uid: `arn:aws:::210987654321:${p.resource}`, name: p.resource, region: "eu-west-1" },
      ],
      cloud: { account: { uid: "210987654321" }, region: "eu-west-1", provider: "aws" },
      metadata: { event_code: p.check, product: { name: "Prowler" } },
    })),
  );
}

function cloudTrailDay(day: string): string {
  const identity = (user: string) => ({
    type: "IAMUser",
    arn: `arn:aws:iam::210987654321:user/${user}`,
    accountId: "210987654321",
    userName: user,
  });
  const base = {
    awsRegion: "eu-west-1",
    sourceIPAddress: "203.0.113.24",
    recipientAccountId: "210987654321",
  };
  return JSON.stringify({
    Records: [
      {
        ...base,
        eventID: "8d1c2b1e-0001-4c5e-9e61-northwind01",
        eventTime: `${day}T07:58:12Z`,
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        eventType: "AwsConsoleSignIn",
        userIdentity: {
          type: "Root",
          arn: "arn:aws:iam::210987654321:root",
          accountId: "210987654321",
        },
        responseElements: { ConsoleLogin: "Success" },
        additionalEventData: { MFAUsed: "Yes" },
      },
      {
        ...base,
        eventID: "8d1c2b1e-0002-4c5e-9e61-northwind02",
        eventTime: `${day}T10:14:55Z`,
        eventSource: "iam.amazonaws.com",
        eventName: "AttachRolePolicy",
        eventType: "AwsApiCall",
        userIdentity: identity("sam.rivera"),
        requestParameters: {
          roleName: "insights-etl",
          policyArn: "arn:aws:iam::210987654321:policy/etl-read-exports",
        },
      },
      {
        ...base,
        eventID: "8d1c2b1e-0003-4c5e-9e61-northwind03",
        eventTime: `${day}T11:02:40Z`,
        eventSource: "s3.amazonaws.com",
        eventName: "GetObject",
        eventType: "AwsApiCall",
        userIdentity: identity("ci-deploy"),
      },
    ],
  });
}

export async function loadDemoFindings(
  ctx: ServiceContext,
  owner: Actor,
  security: Actor,
  today: string,
): Promise<DemoFindings> {
  const bytes = (text: string) => Buffer.from(text);
  const code = await importFindings(ctx, owner, {
    source: "sarif",
    fileName: "codeql-northwind-insights.sarif",
    content: bytes(codeqlSarif()),
  });
  const posture = await importFindings(ctx, owner, {
    source: "prowler",
    fileName: "prowler-output-210987654321.ocsf.json",
    content: bytes(prowlerScan()),
  });
  const trail = await importFindings(ctx, owner, {
    source: "cloudtrail",
    fileName: `210987654321_CloudTrail_eu-west-1_${addDays(today, -1).replaceAll("-", "")}.json`,
    content: bytes(cloudTrailDay(addDays(today, -1))),
  });
  const decisions: [
    string,
    "remediated" | "false-positive" | "risk-accepted" | "authorized-activity",
    string,
  ][] = [
    ["F-1", "remediated", "Query rebuilt with bound parameters; merged in PR #4412 and deployed."],
    ["F-8", "false-positive", "Dead variable in a test fixture path, not security relevant."],
    [
      "F-7",
      "risk-accepted",
      "Markdown is rendered by the sanitizing renderer downstream; accepted until the Q1 rewrite.",
    ],
    [
      "F-12",
      "authorized-activity",
      "Quarterly break-glass drill of the root account, ticket SEC-231, with MFA.",
    ],
    ["F-13", "authorized-activity", "Read access for the ETL role, approved in change CHG-1187."],
  ];
  for (const [ref, decision, reason] of decisions) {
    await triageFinding(ctx, security, ref, { decision, reason });
  }
  return {
    imports: 3,
    findings:
      code.import.counts.created + posture.import.counts.created + trail.import.counts.created,
    triaged: decisions.length,
  };
}
