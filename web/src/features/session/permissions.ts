/**
 * What each role may do, mirrored from the server's table so the UI can hide what would be
 * refused. The server stays the authority: this only spares people a pointless click.
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
  | "engagement:test"
  | "engagement:respond"
  | "audit-log:read"
  | "audit-log:verify"
  | "organization:update"
  | "scope:update"
  | "members:manage"
  | "tokens:manage";

const READ: Capability[] = ["readiness:read", "control:read", "evidence:read"];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  owner: [
    ...READ,
    "control:create",
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
    "evidence:remove",
    "engagement:read",
    "engagement:manage",
    "engagement:test",
    "engagement:respond",
    "audit-log:read",
    "audit-log:verify",
    "organization:update",
    "scope:update",
    "members:manage",
    "tokens:manage",
  ],
  admin: [
    ...READ,
    "control:create",
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
    "evidence:remove",
    "engagement:read",
    "engagement:manage",
    "engagement:respond",
    "audit-log:read",
    "audit-log:verify",
    "organization:update",
    "scope:update",
    "members:manage",
    "tokens:manage",
  ],
  "control-owner": [
    ...READ,
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
    "tokens:manage",
  ],
  employee: [],
  auditor: [...READ, "engagement:read", "engagement:test", "audit-log:read", "audit-log:verify"],
};

/** A control owner may only change the controls assigned to them. */
const OWNED: readonly Capability[] = [
  "control:update",
  "control:map",
  "evidence:create",
  "evidence:link",
];

export function roleCan(
  role: Role,
  capability: Capability,
  context: { userId: string; control?: Pick<Control, "owner"> } | null = null,
): boolean {
  if (!ROLE_CAPABILITIES[role].includes(capability)) return false;
  if (role !== "control-owner" || !OWNED.includes(capability) || context?.control === undefined) {
    return true;
  }
  return context.control.owner === context.userId;
}
