/** Answers of the request routes: the auditor's request list of an engagement. */
import { z } from "zod";
import { REQUEST_SIDES, REQUEST_STATUSES } from "../domain/audit-request.ts";
import { day, instant } from "./common.ts";

export const requestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.output<typeof requestStatus>;

export const requestComment = z.object({
  id: z.string(),
  author: z.string(),
  side: z.enum(REQUEST_SIDES).describe("which side wrote it: the auditor or the company"),
  body: z.string(),
  createdAt: instant,
});
export type RequestComment = z.output<typeof requestComment>;

export const auditRequest = z.object({
  id: z.string(),
  ref: z.string().describe("R-1, R-2, … per engagement; how paths name the request"),
  number: z.number().int(),
  engagementId: z.string(),
  control: z.string().nullable().describe("the control asked about, or null for free text"),
  item: z.string().nullable().describe("the sampled item's key, when it asks for one"),
  itemLabel: z
    .string()
    .nullable()
    .describe(
      'the sampled item in words ("March 2026", "Pull request #4105 (2 March)"); its key ' +
        "when it is no longer in the sample; null when the request names no item",
    ),
  description: z.string(),
  addressee: z.string().describe("email of the member it goes to"),
  dueOn: day,
  status: requestStatus,
  returnReason: z.string().nullable(),
  openedBy: z.string(),
  openedAt: instant,
  answeredAt: instant.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  evidence: z
    .array(z.object({ id: z.string(), title: z.string() }))
    .describe("evidence given in answer"),
  comments: z.array(requestComment),
});
export type AuditRequest = z.output<typeof auditRequest>;

export const requestCounts = z.object({
  open: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  withdrawn: z.number().int().describe("their item left the sample: nobody owes them anything"),
  overdue: z.number().int().describe("open or returned, past the due day"),
  total: z.number().int(),
});
export type RequestCounts = z.output<typeof requestCounts>;

export const requestList = z.object({
  items: z.array(auditRequest),
  counts: requestCounts.describe("over every request the caller may see, whatever the filter"),
  today: day,
});
export type RequestList = z.output<typeof requestList>;

export const bulkOpening = z.object({
  opened: z.array(auditRequest),
  alreadyRequested: z.number().int().describe("items lacking evidence that had a request"),
});
export type BulkOpening = z.output<typeof bulkOpening>;
