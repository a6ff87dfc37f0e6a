/** The answers of the findings routes (the contracts are in src/contracts/findings.ts). */
import type { Finding } from "../../../../src/contracts/findings.ts";
export type {
  Finding,
  FindingDetail,
  FindingImport,
  FindingImportOutcome,
  FindingList,
} from "../../../../src/contracts/findings.ts";

// Value lists for pickers: copies (the browser runs none of the server's code), held to the
// contract's types.
export const FINDING_SOURCES = [
  "sarif",
  "prowler",
  "cloudtrail",
] as const satisfies readonly Finding["source"][];
export const FINDING_SEVERITIES = [
  "critical",
  "high",
  "medium",
  "low",
  "info",
] as const satisfies readonly Finding["severity"][];
export const TRIAGE_DECISIONS = [
  "remediated",
  "false-positive",
  "risk-accepted",
  "authorized-activity",
  "incident",
] as const satisfies readonly NonNullable<Finding["triage"]>["decision"][];

export const FINDING_SOURCE_LABEL: Record<Finding["source"], string> = {
  sarif: "SARIF (code and image scanners)",
  prowler: "Prowler (cloud posture)",
  cloudtrail: "CloudTrail (flagged events)",
};
