/** The answers of the risk routes (the contracts are in src/contracts/risks.ts). */
import type { RiskCategory, RiskTreatment } from "../../../../src/contracts/risks.ts";
export type {
  HeatMap,
  LibraryAddition,
  Risk,
  RiskAssessment,
  RiskAssessmentDetail,
  RiskCategory,
  RiskDetail,
  RiskRegister,
  RiskTemplate,
  RiskTreatment,
} from "../../../../src/contracts/risks.ts";

// Value lists for pickers: copies (the browser runs none of the server's code), held to the
// contract's types.
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
] as const satisfies readonly RiskCategory[];

export const RISK_TREATMENTS = [
  "mitigate",
  "accept",
  "transfer",
  "avoid",
] as const satisfies readonly RiskTreatment[];
