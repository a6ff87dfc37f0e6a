import type {
  ControlAutomation,
  ControlFrequency,
  ControlKind,
  OwnerRole,
} from "../catalog/types.ts";

export const CONTROL_STATUSES = [
  "not-started",
  "in-progress",
  "implemented",
  "not-applicable",
] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** A control as an organization runs it (adopted from a template or written by the company). */
export interface Control {
  id: string;
  ref: string;
  templateId: string | null;
  title: string;
  description: string;
  kind: ControlKind;
  automation: ControlAutomation;
  frequency: ControlFrequency;
  ownerRole: OwnerRole | null;
  owner: string | null;
  status: ControlStatus;
  statusReason: string | null;
  suggestedEvidence: string[];
  testProcedure: string;
  version: number;
  criteria: string[];
  createdAt: string;
  updatedAt: string;
}

/** The editable fields, as a patch. */
export type ControlChanges = Partial<
  Pick<
    Control,
    | "title"
    | "description"
    | "kind"
    | "automation"
    | "frequency"
    | "ownerRole"
    | "owner"
    | "status"
    | "statusReason"
    | "suggestedEvidence"
    | "testProcedure"
  >
>;

/** Field-by-field difference, for the history: only the fields whose value really changed. */
export function diffControl(
  before: Control,
  changes: ControlChanges,
): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(changes) as [keyof ControlChanges, unknown][]) {
    const from = before[field];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) {
      diff[field] = { from, to };
    }
  }
  return diff;
}

/** Control refs look like "AC-04" or a company's own "ACME-SEC-12". */
export const CONTROL_REF_PATTERN = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){1,3}$/;
