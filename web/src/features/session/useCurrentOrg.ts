import { useParams } from "react-router";
import type { Action, Membership, Role, Session } from "../../api/types.ts";
import { useSession } from "./api.ts";
import { membershipCan } from "./can.ts";
import type { OwnedRecord } from "./can.ts";

export interface CurrentOrg {
  slug: string;
  name: string;
  role: Role;
  session: Session;
  membership: Membership;
  /** Whether the server allows the action here (on this record, when one is given). */
  can: (action: Action, record?: OwnedRecord) => boolean;
  /** Whether the action is allowed only on records the caller owns (a control owner's). */
  onlyOwn: (action: Action) => boolean;
}

export function membershipFor(session: Session | null | undefined, slug: string | undefined) {
  return session?.memberships.find((m: Membership) => m.organization.slug === slug);
}

/**
 * The organization in the URL and what the user may do in it. Only called below OrgLayout,
 * which has already checked the membership exists.
 */
export function useCurrentOrg(): CurrentOrg {
  const { org } = useParams();
  const { data: session } = useSession();
  const membership = membershipFor(session, org);
  if (session === null || session === undefined || membership === undefined) {
    throw new Error("useCurrentOrg is used outside an organization the user belongs to");
  }
  return {
    slug: membership.organization.slug,
    name: membership.organization.name,
    role: membership.role,
    session,
    membership,
    can: (action, record) => membershipCan(membership, session.user, action, record),
    onlyOwn: (action) => membership.ownedOnly.includes(action),
  };
}
