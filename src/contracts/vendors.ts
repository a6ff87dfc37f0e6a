/** Answers of the vendor routes: the inventory, a vendor with its reports and reviews, a CUEC. */
import { z } from "zod";
import {
  DATA_CATEGORIES,
  REPORT_FLAG_KINDS,
  REPORT_OPINIONS,
  REPORT_TYPES,
  REVIEW_ITEM_IDS,
  REVIEW_OUTCOMES,
  SUBSERVICE_KINDS,
} from "../domain/vendor.ts";
import { day, historyEntry, instant } from "./common.ts";

const tier = z
  .union([z.literal(1), z.literal(2), z.literal(3)])
  .describe("1 critical, 2 important, 3 low");
const reviewItemId = z.enum(REVIEW_ITEM_IDS as [string, ...string[]]);

export const reportFlag = z.object({
  kind: z.enum(REPORT_FLAG_KINDS),
  reason: z.string().describe("why, in words"),
});
export type ReportFlag = z.output<typeof reportFlag>;

export const vendor = z.object({
  id: z.string(),
  ref: z.string().describe("V-1, V-2, … per organization; how paths name the vendor"),
  number: z.number().int(),
  name: z.string(),
  service: z.string(),
  dataShared: z.array(z.enum(DATA_CATEGORIES)),
  tier,
  owner: z.string().nullable().describe("email of the member who owns the relationship"),
  contractStart: day.nullable(),
  contractEnd: day.nullable(),
  subservice: z
    .enum(SUBSERVICE_KINDS)
    .nullable()
    .describe("how the system description presents it, or null if not a subservice organization"),
  reliedControls: z
    .array(z.object({ text: z.string(), criteria: z.array(z.string()) }))
    .describe("its controls the system relies on (the description's CSOCs)"),
  website: z.string(),
  notes: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type Vendor = z.output<typeof vendor>;

export const vendorSummary = vendor.extend({
  currentReport: z
    .object({
      ref: z.string(),
      type: z.enum(REPORT_TYPES),
      periodFrom: day,
      periodTo: day,
      opinion: z.enum(REPORT_OPINIONS).nullable(),
    })
    .nullable()
    .describe("the report whose period ends last"),
  flags: z.array(reportFlag).describe("what is wrong with the current report today"),
  unmappedCuecs: z.number().int().describe("CUECs of the current report mapped to no control"),
  lastReviewedOn: day.nullable(),
  reviewDueBy: day,
});
export type VendorSummary = z.output<typeof vendorSummary>;

export const vendorInventory = z.object({ items: z.array(vendorSummary), today: day });
export type VendorInventory = z.output<typeof vendorInventory>;

export const cuec = z.object({
  id: z.string(),
  ref: z.string().describe("CUEC-1, CUEC-2, … per organization"),
  number: z.number().int(),
  reportId: z.string(),
  text: z.string(),
  controls: z.array(z.string()).describe("refs of our controls that address it; empty: a gap"),
});
export type Cuec = z.output<typeof cuec>;

export const vendorReport = z.object({
  id: z.string(),
  ref: z.string().describe("VR-1, VR-2, … per organization"),
  number: z.number().int(),
  vendorId: z.string(),
  type: z.enum(REPORT_TYPES),
  periodFrom: day,
  periodTo: day.describe("the period's end; an ISO certificate's last valid day"),
  opinion: z.enum(REPORT_OPINIONS).nullable().describe("as read; null for an ISO certificate"),
  evidenceId: z.string().describe("the report's file, filed as evidence on RM-07"),
  bridge: z.object({ evidenceId: z.string(), from: day, to: day }).nullable(),
  cuecs: z.array(cuec),
  addedBy: z.string(),
  createdAt: instant,
});
export type VendorReport = z.output<typeof vendorReport>;

export const vendorReview = z.object({
  id: z.string(),
  ref: z.string().describe("VRV-1, VRV-2, … per organization"),
  number: z.number().int(),
  vendorId: z.string(),
  reviewedOn: day,
  tier,
  checked: z.array(reviewItemId),
  outcome: z.enum(REVIEW_OUTCOMES),
  notes: z.string(),
  evidenceId: z.string().describe("the review, filed as a record on RM-06 and RM-07"),
  reviewedBy: z.string(),
  createdAt: instant,
});
export type VendorReview = z.output<typeof vendorReview>;

export const vendorDetail = z.object({
  vendor: vendorSummary,
  reports: z.array(vendorReport.extend({ flags: z.array(reportFlag) })).describe("newest first"),
  reviews: z.array(vendorReview).describe("newest first"),
  checklist: z
    .array(z.object({ id: reviewItemId, label: z.string() }))
    .describe("the yearly review's steps for the vendor's tier"),
  history: z.array(historyEntry),
  today: day,
});
export type VendorDetail = z.output<typeof vendorDetail>;
