/**
 * Who a request acts as inside one organization: the caller's membership there, an auditor's
 * engagements and an API token's scopes, and the organization's state for answer reuse.
 */
import { readOnce } from "../../db/transaction.ts";
import { findOrganizationForMember, listAssignedEngagementIds } from "../../db/users.repo.ts";
import { actorIn, scopeOf } from "../../domain/actor.ts";
import type { Actor, Role } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import type { Organization } from "../../domain/organization.ts";
import { localDate } from "../../domain/periods.ts";
import { allowedActions, ownedOnlyActions } from "../../domain/permissions.ts";
import type { Action } from "../../domain/permissions.ts";
import type { Authenticated } from "./caller.ts";
import type { ServiceContext } from "../platform/context.ts";

export interface Member {
  actor: Actor;
  /**
   * The organization's audit chain head and local date: it changes with every write to the
   * organization and every new day, so an answer computed in one state holds for that state.
   */
  state: string;
}

/**
 * Who the caller is inside one organization, as every check sees them: their role there, with
 * their address (control ownership is recorded by email) and an API token's scopes.
 */
function memberActor(auth: Authenticated, organizationId: string, role: Role): Actor {
  const principal = { kind: "user" as const, id: auth.user.id, name: auth.user.name };
  const actor: Actor = { ...actorIn(principal, organizationId, role), email: auth.user.email };
  if (auth.kind === "token") {
    actor.tokenScopes = auth.token.scopes;
    actor.name = `${auth.user.name} (token "${auth.token.name}")`;
  }
  return actor;
}

/**
 * An organization that requires two-factor sign-in refuses a member without it, in a browser
 * or through an API token they made: a token must not be the way around the requirement.
 */
function lacksTwoFactor(auth: Authenticated, organization: Organization): boolean {
  return organization.requireTotp && !auth.user.totpEnabled;
}

/** What a member may do in one organization, for the web app to show only that. */
export interface MemberAccess {
  /** Every action `can` allows them (their role, narrowed by an API token's scopes). */
  actions: Action[];
  /** Of those, the ones a record rule allows only on records they own. */
  ownedOnly: Action[];
  /**
   * The organization requires two-factor sign-in, which they have not turned on: nothing is
   * allowed there until they do.
   */
  twoFactorRequired: boolean;
}

/**
 * Worked out from the same Actor and the same rules as resolveMember and `authorize`, so the
 * page and the server cannot disagree. An auditor's assignment does not change an action
 * (it decides which engagements and evidence exist for them, and those answer NOT_FOUND).
 */
export function memberAccess(
  auth: Authenticated,
  organization: Organization,
  role: Role,
): MemberAccess {
  if (lacksTwoFactor(auth, organization)) {
    return { actions: [], ownedOnly: [], twoFactorRequired: true };
  }
  const actor = memberActor(auth, organization.id, role);
  return {
    actions: allowedActions(actor),
    ownedOnly: ownedOnlyActions(actor),
    twoFactorRequired: false,
  };
}

/**
 * The Actor for a request in one organization. Someone who is not a member, or a token made
 * for another organization, finds no such organization: ids of other tenants answer 404.
 */
export async function resolveMember(
  ctx: ServiceContext,
  auth: Authenticated,
  handle: string,
): Promise<Member> {
  // A browser's request already read the membership with its session (authenticateSession).
  const found =
    auth.kind === "session" && auth.member?.handle === handle
      ? auth.member.found
      : await readOnce(ctx.db, (tx) => findOrganizationForMember(tx, handle, auth.user.id));
  const wrongToken = auth.kind === "token" && auth.token.organizationId !== found?.organization.id;
  if (found === undefined || wrongToken) {
    throw new AppError("NOT_FOUND", `organization "${handle}" was not found`);
  }
  const { organization, role } = found;
  if (lacksTwoFactor(auth, organization)) {
    const who =
      auth.kind === "token"
        ? `the token's owner (${auth.user.email}) has not turned it on, so their tokens are refused here`
        : "turn it on in your account settings";
    throw new AppError("FORBIDDEN", `${organization.name} requires two-factor sign-in: ${who}`);
  }
  const actor = memberActor(auth, organization.id, role);
  if (role === "auditor") {
    actor.engagements = await readOnce(ctx.db, (tx) =>
      listAssignedEngagementIds(tx, scopeOf(actor), auth.user.id),
    );
  }
  const today = todayIn(organization.timeZone, ctx.now());
  return { actor, state: `${found.auditHeadHash ?? "empty"}:${today}` };
}

// The local date changes at most once a minute; asking Intl on every request costs more than
// the request's queries.
const todays = new Map<string, { minute: number; date: string }>();

function todayIn(timeZone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = todays.get(timeZone);
  if (known?.minute === minute) return known.date;
  const date = localDate(now, timeZone);
  todays.set(timeZone, { minute, date });
  return date;
}
