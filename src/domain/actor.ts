/**
 * Who is acting. A Principal is a person or process; an Actor is a principal acting inside one
 * organization with one role. Repositories only accept an OrgScope, and the only way to get one
 * is from an Actor, so no query can forget which tenant it serves.
 */

export const ROLES = ["owner", "admin", "control-owner", "employee", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do beyond reading: each scope names a group of actions. */
export const TOKEN_SCOPES = ["read", "evidence:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface Principal {
  /** operator: someone running the local CLI on the server's machine. */
  kind: "operator" | "user" | "system";
  id: string;
  name: string;
}

export interface Actor extends Principal {
  organizationId: string;
  role: Role;
  /** A signed-in user's address: control ownership is recorded by email. */
  email?: string;
  /**
   * The engagements an auditor is assigned to. An auditor sees only these and the evidence
   * dated inside their periods; missing means none.
   */
  engagements?: readonly string[];
  /** Set when acting through an API token: the token's scopes narrow the role's rights. */
  tokenScopes?: readonly TokenScope[];
}

declare const orgScopeBrand: unique symbol;

export interface OrgScope {
  readonly organizationId: string;
  readonly [orgScopeBrand]: true;
}

/**
 * The only place an OrgScope is made; lint refuses `as OrgScope` anywhere else. Each way in
 * is named for the authority that grants it, so a reader can tell why a query may touch that
 * organization.
 */
function brand(organizationId: string): OrgScope {
  return { organizationId } as OrgScope;
}

/** An actor's own organization: the usual way in. */
export function scopeOf(actor: Actor): OrgScope {
  return brand(actor.organizationId);
}

/** The organization whose report a share link opens, the link having been found by its secret. */
export function scopeOfShareLink(link: { organizationId: string }): OrgScope {
  return brand(link.organizationId);
}

/** The organization an invitation is for, the invitation having been found by its secret. */
export function scopeOfInvitation(invitation: { organizationId: string }): OrgScope {
  return brand(invitation.organizationId);
}

/** The system's own work on one organization (start-up repairs, background jobs). */
export function systemScope(organizationId: string): OrgScope {
  return brand(organizationId);
}

export function actorIn(principal: Principal, organizationId: string, role: Role): Actor {
  return { ...principal, organizationId, role };
}
