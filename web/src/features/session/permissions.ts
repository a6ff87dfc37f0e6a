/**
 * What each role may do, mirrored from the server's table (src/domain/permissions.ts) so the
 * UI can hide what would be refused. The server stays the authority: this only spares people
 * a pointless click.
 */
import type { Control, Role } from "../../api/types.ts";

export type Capability =
  | "readiness:read"
  | "control:read"
  | "control:create"
  | "control:update"
  | "control:map"
  | "evidence:read"
  | "evidence:create"
  | "evidence:link"
  | "evidence:remove"
  | "engagement:read"
  | "engagement:manage"
  | "engagement:sample"
  | "engagement:assign"
  | "engagement:test"
  | "engagement:respond"
  | "audit-log:read"
  | "audit-log:verify"
  | "organization:update"
  | "scope:update"
  | "member:read"
  | "member:manage"
  | "token:manage"
  | "report:read"
  | "report:edit"
  | "report:approve"
  | "report:opinion"
  | "report:review"
  | "report:finalize"
  | "report:share"
  | "job:read"
  | "notice:read";

const READ: readonly Capability[] = ["readiness:read", "control:read", "evidence:read"];

const MANAGE: readonly Capability[] = [
  ...READ,
  "control:create",
  "control:update",
  "control:map",
  "evidence:create",
  "evidence:link",
  "evidence:remove",
  "engagement:read",
  "engagement:manage",
  "engagement:sample",
  "engagement:assign",
  "engagement:respond",
  "audit-log:read",
  "audit-log:verify",
  "organization:update",
  "scope:update",
  "member:read",
  "member:manage",
  "token:manage",
  "report:read",
  "report:edit",
  "report:review",
  "report:finalize",
  "report:share",
  "job:read",
  "notice:read",
];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  // The owner may also enter test results the auditor reports (the tester is always named).
  // Approving management's assertion or a bridge letter is an owner's signature; the opinion
  // is the auditor's alone.
  owner: [...MANAGE, "engagement:test", "report:approve"],
  admin: MANAGE,
  "control-owner": [
    ...READ,
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
    "token:manage",
  ],
  employee: ["token:manage"],
  // Auditors read, sample and test; the organization's whole log is not theirs to read.
  auditor: [
    ...READ,
    "audit-log:verify",
    "engagement:read",
    "engagement:test",
    "engagement:sample",
    "report:read",
    "report:opinion",
    "report:review",
    "token:manage",
  ],
};

/** A control owner may only change the controls assigned to them. */
const OWNED: readonly Capability[] = [
  "control:update",
  "control:map",
  "evidence:create",
  "evidence:link",
];

export interface Me {
  id: string;
  email: string;
}

/** Controls record their owner by email (or by user id): either names this person. */
export function isOwnedBy(control: Pick<Control, "owner">, me: Me): boolean {
  const owner = control.owner?.trim().toLowerCase();
  return owner !== undefined && (owner === me.id || owner === me.email.toLowerCase());
}

export function roleCan(
  role: Role,
  capability: Capability,
  me: Me,
  control?: Pick<Control, "owner">,
): boolean {
  if (!ROLE_CAPABILITIES[role].includes(capability)) return false;
  if (role !== "control-owner" || !OWNED.includes(capability) || control === undefined) {
    return true;
  }
  return isOwnedBy(control, me);
}
