/** The answers of the engagements routes (see src/contracts for the server's side). */
import type { ControlAutomation, ControlFrequency } from "./controls.ts";
export const ENGAGEMENT_STATUSES = [
  "planning",
  "readiness-review",
  "remediation",
  "fieldwork",
  "draft-report",
  "final-report",
  "distributed",
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

// Engagements, samples and test results are the server's own types (erased from the bundle).
import type {
  Engagement,
  EngagementSample,
  PopulationItem,
  SnapshotControl,
} from "../../../../src/domain/engagement.ts";
import type {
  ControlConclusion,
  ControlOutcome,
  ControlTest,
  ItemResult,
} from "../../../../src/domain/test-results.ts";
export type {
  ControlConclusion,
  ControlOutcome,
  ControlTest,
  Engagement,
  EngagementSample,
  ItemResult,
  PopulationItem,
  SnapshotControl,
};

export interface ControlPopulation {
  controlRef: string;
  frequency: ControlFrequency;
  automation: ControlAutomation;
  population: PopulationItem[];
  missing: string[];
}

export interface ControlSample extends ControlPopulation {
  sampleSize: number;
  basis: string;
  items: string[];
}

export const TEST_METHODS = ["inquiry", "observation", "inspection", "re-performance"] as const;
export type TestMethod = (typeof TEST_METHODS)[number];

export const DESIGN_CONCLUSIONS = ["suitably-designed", "design-deficiency"] as const;
export type DesignConclusion = (typeof DESIGN_CONCLUSIONS)[number];

// eslint-disable-next-line no-restricted-imports -- until its contract is written (issue 10)
export type { EngagementResults } from "../../../../src/services/fieldwork/testing.service.ts";

export interface EngagementAuditor {
  userId: string;
  email: string;
  name: string;
}
