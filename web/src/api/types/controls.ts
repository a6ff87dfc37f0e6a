/** The answers of the controls routes (the contracts are in src/contracts/controls.ts). */
import type {
  ControlAutomation,
  ControlFrequency,
  ControlKind,
  ControlStatus,
} from "../../../../src/contracts/controls.ts";
export type {
  Control,
  ControlAutomation,
  ControlDetail,
  ControlFrequency,
  ControlKind,
  ControlStatus,
} from "../../../../src/contracts/controls.ts";

// Value lists for pickers: copies (the browser runs none of the server's code), held to the
// contract's types.
export const CONTROL_STATUSES = [
  "not-started",
  "in-progress",
  "implemented",
  "not-applicable",
] as const satisfies readonly ControlStatus[];

export const CONTROL_KINDS = [
  "preventive",
  "detective",
  "corrective",
] as const satisfies readonly ControlKind[];

export const CONTROL_AUTOMATIONS = [
  "manual",
  "automated",
  "it-dependent-manual",
] as const satisfies readonly ControlAutomation[];

export const CONTROL_FREQUENCIES = [
  "continuous",
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "annual",
  "event-driven",
] as const satisfies readonly ControlFrequency[];

/** One event about a record, as the control and evidence detail pages show it. */
export type { HistoryEntry } from "../../../../src/contracts/common.ts";
