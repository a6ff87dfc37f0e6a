/**
 * Prowler's JSON-OCSF output (Prowler 4 and later: an array of OCSF Detection Findings, one per
 * check and resource). A FAIL becomes a finding; a PASS of a check and resource that had failed
 * is how a later scan says it was fixed. The fingerprint is Prowler's own finding uid, which
 * names the check, the account, the region and the resource, so it is stable across scans.
 */
import { z } from "zod";
import type { FindingSeverity, ParsedFinding } from "./finding.ts";
import { checkDocument, parseJsonDocument } from "./parse-json.ts";

const SEVERITIES: Record<string, FindingSeverity> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  informational: "info",
  info: "info",
};

const detection = z.looseObject({
  finding_info: z.looseObject({
    uid: z.string().min(1),
    title: z.string().min(1),
    desc: z.string().optional(),
  }),
  status_code: z.string().min(1),
  severity: z.string().refine((value) => value.toLowerCase() in SEVERITIES, {
    message: "must be Critical, High, Medium, Low or Informational",
  }),
  message: z.string().optional(),
  status_detail: z.string().optional(),
  resources: z
    .array(
      z.looseObject({
        uid: z.string().optional(),
        name: z.string().optional(),
        region: z.string().optional(),
      }),
    )
    .optional(),
  cloud: z
    .looseObject({
      account: z.looseObject({ uid: z.string().optional() }).optional(),
      region: z.string().optional(),
    })
    .optional(),
  metadata: z
    .looseObject({
      event_code: z.string().optional(),
      product: z.looseObject({ name: z.string().optional() }).optional(),
    })
    .optional(),
});

const document = z.array(detection);

export interface ProwlerScan {
  failed: ParsedFinding[];
  /** Fingerprints of the checks that passed: fixed, if they had failed before. */
  passed: string[];
}

/** Prowler writes an array; a file of one finding per line is read the same way. */
function parseDocument(content: string): unknown {
  const trimmed = content.trimStart();
  if (trimmed.startsWith("[") || trimmed === "") return parseJsonDocument(content, "Prowler");
  return content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => parseJsonDocument(line, "Prowler"));
}

export function parseProwler(content: string): ProwlerScan {
  const items = checkDocument(document, parseDocument(content), "Prowler OCSF");
  const scan: ProwlerScan = { failed: [], passed: [] };
  for (const item of items) {
    const fingerprint = `prowler:${item.finding_info.uid}`;
    const status = item.status_code.toUpperCase();
    if (status === "PASS") scan.passed.push(fingerprint);
    if (status !== "FAIL") continue;
    const resource = item.resources?.[0];
    const region = resource?.region ?? item.cloud?.region ?? null;
    scan.failed.push({
      fingerprint,
      ruleId: item.metadata?.event_code ?? item.finding_info.uid,
      ruleTitle: item.finding_info.title,
      severity: SEVERITIES[item.severity.toLowerCase()] ?? "info",
      resource: resource?.uid ?? resource?.name ?? item.cloud?.account?.uid ?? "(account)",
      location: region === null || region === "" ? null : region,
      message: item.status_detail ?? item.message ?? item.finding_info.title,
      tool: item.metadata?.product?.name ?? "Prowler",
      occurredAt: null,
      detail: item,
    });
  }
  return scan;
}
