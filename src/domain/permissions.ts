/**
 * Role → actions. Record-level rules (a control owner edits only the controls they own) are
 * small predicates beside the table. Services call `authorize` before any write or read.
 */
import type { Actor, Role } from "./actor.ts";
import { AppError } from "./errors.ts";

export const ACTIONS = [
  "organization:read",
  "organization:update",
  "scope:read",
  "scope:update",
  "control:read",
  "control:create",
  "control:update",
  "control:map",
  "readiness:read",
  "catalog-text:import",
  "audit-log:read",
  "audit-log:verify",
  "evidence:read",
  "evidence:create",
  "evidence:link",
  "evidence:remove",
  "engagement:read",
  "engagement:manage",
  "engagement:test",
  "engagement:respond",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ACTIONS: readonly Action[] = [
  "organization:read",
  "scope:read",
  "control:read",
  "readiness:read",
  "evidence:read",
];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  // The owner may enter test results the auditor reports (the tester is always named).
  owner: ACTIONS,
  admin: ACTIONS.filter(
    (action) => action !== "catalog-text:import" && action !== "engagement:test",
  ),
  "control-owner": [
    ...READ_ACTIONS,
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
  ],
  employee: ["organization:read"],
  // Auditors read and test; they never change the company's records.
  auditor: [
    ...READ_ACTIONS,
    "audit-log:read",
    "audit-log:verify",
    "engagement:read",
    "engagement:test",
  ],
};

/** What a record-level rule needs to know about a control. */
export interface OwnedRecord {
  owner: string | null;
}

const RECORD_RULES: Partial<Record<Action, (actor: Actor, record: OwnedRecord) => boolean>> = {
  // A control owner may only change the controls assigned to them.
  "control:update": (actor, record) => actor.role !== "control-owner" || record.owner === actor.id,
  "control:map": (actor, record) => actor.role !== "control-owner" || record.owner === actor.id,
  "evidence:create": (actor, record) => actor.role !== "control-owner" || record.owner === actor.id,
  "evidence:link": (actor, record) => actor.role !== "control-owner" || record.owner === actor.id,
};

export function can(actor: Actor, action: Action, record?: OwnedRecord): boolean {
  if (!ROLE_ACTIONS[actor.role].includes(action)) return false;
  const rule = RECORD_RULES[action];
  return record === undefined || rule === undefined || rule(actor, record);
}

export function authorize(actor: Actor, action: Action, record?: OwnedRecord): void {
  if (!can(actor, action, record)) {
    throw new AppError("FORBIDDEN", `role "${actor.role}" may not perform ${action}`);
  }
}
