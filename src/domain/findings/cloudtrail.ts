/**
 * Unauthorized-access flags over CloudTrail logs, as CloudTrail delivers them to S3 (one JSON
 * object with a `Records` array per file). Each rule is small and reads only the event:
 *
 * - root account use (one finding per account and UTC day, however many calls it made);
 * - a console sign-in of an IAM user without MFA (federated sign-ins do their MFA at the
 *   identity provider, so CloudTrail says "No" for them: they are not flagged);
 * - repeated failed console sign-ins: FAILED_SIGN_INS or more for one user within an hour;
 * - changes to IAM policies;
 * - a security group opened to the whole internet (0.0.0.0/0 or ::/0);
 * - CloudTrail logging stopped or a trail deleted.
 *
 * A failed call (errorCode set) changed nothing and is not flagged, except a failed sign-in.
 * One event gives at most one finding: a root sign-in without MFA is root use, said so.
 */
import { z } from "zod";
import type { FindingSeverity, ParsedFinding } from "./finding.ts";
import { checkDocument, parseJsonDocument } from "./parse-json.ts";

export const FAILED_SIGN_INS = 5;
const FAILED_WINDOW_MS = 60 * 60 * 1000;

export const CLOUDTRAIL_RULES = {
  "root-use": { title: "Root account used", severity: "critical" },
  "console-sign-in-without-mfa": { title: "Console sign-in without MFA", severity: "high" },
  "repeated-failed-sign-ins": { title: "Repeated failed console sign-ins", severity: "high" },
  "iam-policy-change": { title: "IAM policy changed", severity: "medium" },
  "security-group-open-to-internet": {
    title: "Security group opened to the internet",
    severity: "high",
  },
  "cloudtrail-stopped": { title: "CloudTrail logging stopped", severity: "critical" },
} as const satisfies Record<string, { title: string; severity: FindingSeverity }>;
export type CloudTrailRule = keyof typeof CLOUDTRAIL_RULES;

const IAM_POLICY_EVENTS = new Set([
  "AttachGroupPolicy",
  "AttachRolePolicy",
  "AttachUserPolicy",
  "CreatePolicy",
  "CreatePolicyVersion",
  "DeleteGroupPolicy",
  "DeletePolicy",
  "DeletePolicyVersion",
  "DeleteRolePolicy",
  "DeleteUserPolicy",
  "DetachGroupPolicy",
  "DetachRolePolicy",
  "DetachUserPolicy",
  "PutGroupPolicy",
  "PutRolePolicy",
  "PutUserPolicy",
  "SetDefaultPolicyVersion",
]);
const TRAIL_STOPPING_EVENTS = new Set(["StopLogging", "DeleteTrail"]);
const WORLD = new Set(["0.0.0.0/0", "::/0"]);

const event = z.looseObject({
  eventID: z.string().min(1),
  eventTime: z.iso.datetime({ offset: true }),
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  eventType: z.string().optional(),
  awsRegion: z.string().optional(),
  sourceIPAddress: z.string().optional(),
  recipientAccountId: z.string().optional(),
  errorCode: z.string().optional(),
  userIdentity: z.looseObject({
    type: z.string().optional(),
    arn: z.string().optional(),
    userName: z.string().optional(),
    principalId: z.string().optional(),
    accountId: z.string().optional(),
    invokedBy: z.string().optional(),
  }),
  requestParameters: z.unknown().optional(),
  responseElements: z.unknown().optional(),
  additionalEventData: z.unknown().optional(),
});
type TrailEvent = z.infer<typeof event>;

const logFile = z.looseObject({ Records: z.array(event) });

/** A value at a path of plain objects, or undefined. */
function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function itemsOf(value: unknown): unknown[] {
  const items = at(value, "items");
  return Array.isArray(items) ? items : [];
}

function who(e: TrailEvent): string {
  const identity = e.userIdentity;
  if (identity.type === "Root")
    return `root (${identity.accountId ?? e.recipientAccountId ?? "?"})`;
  return identity.userName ?? identity.arn ?? identity.principalId ?? "an unknown identity";
}

function flag(
  e: TrailEvent,
  rule: CloudTrailRule,
  resource: string,
  message: string,
  fingerprint = `cloudtrail:${rule}:${e.eventID}`,
): ParsedFinding {
  return {
    fingerprint,
    ruleId: rule,
    ruleTitle: CLOUDTRAIL_RULES[rule].title,
    severity: CLOUDTRAIL_RULES[rule].severity,
    resource,
    location: e.awsRegion ?? null,
    message,
    tool: "CloudTrail",
    occurredAt: e.eventTime,
    detail: e,
  };
}

function openedToWorld(e: TrailEvent): string[] {
  const ranges: string[] = [];
  for (const permission of itemsOf(at(e.requestParameters, "ipPermissions"))) {
    for (const range of itemsOf(at(permission, "ipRanges"))) {
      const cidr = at(range, "cidrIp");
      if (typeof cidr === "string" && WORLD.has(cidr)) ranges.push(cidr);
    }
    for (const range of itemsOf(at(permission, "ipv6Ranges"))) {
      const cidr = at(range, "cidrIpv6");
      if (typeof cidr === "string" && WORLD.has(cidr)) ranges.push(cidr);
    }
  }
  return [...new Set(ranges)];
}

