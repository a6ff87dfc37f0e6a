/** The answers of the readiness routes (the contracts are in src/contracts/organizations.ts). */
export type {
  CategoryReadiness,
  CriterionReadiness,
  CriterionStatus,
  GapSummary,
  NextControl,
  OverdueControl,
  ReadinessReport,
  Tally,
} from "../../../../src/contracts/organizations.ts";
