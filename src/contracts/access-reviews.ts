/** Answers of the access review routes: campaigns, one campaign with its accounts, an import. */
import { z } from "zod";
import { ACCESS_DECISIONS, ACCOUNT_FLAGS, CAMPAIGN_STATUSES } from "../domain/access-review.ts";
import { day, instant } from "./common.ts";

export const accountFlag = z.enum(ACCOUNT_FLAGS);
export const accessDecision = z.enum(ACCESS_DECISIONS);

export const accessReviewSummary = z.object({
  id: z.string(),
  ref: z.string().describe("AR-1, AR-2, … per organization; how paths name the campaign"),
  number: z.number().int(),
  name: z.string(),
  periodFrom: day.describe("first day of the period whose access is reviewed"),
  periodTo: day,
  dueOn: day,
  reviewers: z.array(z.string()).describe("the reviewers' emails"),
  status: z.enum(CAMPAIGN_STATUSES),
  startedBy: z.string(),
  createdAt: instant,
  completedOn: day.nullable(),
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  sha256: z.string().nullable().describe("SHA-256 of the frozen snapshot, once completed"),
  evidenceId: z.string().nullable().describe("the AC-06 evidence item filed at completion"),
  systems: z.array(z.string()),
  accounts: z.number().int().nonnegative(),
  decided: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
  overdue: z.boolean().describe("open past its due day"),
});
export type AccessReviewSummary = z.output<typeof accessReviewSummary>;

export const accessReviewList = z.object({ items: z.array(accessReviewSummary) });

export const reviewSystem = z.object({
  id: z.string(),
  name: z.string(),
  fileSha256: z.string().nullable().describe("SHA-256 of the imported CSV; null until imported"),
  importedBy: z.string().nullable(),
  importedAt: instant.nullable(),
  accounts: z.number().int().nonnegative(),
  decided: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
});

export const reviewAccount = z.object({
  id: z.string(),
  systemId: z.string(),
  system: z.string(),
  line: z.number().int().describe("the line of the imported CSV"),
  account: z.string(),
  email: z.string(),
  privileged: z.boolean(),
  personId: z.string().nullable().describe("the person of the register matched by email"),
  personName: z.string().nullable(),
  flags: z.array(accountFlag),
  reason: z.string().nullable().describe("why it is flagged, in words"),
  decision: accessDecision.nullable(),
  comment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  doneAt: instant.nullable().describe("when the removal or change was recorded as done"),
  doneBy: z.string().nullable(),
  doneEvidenceId: z.string().nullable(),
  doneNote: z.string().nullable(),
});
export type ReviewAccount = z.output<typeof reviewAccount>;

export const accessReviewDetail = accessReviewSummary.extend({
  systemViews: z.array(reviewSystem),
  accountViews: z.array(reviewAccount).describe("flagged accounts first"),
  reviewer: z.boolean().describe("whether the caller is a reviewer (and so may decide)"),
});
export type AccessReviewDetail = z.output<typeof accessReviewDetail>;

export const accountsImported = z.object({
  campaign: z.string(),
  system: z.string(),
  sha256: z.string(),
  accounts: z.number().int().nonnegative(),
  leavers: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  privileged: z.number().int().nonnegative(),
});
export type AccountsImported = z.output<typeof accountsImported>;
