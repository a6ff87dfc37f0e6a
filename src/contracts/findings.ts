/** Answers of the findings routes: the list, one finding, triage, and the imports. */
import { z } from "zod";
import {
  FINDING_SEVERITIES,
  FINDING_SOURCES,
  FINDING_STATUSES,
  TRIAGE_DECISIONS,
} from "../domain/findings/finding.ts";
import { day, historyEntry, instant, pageOf } from "./common.ts";

export const findingSource = z.enum(FINDING_SOURCES);
export const findingSeverity = z.enum(FINDING_SEVERITIES);
export const findingStatus = z.enum(FINDING_STATUSES);
export const triageDecision = z.enum(TRIAGE_DECISIONS);

export const finding = z.object({
  id: z.string(),
  ref: z.string().describe("F-1, F-2, … per organization; how paths name the finding"),
  number: z.number().int(),
  source: findingSource,
  fingerprint: z.string().describe("stable across imports: the same issue is the same finding"),
  ruleId: z.string(),
  ruleTitle: z.string(),
  severity: findingSeverity,
  resource: z.string().describe("an ARN, a file path or a user"),
  location: z.string().nullable().describe('"src/app.ts:42", a region, or null'),
  message: z.string(),
  tool: z.string(),
  occurredAt: z.string().nullable().describe("when a flagged event happened; null for a scan"),
  firstSeenAt: instant,
  lastSeenAt: instant,
  dueOn: day.nullable().describe("remediation (or, for an event, triage) deadline"),
  status: findingStatus,
  triage: z
    .object({ decision: triageDecision, reason: z.string(), by: z.string(), at: instant })
    .nullable(),
  lastImport: z.string().describe("FI-n: the import that last reported it"),
});
export type Finding = z.output<typeof finding>;

export const findingList = pageOf(finding).extend({
  today: day,
  counts: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    closed: z.number().int(),
  }),
});
export type FindingList = z.output<typeof findingList>;

export const findingDetail = z.object({
  finding,
  detail: z.unknown().describe("the element of the imported file it came from"),
  history: z.array(historyEntry),
});
export type FindingDetail = z.output<typeof findingDetail>;

export const findingImport = z.object({
  id: z.string(),
  ref: z.string().describe("FI-1, FI-2, …"),
  number: z.number().int(),
  source: findingSource,
  fileName: z.string(),
  sha256: z.string(),
  counts: z.object({
    results: z.number().int(),
    created: z.number().int(),
    seenAgain: z.number().int(),
    reopened: z.number().int(),
    closed: z.number().int(),
  }),
  importedBy: z.string(),
  importedAt: instant,
});
export type FindingImport = z.output<typeof findingImport>;

export const findingImportOutcome = z.object({
  import: findingImport,
  reopened: z.array(z.string()),
  closed: z.array(z.string()),
});
export type FindingImportOutcome = z.output<typeof findingImportOutcome>;

export const findingImportList = z.object({ items: z.array(findingImport) });
