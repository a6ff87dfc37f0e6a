/** Static SOC 2 knowledge shipped with Attest. Labels and summaries are our own words. */

export const CATEGORY_IDS = [
  "security",
  "availability",
  "processing-integrity",
  "confidentiality",
  "privacy",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  /** Prefix of the criteria ids in this category: CC, A, PI, C, P. */
  prefix: "CC" | "A" | "PI" | "C" | "P";
  name: string;
  summary: string;
  /** Security (the common criteria) is in every SOC 2 scope. */
  alwaysInScope: boolean;
}

export interface Criterion {
  /** e.g. "CC6.1" */
  id: string;
  category: CategoryId;
  /** Our own short label. */
  label: string;
  /** One to three sentences in our own words; never the AICPA text. */
  summary: string;
  /** COSO 2013 principle for CC1.1–CC5.3, null for the others. */
  cosoPrinciple: number | null;
  /** Number of points of focus in the 2022 revision. */
  pointsOfFocus: number;
}

export interface DescriptionCriterion {
  /** "DC1" … "DC9" */
  id: string;
  label: string;
  summary: string;
  /** True when the item only applies to a Type 2 report. */
  type2Only: boolean;
}

export const CONTROL_KINDS = ["preventive", "detective", "corrective"] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export const CONTROL_AUTOMATIONS = ["manual", "automated", "it-dependent-manual"] as const;
export type ControlAutomation = (typeof CONTROL_AUTOMATIONS)[number];

export const CONTROL_FREQUENCIES = [
  "continuous",
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "annual",
  "event-driven",
] as const;
export type ControlFrequency = (typeof CONTROL_FREQUENCIES)[number];

export const OWNER_ROLES = [
  "leadership",
  "security",
  "engineering",
  "it",
  "people",
  "legal",
  "privacy",
  "operations",
  "finance",
] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export interface ControlTemplate {
  /** Stable id, family prefix and two digits, e.g. "AC-04". Never reused. */
  id: string;
  title: string;
  /** What the control is, as the company would run it (1–3 sentences). */
  description: string;
  kind: ControlKind;
  automation: ControlAutomation;
  frequency: ControlFrequency;
  ownerRole: OwnerRole;
  /** Criteria ids this control addresses (at least one). */
  criteria: readonly string[];
  /** What an auditor will ask to see. */
  suggestedEvidence: readonly string[];
  /** How an auditor would test it, in imperative sentences. */
  testProcedure: string;
}
