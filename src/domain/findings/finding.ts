/**
 * Findings: what a scanner (SARIF), a cloud posture tool (Prowler) or a flagged CloudTrail
 * event says is wrong, kept as one record per stable fingerprint so that importing the same
 * scan twice changes nothing. A finding is open until someone triages it with a decision and a
 * reason; a vulnerability is due for remediation by its severity, a flagged event for triage
 * within the week its log review covers.
 */
import { addDays } from "../periods.ts";

export const FINDING_SOURCES = ["sarif", "prowler", "cloudtrail"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const FINDING_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = ["open", "closed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * How a finding is closed. `remediated` is also what a later scan records when the resource
 * passes; `incident` means the flagged event was handed to the incident process.
 */
export const TRIAGE_DECISIONS = [
  "remediated",
  "false-positive",
  "risk-accepted",
  "authorized-activity",
  "incident",
] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/**
 * Days from first sight to the remediation deadline, by severity: the defaults OP-03 states
 * (15, 30, 90 and 180 days). Informational findings carry no deadline.
 */
export const REMEDIATION_DAYS: Record<FindingSeverity, number | null> = {
  critical: 15,
  high: 30,
  medium: 90,
  low: 180,
  info: null,
};

/** A flagged log event is due for triage within a week: the cadence of the log review (OP-09). */
export const TRIAGE_DAYS = 7;

/** What a parser makes of one result, before it is matched with the stored findings. */
export interface ParsedFinding {
  /** Stable across scans of the same issue on the same resource (see each parser). */
  fingerprint: string;
  ruleId: string;
  ruleTitle: string;
  severity: FindingSeverity;
  /** The resource or file it is about: an ARN, a path, a user. */
  resource: string;
  /** Where in the resource: "src/app.ts:42", a region, or null. */
  location: string | null;
  message: string;
  /** The tool that reported it ("CodeQL", "Prowler", "CloudTrail"). */
  tool: string;
  /** When the event happened (CloudTrail), or null for a scan result. */
  occurredAt: string | null;
  /** The raw element it came from, kept as evidence of what was seen. */
  detail: unknown;
}

export interface FindingTriage {
  decision: TriageDecision;
  reason: string;
  /** Who decided, as the trail names them ("Maya Chen <maya@…>", or the import for a scan). */
  by: string;
  at: string;
}

export interface Finding {
  id: string;
  /** F-12: numbered per organization. */
  ref: string;
  number: number;
  source: FindingSource;
  fingerprint: string;
  ruleId: string;
  ruleTitle: string;
  severity: FindingSeverity;
  resource: string;
  location: string | null;
  message: string;
  tool: string;
  occurredAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The local day it is due (remediation or triage), or null when it has no deadline. */
  dueOn: string | null;
  status: FindingStatus;
  triage: FindingTriage | null;
  /** FI-3: the import that last reported it. */
  lastImport: string;
}

export const FINDING_REF_PATTERN = /^F-(\d+)$/i;
export const findingRef = (number: number): string => `F-${number}`;
export const findingImportRef = (number: number): string => `FI-${number}`;

/** The deadline of a finding first seen on `firstSeenOn` (a local day). */
export function findingDueOn(
  source: FindingSource,
  severity: FindingSeverity,
  firstSeenOn: string,
): string | null {
  if (source === "cloudtrail") return addDays(firstSeenOn, TRIAGE_DAYS);
  const days = REMEDIATION_DAYS[severity];
  return days === null ? null : addDays(firstSeenOn, days);
}

export function isOverdue(finding: Pick<Finding, "status" | "dueOn">, today: string): boolean {
  return finding.status === "open" && finding.dueOn !== null && finding.dueOn < today;
}

/**
 * A path into a parsed document as people read it: runs[0].results[12].level. What a refusal
 * names, so the bad element can be found in a file of thousands.
 */
export function elementPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(the document)" : out;
}