/** The flag an event raises on its own, if any (failed sign-ins are counted apart). */
function flagOf(e: TrailEvent, rootDays: Set<string>): ParsedFinding | null {
  const identity = e.userIdentity;
  const signIn = e.eventName === "ConsoleLogin" ? at(e.responseElements, "ConsoleLogin") : null;
  const mfa = at(e.additionalEventData, "MFAUsed");
  // A failed sign-in (root's included) used nothing: failures are counted in bursts instead.
  if (signIn === "Failure") return null;
  if (
    identity.type === "Root" &&
    identity.invokedBy === undefined &&
    e.eventType !== "AwsServiceEvent"
  ) {
    const account = identity.accountId ?? e.recipientAccountId ?? "unknown";
    const day = e.eventTime.slice(0, 10);
    const key = `${account}:${day}`;
    if (rootDays.has(key)) return null;
    rootDays.add(key);
    const withoutMfa = signIn === "Success" && mfa === "No" ? " (signed in without MFA)" : "";
    return flag(
      e,
      "root-use",
      `arn:aws:iam::${account}:root`,
      `The root account of ${account} was used on ${day}: ${e.eventName} from ${e.sourceIPAddress ?? "an unknown address"}${withoutMfa}`,
      `cloudtrail:root-use:${key}`,
    );
  }
  if (e.errorCode !== undefined) return null;
  if (signIn === "Success" && mfa === "No" && identity.type === "IAMUser") {
    return flag(
      e,
      "console-sign-in-without-mfa",
      identity.arn ?? who(e),
      `${who(e)} signed in to the console without MFA from ${e.sourceIPAddress ?? "an unknown address"}`,
    );
  }
  if (e.eventSource === "iam.amazonaws.com" && IAM_POLICY_EVENTS.has(e.eventName)) {
    const target =
      at(e.requestParameters, "policyArn") ??
      at(e.requestParameters, "policyName") ??
      at(e.requestParameters, "roleName") ??
      at(e.requestParameters, "userName") ??
      at(e.requestParameters, "groupName");
    return flag(
      e,
      "iam-policy-change",
      typeof target === "string" ? target : "IAM",
      `${who(e)} called ${e.eventName}${typeof target === "string" ? ` on ${target}` : ""}`,
    );
  }
  if (e.eventSource === "ec2.amazonaws.com" && e.eventName === "AuthorizeSecurityGroupIngress") {
    const ranges = openedToWorld(e);
    if (ranges.length === 0) return null;
    const group = at(e.requestParameters, "groupId") ?? at(e.requestParameters, "groupName");
    return flag(
      e,
      "security-group-open-to-internet",
      typeof group === "string" ? group : "a security group",
      `${who(e)} allowed inbound traffic from ${ranges.join(" and ")} to ${typeof group === "string" ? group : "a security group"}`,
    );
  }
  if (e.eventSource === "cloudtrail.amazonaws.com" && TRAIL_STOPPING_EVENTS.has(e.eventName)) {
    const trail = at(e.requestParameters, "name");
    return flag(
      e,
      "cloudtrail-stopped",
      typeof trail === "string" ? trail : "a trail",
      `${who(e)} called ${e.eventName} on ${typeof trail === "string" ? trail : "a trail"}`,
    );
  }
  return null;
}

/** Bursts of FAILED_SIGN_INS or more failures by one identity within an hour: one flag each. */
function failedSignInFlags(events: readonly TrailEvent[]): ParsedFinding[] {
  const byUser = new Map<string, TrailEvent[]>();
  for (const e of events) {
    if (e.eventName !== "ConsoleLogin" || at(e.responseElements, "ConsoleLogin") !== "Failure")
      continue;
    byUser.set(who(e), [...(byUser.get(who(e)) ?? []), e]);
  }
  const flags: ParsedFinding[] = [];
  for (const [user, failures] of byUser) {
    failures.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
    let start = 0;
    while (start < failures.length) {
      const first = failures[start] as TrailEvent;
      let end = start;
      while (
        end + 1 < failures.length &&
        Date.parse((failures[end + 1] as TrailEvent).eventTime) - Date.parse(first.eventTime) <=
          FAILED_WINDOW_MS
      ) {
        end += 1;
      }
      const count = end - start + 1;
      if (count >= FAILED_SIGN_INS) {
        const burst = failures.slice(start, end + 1);
        flags.push({
          ...flag(
            first,
            "repeated-failed-sign-ins",
            first.userIdentity.arn ?? user,
            `${count} failed console sign-ins for ${user} within an hour, from ${first.eventTime}`,
            `cloudtrail:repeated-failed-sign-ins:${user}:${first.eventTime}`,
          ),
          detail: burst,
        });
        start = end + 1;
      } else {
        start += 1;
      }
    }
  }
  return flags;
}

export function parseCloudTrail(content: string): ParsedFinding[] {
  const file = checkDocument(logFile, parseJsonDocument(content, "CloudTrail"), "CloudTrail log");
  const rootDays = new Set<string>();
  const ordered = [...file.Records].sort(
    (a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime),
  );
  const flags = ordered.map((e) => flagOf(e, rootDays)).filter((f) => f !== null);
  return [...flags, ...failedSignInFlags(ordered)];
}
