/** The answers of the vendor routes (the contracts are in src/contracts/vendors.ts). */
import type { VendorReport, VendorReview, Vendor } from "../../../../src/contracts/vendors.ts";
export type {
  Cuec,
  ReportFlag,
  Vendor,
  VendorDetail,
  VendorInventory,
  VendorReport,
  VendorReview,
  VendorSummary,
} from "../../../../src/contracts/vendors.ts";

// Value lists for pickers: copies (the browser runs none of the server's code), held to the
// contract's types.
export const DATA_CATEGORIES = [
  "customer-data",
  "personal-data",
  "credentials",
  "source-code",
  "financial",
  "employee-data",
  "business-confidential",
] as const satisfies readonly Vendor["dataShared"][number][];

export const REPORT_TYPES = [
  "soc2-type2",
  "soc2-type1",
  "soc1-type2",
  "soc1-type1",
  "iso27001",
] as const satisfies readonly VendorReport["type"][];

export const REPORT_TYPE_LABELS: Record<VendorReport["type"], string> = {
  "soc2-type1": "SOC 2 Type 1",
  "soc2-type2": "SOC 2 Type 2",
  "soc1-type1": "SOC 1 Type 1",
  "soc1-type2": "SOC 1 Type 2",
  iso27001: "ISO 27001 certificate",
};

export const REPORT_OPINIONS = [
  "unmodified",
  "qualified",
  "adverse",
  "disclaimer",
] as const satisfies readonly NonNullable<VendorReport["opinion"]>[];

export const REVIEW_OUTCOMES = [
  "approved",
  "approved-with-actions",
  "replace",
] as const satisfies readonly VendorReview["outcome"][];

export const TIER_LABELS: Record<1 | 2 | 3, string> = {
  1: "1 · critical",
  2: "2 · important",
  3: "3 · low",
};

export const SUBSERVICE_LABELS: Record<NonNullable<Vendor["subservice"]>, string> = {
  "carve-out": "carve-out",
  inclusive: "inclusive",
};
