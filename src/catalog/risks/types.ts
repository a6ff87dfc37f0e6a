/**
 * A starter risk shipped with Attest, written by us, that an organization copies into its
 * own risk register and then scores for itself.
 */
import type { CategoryId } from "../types.ts";

export const RISK_CATEGORIES = [
  "security",
  "availability",
  "confidentiality",
  "processing-integrity",
  "privacy",
  "operational",
  "people",
  "vendor",
  "legal-compliance",
  "financial",
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

/** 1 (rare / negligible) to 5 (almost certain / severe). */
export type RiskLevel = 1 | 2 | 3 | 4 | 5;

export interface RiskTemplate {
  /** Stable id "RL-01" … (risk library). Never reused. */
  id: string;
  title: string;
  /** The event, its cause and its effect, in two or three sentences. */
  description: string;
  category: RiskCategory;
  /** Trust services categories this risk bears on; empty means security only. */
  categories: readonly CategoryId[];
  /** Suggested inherent scores for a typical small SaaS company, before its controls. */
  likelihood: RiskLevel;
  impact: RiskLevel;
  treatment: RiskTreatment;
  /** Library control ids that mitigate it (at least one when the treatment is mitigate). */
  controls: readonly string[];
  /** Criteria ids it bears on (CC3.x where the risk assessment itself is concerned, etc.). */
  criteria: readonly string[];
}
