/** The answers of the engagements routes: types from the server's contracts (src/contracts). */
import type {
  DesignConclusion,
  EngagementStatus,
  TestMethod,
} from "../../../../src/contracts/engagements.ts";
export type {
  Assignee,
  ControlConclusion,
  ControlOutcome,
  ControlPopulation,
  ControlSample,
  ControlTest,
  CriterionOutcome,
  DesignConclusion,
  DrawnSample,
  Engagement,
  EngagementResults,
  EngagementSample,
  EngagementStatus,
  ItemResult,
  PopulationItem,
  SampleRequests,
  SnapshotControl,
  TestMethod,
} from "../../../../src/contracts/engagements.ts";

export const ENGAGEMENT_STATUSES = [
  "planning",
  "readiness-review",
  "remediation",
  "fieldwork",
  "draft-report",
  "final-report",
  "distributed",
] as const satisfies readonly EngagementStatus[];

export const TEST_METHODS = [
  "inquiry",
  "observation",
  "inspection",
  "re-performance",
] as const satisfies readonly TestMethod[];

export const DESIGN_CONCLUSIONS = [
  "suitably-designed",
  "design-deficiency",
] as const satisfies readonly DesignConclusion[];

/** An assigned auditor, as the pages show one (flattened from the answer's Assignee). */
export interface EngagementAuditor {
  userId: string;
  email: string;
  name: string;
}
export type { PopulationImport, PopulationView } from "../../../../src/contracts/populations.ts";
