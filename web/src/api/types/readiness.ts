/** The answers of the readiness routes (see src/contracts for the server's side). */
import type { ControlFrequency, ControlStatus } from "./controls.ts";
// The readiness report is the server's own type: type-only imports are erased from the
// bundle, and sharing the declaration keeps the page and the engine from drifting apart.
export type {
  CategoryReadiness,
  CriterionReadiness,
  CriterionStatus,
  GapSummary,
  NextControl,
  ReadinessReport,
  Tally,
} from "../../../../src/domain/readiness.ts";

export interface OverdueControl {
  ref: string;
  title: string;
  frequency: ControlFrequency;
  status: ControlStatus;
  state: "current" | "overdue" | "missing";
  lastEvidenceFor: string | null;
  dueBy: string | null;
  reason: string;
}

export interface MyTask {
  kind: string;
  controlRef: string;
  title: string;
  dueBy: string | null;
  reason: string;
}
