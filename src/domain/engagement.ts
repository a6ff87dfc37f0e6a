/**
 * An audit engagement: a Type 1 as of one date, or a Type 2 over a period, moving through the
 * steps of the audit. At fieldwork it freezes the controls and mappings it tests.
 */
import type { CategoryId, ControlAutomation, ControlFrequency } from "../catalog/types.ts";
import type { ControlStatus } from "./control.ts";

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

export type EngagementType = 1 | 2;

/** What the engagement tests, as it stood when fieldwork began. */
export interface SnapshotControl {
  id: string;
  ref: string;
  title: string;
  /** Section IV prints it; absent from snapshots frozen before descriptions were kept. */
  description?: string;
  frequency: ControlFrequency;
  automation: ControlAutomation;
  status: ControlStatus;
  testProcedure: string;
  criteria: string[];
}

export interface EngagementSnapshot {
  takenAt: string;
  categories: CategoryId[];
  exclusions: { criterionId: string; reason: string }[];
  controls: SnapshotControl[];
}

export interface Engagement {
  id: string;
  number: number;
  type: EngagementType;
  /** Type 1: the date the design is assessed as of. */
  asOf: string | null;
  /** Type 2: the period, inclusive local dates. */
  periodFrom: string | null;
  periodTo: string | null;
  categories: CategoryId[];
  auditFirm: string;
  auditors: string[];
  /**
   * Why a Type 2's period is shorter than six months or longer than twelve (stored in the
   * column short_period_reason, named when only short periods needed one).
   */
  periodReason: string | null;
  status: EngagementStatus;
  snapshot: EngagementSnapshot | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const MIN_TYPE2_MONTHS = 6;
/** Reports rarely cover more than a year: a longer period needs a reason. */
export const USUAL_MAX_TYPE2_MONTHS = 12;
/** No report covers more than two years: such a period is refused. */
export const MAX_TYPE2_MONTHS = 24;

export function statusIndex(status: EngagementStatus): number {
  return ENGAGEMENT_STATUSES.indexOf(status);
}

export function nextStatus(status: EngagementStatus): EngagementStatus | null {
  return ENGAGEMENT_STATUSES[statusIndex(status) + 1] ?? null;
}

/** "E-3": how people refer to an engagement. */
export function engagementLabel(engagement: Pick<Engagement, "number">): string {
  return `E-${engagement.number}`;
}

/** One expected (or, for event-driven controls, recorded) occurrence of a control. */
export interface PopulationItem {
  key: string;
  label: string;
  from: string;
  to: string;
  /** Ids of the evidence items found for this occurrence. */
  evidence: string[];
}

/**
 * Where a control's occurrences come from: the calendar windows its frequency calls for, the
 * events recorded as evidence, the rows imported from the system of record and accepted by
 * the auditor (population-import.ts), or the people register's hires and leavers in the period
 * (domain/people-population.ts). Registers of vendors and systems would be sources here too.
 */
export const POPULATION_SOURCES = ["calendar", "events", "imported", "people"] as const;
export type PopulationSource = (typeof POPULATION_SOURCES)[number];

/** The accepted import a control's population was drawn from. */
export interface PopulationImportRef {
  /** The import's number for this control (1, 2, …). */
  number: number;
  /** SHA-256 of its canonical rows (population-import.ts). */
  rowsSha256: string;
}

/**
 * How a draw took its slice of the population: the whole period once it has ended, an interim
 * draw while it still runs, or a roll-forward of the occurrences recorded or ended since.
 */
export const DRAW_KINDS = ["period", "interim", "roll-forward"] as const;
export type DrawKind = (typeof DRAW_KINDS)[number];

/**
 * One draw of a control's items from one slice of its population. Anyone re-derives its items
 * as `drawSample(rows of keys, size, seed, stream)` (domain/sampling.ts).
 */
export interface ControlDraw {
  kind: DrawKind;
  at: string;
  by: string;
  /** The last day whose occurrences the slice holds. */
  populationTo: string;
  /** The occurrences of this slice (keys into the control's population). */
  keys: string[];
  /** SHA-256 of the canonical JSON of the slice's rows as they stood at the draw. */
  populationSha256: string;
  /** The random stream's name: the control's ref for the first draw. */
  stream: string;
  /** Items drawn from the slice, extensions included. */
  size: number;
  items: string[];
}

/** The auditor grew a control's sample after a deviation, to the next size on the ladder. */
export interface SampleExtension {
  at: string;
  by: string;
  from: number;
  to: number;
  added: string[];
  /** Exceptions recorded on the control when it was extended. */
  deviations: number;
}

export interface ControlSample {
  controlRef: string;
  frequency: ControlFrequency;
  automation: ControlAutomation;
  populationSource: PopulationSource;
  /** For an imported population: which import, so anyone can fetch its rows and check them. */
  populationImport?: PopulationImportRef;
  population: PopulationItem[];
  /** SHA-256 of the canonical JSON of `population`: anyone can check the rows drawn from. */
  populationSha256: string;
  sampleSize: number;
  /** Why this size, in words. */
  basis: string;
  /** Keys of the sampled population items. */
  items: string[];
  /** Keys of expected occurrences with no evidence. */
  missing: string[];
  /** The draws that picked the items, first to last. */
  draws: ControlDraw[];
  extensions: SampleExtension[];
  /** Automated controls: the IT general controls the test of one relies on (refs). */
  reliesOn: string[];
}

/** A draw across the whole sample, as the API and the CLI show it. */
export interface SampleDraw {
  kind: DrawKind;
  at: string;
  by: string;
  populationTo: string;
  /**
   * SHA-256 of the canonical JSON of `[{ control, population }]`: each control's slice rows,
   * in the sample's control order.
   */
  populationSha256: string;
  items: number;
}

export interface EngagementSample {
  id: string;
  seed: string;
  drawnAt: string;
  drawnBy: string;
  redrawReason: string | null;
  /** SHA-256 of the canonical JSON of `[{ control, population }]` over every control. */
  populationSha256: string;
  draws: SampleDraw[];
  controls: ControlSample[];
}

/**
 * The dates whose evidence an engagement's auditor may see: a Type 2's period, or for a
 * Type 1 the year up to its as-of date (design is judged on what was in place then).
 */
export function evidenceWindow(engagement: Engagement): { from: string; to: string } {
  if (engagement.type === 2 && engagement.periodFrom !== null && engagement.periodTo !== null) {
    return { from: engagement.periodFrom, to: engagement.periodTo };
  }
  const asOf = engagement.asOf ?? engagement.periodTo ?? "0000-01-01";
  const yearBefore = `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, "0")}${asOf.slice(4)}`;
  return { from: yearBefore, to: asOf };
}
