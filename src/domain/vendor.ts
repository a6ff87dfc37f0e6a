/**
 * Vendors, their assurance reports and the complementary user entity controls (CUECs) those
 * reports ask of us. Pure: the flags on a report and the yearly review's checklist are worked
 * out here from dates and records the caller loaded.
 */
import { addDays, addMonths, daysBetween } from "./periods.ts";

export const VENDOR_TIERS = [1, 2, 3] as const;
export type VendorTier = (typeof VENDOR_TIERS)[number];

export const TIER_NAMES: Record<VendorTier, string> = {
  1: "critical",
  2: "important",
  3: "low",
};

/** How a subservice organization is presented in the system description. */
export const SUBSERVICE_KINDS = ["carve-out", "inclusive"] as const;
export type SubserviceKind = (typeof SUBSERVICE_KINDS)[number];

/** Kinds of data a vendor may hold or reach. */
export const DATA_CATEGORIES = [
  "customer-data",
  "personal-data",
  "credentials",
  "source-code",
  "financial",
  "employee-data",
  "business-confidential",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const REPORT_TYPES = [
  "soc2-type1",
  "soc2-type2",
  "soc1-type1",
  "soc1-type2",
  "iso27001",
] as const;
export type VendorReportType = (typeof REPORT_TYPES)[number];

export const REPORT_TYPE_NAMES: Record<VendorReportType, string> = {
  "soc2-type1": "SOC 2 Type 1",
  "soc2-type2": "SOC 2 Type 2",
  "soc1-type1": "SOC 1 Type 1",
  "soc1-type2": "SOC 1 Type 2",
  iso27001: "ISO/IEC 27001 certificate",
};

/** The service auditor's opinion as we read it in the report. */
export const REPORT_OPINIONS = ["unmodified", "qualified", "adverse", "disclaimer"] as const;
export type ReportOpinion = (typeof REPORT_OPINIONS)[number];

/** A complementary control the company relies on the subservice organization for. */
export interface ReliedControl {
  text: string;
  criteria: string[];
}

export interface Vendor {
  id: string;
  /** V-1, V-2, … per organization. */
  ref: string;
  number: number;
  name: string;
  service: string;
  dataShared: DataCategory[];
  tier: VendorTier;
  owner: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  /** Null when the vendor is not a subservice organization for the system. */
  subservice: SubserviceKind | null;
  reliedControls: ReliedControl[];
  website: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Cuec {
  id: string;
  /** CUEC-1, CUEC-2, … per organization. */
  ref: string;
  number: number;
  reportId: string;
  text: string;
  /** Refs of the company's controls that address it; empty while unmapped. */
  controls: string[];
}

export interface VendorReport {
  id: string;
  /** VR-1, VR-2, … per organization. */
  ref: string;
  number: number;
  vendorId: string;
  type: VendorReportType;
  /** The period covered (a Type 1's date is both ends; an ISO certificate's validity). */
  periodFrom: string;
  periodTo: string;
  /** Null for an ISO certificate, which carries no opinion. */
  opinion: ReportOpinion | null;
  evidenceId: string;
  bridge: { evidenceId: string; from: string; to: string } | null;
  cuecs: Cuec[];
  addedBy: string;
  createdAt: string;
}

export const VENDOR_REF_PATTERN = /^V-(\d{1,9})$/i;
export const REPORT_REF_PATTERN = /^VR-(\d{1,9})$/i;
export const CUEC_REF_PATTERN = /^CUEC-(\d{1,9})$/i;

export const vendorRef = (n: number): string => `V-${n}`;
export const reportRef = (n: number): string => `VR-${n}`;
export const cuecRef = (n: number): string => `CUEC-${n}`;
export const reviewRef = (n: number): string => `VRV-${n}`;

/** A report whose period ended more than this many months ago no longer speaks for the vendor. */
export const STALE_AFTER_MONTHS = 12;
/**
 * Days after a period's end (or a bridge letter's) that are not yet a gap: a vendor's next
 * report or bridge letter usually reaches its customers within about three months.
 */
export const GAP_GRACE_DAYS = 90;

export const REPORT_FLAG_KINDS = ["stale", "uncovered-gap", "expired", "modified-opinion"] as const;
export type ReportFlagKind = (typeof REPORT_FLAG_KINDS)[number];

export interface ReportFlag {
  kind: ReportFlagKind;
  reason: string;
}

/**
 * The last day the report (with its bridge letter, when the letter starts by the day after
 * the period) speaks for: a letter that leaves days uncovered after the period adds nothing.
 */
export function coveredThrough(report: Pick<VendorReport, "periodTo" | "bridge">): string {
  const bridge = report.bridge;
  if (bridge === null) return report.periodTo;
  if (bridge.from > addDays(report.periodTo, 1) || bridge.to <= report.periodTo) {
    return report.periodTo;
  }
  return bridge.to;
}

/** What is wrong with a report today; empty when it still speaks for the vendor. */
export function reportFlags(
  report: Pick<VendorReport, "type" | "periodTo" | "opinion" | "bridge">,
  today: string,
): ReportFlag[] {
  const flags: ReportFlag[] = [];
  const name = REPORT_TYPE_NAMES[report.type];
  if (report.type === "iso27001") {
    if (report.periodTo < today) {
      flags.push({
        kind: "expired",
        reason: `the ${name} expired on ${report.periodTo}`,
      });
    }
    return flags;
  }
  if (addMonths(report.periodTo, STALE_AFTER_MONTHS) < today) {
    flags.push({
      kind: "stale",
      reason:
        `the ${name}'s period ended on ${report.periodTo}, more than ` +
        `${STALE_AFTER_MONTHS} months ago`,
    });
  }
  const through = coveredThrough(report);
  const uncovered = daysBetween(through, today);
  if (uncovered > GAP_GRACE_DAYS) {
    flags.push({
      kind: "uncovered-gap",
      reason:
        `${uncovered} days from ${addDays(through, 1)} to today are covered by no report ` +
        (report.bridge === null ? "and no bridge letter" : "or bridge letter"),
    });
  }
  if (report.opinion !== null && report.opinion !== "unmodified") {
    flags.push({
      kind: "modified-opinion",
      reason: `the service auditor's opinion is ${report.opinion === "disclaimer" ? "a disclaimer" : report.opinion}: read the basis and the exceptions`,
    });
  }
  return flags;
}

/** The report that speaks for the vendor now: the one whose period ends last. */
export function currentReport<T extends Pick<VendorReport, "periodTo" | "number">>(
  reports: readonly T[],
): T | undefined {
  return [...reports].sort((a, b) =>
    a.periodTo !== b.periodTo ? (a.periodTo < b.periodTo ? 1 : -1) : b.number - a.number,
  )[0];
}

/** One step of the yearly review, in our words. */
export interface ReviewItem {
  id: ReviewItemId;
  label: string;
}

const ITEMS = {
  "report-read": "Read the current assurance report: opinion, exceptions and period covered",
  "cuecs-mapped": "Every complementary user entity control is mapped to one of our controls",
  questionnaire: "A security questionnaire was received this year and its answers reviewed",
  "contract-terms": "The contract holds security, breach-notice and data-return terms",
  "data-confirmed": "The data we share with the vendor is still what the inventory says",
  "still-needed": "The vendor is still needed and its owner is still right",
  "no-incidents": "No security incident at the vendor affected us, or it was handled",
} as const;
export type ReviewItemId = keyof typeof ITEMS;
export const REVIEW_ITEM_IDS = Object.keys(ITEMS) as ReviewItemId[];

const CHECKLISTS: Record<VendorTier, readonly ReviewItemId[]> = {
  1: [
    "report-read",
    "cuecs-mapped",
    "questionnaire",
    "contract-terms",
    "data-confirmed",
    "no-incidents",
  ],
  2: ["report-read", "contract-terms", "data-confirmed", "no-incidents"],
  3: ["still-needed", "data-confirmed"],
};

/** The yearly review's steps for a tier: the more critical the vendor, the more steps. */
export function reviewChecklist(tier: VendorTier): ReviewItem[] {
  return CHECKLISTS[tier].map((id) => ({ id, label: ITEMS[id] }));
}

export const REVIEW_OUTCOMES = ["approved", "approved-with-actions", "replace"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface VendorReview {
  id: string;
  ref: string;
  number: number;
  vendorId: string;
  reviewedOn: string;
  tier: VendorTier;
  checked: ReviewItemId[];
  outcome: ReviewOutcome;
  notes: string;
  evidenceId: string;
  reviewedBy: string;
  createdAt: string;
}

/** Every vendor is reviewed yearly; the first review is due a month after it is added. */
export const REVIEW_MONTHS = 12;
export const FIRST_REVIEW_DAYS = 30;

export function reviewDueBy(addedOn: string, lastReviewedOn: string | null): string {
  return lastReviewedOn === null
    ? addDays(addedOn, FIRST_REVIEW_DAYS)
    : addMonths(lastReviewedOn, REVIEW_MONTHS);
}
