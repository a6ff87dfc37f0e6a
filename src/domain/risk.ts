/**
 * The risk register's record and its pure rules: scores are likelihood × impact and never
 * typed; a band names a score in words; the heat map counts risks per cell; an assessment's
 * snapshot is the register as canonical data whose SHA-256 anyone can re-derive.
 */
import type { RiskCategory, RiskLevel, RiskTreatment } from "../catalog/risks/types.ts";
import { addDays } from "./periods.ts";

export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;

/** Risks are named, … per organization; paths also accept the id. */
export const RISK_REF_PATTERN = /^R-(\d{1,9})$/i;
/** Assessments likewise: RA-1, RA-2, … */
export const ASSESSMENT_REF_PATTERN = /^RA-(\d{1,9})$/i;

export interface Risk {
  id: string;
  ref: string;
  number: number;
  /** The starter risk it was copied from (RL-07), or null. */
  templateId: string | null;
  title: string;
  description: string;
  category: RiskCategory;
  /** The email of the account that owns it; null while nobody does. */
  owner: string | null;
  likelihood: RiskLevel;
  impact: RiskLevel;
  inherentScore: number;
  treatment: RiskTreatment;
  /** Refs of the organization's controls that mitigate it. */
  controls: string[];
  residualLikelihood: RiskLevel;
  residualImpact: RiskLevel;
  residualScore: number;
  reviewDate: string;
  /** For an accepted risk: who accepted it and why. */
  acceptanceNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields an edit may change (the scores follow from them). */
export const RISK_CHANGE_FIELDS = [
  "title",
  "description",
  "category",
  "owner",
  "likelihood",
  "impact",
  "treatment",
  "controls",
  "residualLikelihood",
  "residualImpact",
  "reviewDate",
  "acceptanceNote",
] as const;
export type RiskChangeField = (typeof RISK_CHANGE_FIELDS)[number];
export type RiskChanges = Partial<Pick<Risk, RiskChangeField>>;

export function riskRef(number: number): string {
  return `R-${number}`;
}

export function assessmentRef(number: number): string {
  return `RA-${number}`;
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export const RISK_BANDS = ["low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/**
 * Bands of a 5×5 score: up to 4 low, up to 9 medium, up to 16 high, from 20 critical (no
 * product of two levels lies between 16 and 20).
 */
export function riskBand(score: number): RiskBand {
  if (score <= 4) return "low";
  if (score <= 9) return "medium";
  if (score <= 16) return "high";
  return "critical";
}

/** High or critical: the residual risks that management must accept in writing. */
export function isHighScore(score: number): boolean {
  return score >= 10;
}

/** The first review of a new risk: a year from the day it was added. */
export function defaultReviewDate(today: string): string {
  return addDays(today, 365);
}

/** Each changed field, from → to; unchanged fields are left out. */
export function diffRisk(
  before: Risk,
  changes: RiskChanges,
): Partial<Record<RiskChangeField, { from: unknown; to: unknown }>> {
  const diff: Partial<Record<RiskChangeField, { from: unknown; to: unknown }>> = {};
  for (const field of RISK_CHANGE_FIELDS) {
    const to = changes[field];
    const from = before[field];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) diff[field] = { from, to };
  }
  return diff;
}

/** Problems with a risk as it would be saved, by field; empty when it may be saved. */
export function riskProblems(risk: Pick<Risk, "treatment" | "controls">): Record<string, string> {
  if (risk.treatment === "mitigate" && risk.controls.length === 0) {
    return { controls: "a mitigated risk needs at least one control that mitigates it" };
  }
  return {};
}

/** Counts per cell: `counts[likelihood - 1][impact - 1]`. */
export interface HeatMap {
  counts: number[][];
}

export function heatMap(
  risks: readonly Pick<Risk, "likelihood" | "impact" | "residualLikelihood" | "residualImpact">[],
  which: "inherent" | "residual",
): HeatMap {
  const counts = RISK_LEVELS.map(() => RISK_LEVELS.map(() => 0));
  for (const risk of risks) {
    const l = which === "inherent" ? risk.likelihood : risk.residualLikelihood;
    const i = which === "inherent" ? risk.impact : risk.residualImpact;
    const row = counts[l - 1];
    if (row !== undefined) row[i - 1] = (row[i - 1] ?? 0) + 1;
  }
  return { counts };
}

export interface Participant {
  name: string;
  email: string | null;
}

/** The register as an assessment freezes it: plain data, hashed as canonical JSON. */
export interface AssessmentSnapshot {
  organization: string;
  assessment: string;
  heldOn: string;
  participants: Participant[];
  risks: {
    ref: string;
    title: string;
    description: string;
    category: string;
    owner: string | null;
    likelihood: number;
    impact: number;
    inherentScore: number;
    treatment: string;
    controls: string[];
    residualLikelihood: number;
    residualImpact: number;
    residualScore: number;
    reviewDate: string;
    acceptanceNote: string | null;
  }[];
  heatMap: { inherent: number[][]; residual: number[][] };
}

export function assessmentSnapshot(
  organization: string,
  assessment: string,
  heldOn: string,
  participants: readonly Participant[],
  risks: readonly Risk[],
): AssessmentSnapshot {
  return {
    organization,
    assessment,
    heldOn,
    participants: [...participants],
    risks: risks.map((r) => ({
      ref: r.ref,
      title: r.title,
      description: r.description,
      category: r.category,
      owner: r.owner,
      likelihood: r.likelihood,
      impact: r.impact,
      inherentScore: r.inherentScore,
      treatment: r.treatment,
      controls: r.controls,
      residualLikelihood: r.residualLikelihood,
      residualImpact: r.residualImpact,
      residualScore: r.residualScore,
      reviewDate: r.reviewDate,
      acceptanceNote: r.acceptanceNote,
    })),
    heatMap: {
      inherent: heatMap(risks, "inherent").counts,
      residual: heatMap(risks, "residual").counts,
    },
  };
}
