/** Answers of the risk routes: the starter library, the register with its heat maps, a risk, assessments. */
import { z } from "zod";
import { RISK_CATEGORIES, RISK_TREATMENTS } from "../catalog/risks/types.ts";
import { day, historyEntry, instant } from "./common.ts";

export const riskCategory = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.output<typeof riskCategory>;

export const riskTreatment = z.enum(RISK_TREATMENTS);
export type RiskTreatment = z.output<typeof riskTreatment>;

const level = z.number().int().min(1).max(5);
const score = z.number().int().min(1).max(25).describe("likelihood × impact, computed");

export const riskTemplate = z.object({
  id: z.string().describe("starter risk id, e.g. RL-07"),
  title: z.string(),
  description: z.string(),
  category: riskCategory,
  categories: z.array(z.string()).readonly().describe("trust services categories it bears on"),
  likelihood: level.describe("suggested for a typical small SaaS company"),
  impact: level,
  treatment: riskTreatment,
  controls: z.array(z.string()).readonly().describe("library controls that mitigate it"),
  criteria: z.array(z.string()).readonly(),
});
export type RiskTemplate = z.output<typeof riskTemplate>;

export const riskLibrary = z.object({ items: z.array(riskTemplate) });

export const risk = z.object({
  id: z.string(),
  ref: z.string().describe("R-1, R-2, … per organization; how paths name the risk"),
  number: z.number().int(),
  templateId: z.string().nullable().describe("the starter risk it was copied from, or null"),
  title: z.string(),
  description: z.string(),
  category: riskCategory,
  owner: z.string().nullable().describe("email of the member who owns it"),
  likelihood: level,
  impact: level,
  inherentScore: score,
  treatment: riskTreatment,
  controls: z.array(z.string()).describe("refs of the organization's controls that mitigate it"),
  residualLikelihood: level,
  residualImpact: level,
  residualScore: score,
  reviewDate: day,
  acceptanceNote: z.string().nullable().describe("for an accepted risk: who accepted it and why"),
  createdAt: instant,
  updatedAt: instant,
});
export type Risk = z.output<typeof risk>;

export const heatMap = z.object({
  counts: z
    .array(z.array(z.number().int().nonnegative()))
    .describe("counts[likelihood − 1][impact − 1]: how many risks sit in each cell"),
});
export type HeatMap = z.output<typeof heatMap>;

export const riskRegister = z.object({
  items: z.array(risk),
  heatMap: z.object({ inherent: heatMap, residual: heatMap }).describe("over the risks listed"),
  today: day.describe("today in the organization's time zone"),
});
export type RiskRegister = z.output<typeof riskRegister>;

export const riskDetail = z.object({ risk, history: z.array(historyEntry) });
export type RiskDetail = z.output<typeof riskDetail>;

export const libraryAddition = z.object({
  risks: z.array(risk),
  skipped: z
    .array(z.object({ template: z.string(), risk: z.string(), controls: z.array(z.string()) }))
    .describe("per starter risk, its library controls the organization has not adopted"),
});
export type LibraryAddition = z.output<typeof libraryAddition>;

export const participant = z.object({ name: z.string(), email: z.string().nullable() });

export const riskAssessment = z.object({
  id: z.string(),
  ref: z.string().describe("RA-1, RA-2, … per organization"),
  heldOn: day,
  participants: z.array(participant),
  risks: z.number().int().describe("how many risks the snapshot holds"),
  sha256: z
    .string()
    .describe("SHA-256 of the snapshot's canonical JSON, as the audit trail records it"),
  evidenceId: z.string().describe("the evidence item (a PDF) filed for RM-01 and RM-02"),
  recordedBy: z.string(),
  createdAt: instant,
});
export type RiskAssessment = z.output<typeof riskAssessment>;

export const riskAssessmentList = z.object({ items: z.array(riskAssessment) });

export const riskAssessmentDetail = riskAssessment.extend({
  snapshot: z.string().describe("the register as frozen: canonical JSON whose SHA-256 is sha256"),
});
export type RiskAssessmentDetail = z.output<typeof riskAssessmentDetail>;
