/** The answers of the controls routes (see src/contracts for the server's side). */
import type { EvidenceItem } from "./evidence.ts";
export const CONTROL_STATUSES = [
  "not-started",
  "in-progress",
  "implemented",
  "not-applicable",
] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

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

import type { Control } from "../../../../src/domain/control.ts";
export type { Control };

/** One event about a record, as the control and evidence detail pages show it. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  data: unknown;
}

export interface ControlDetail {
  control: Control;
  evidence: EvidenceItem[];
  history: HistoryEntry[];
}
