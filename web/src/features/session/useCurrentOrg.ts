import { useParams } from "react-router";
import type { Control, Membership, Role, Session } from "../../api/types.ts";
import { useSession } from "./api.ts";
import { roleCan } from "./permissions.ts";
import type { Capability } from "./permissions.ts";

export interface CurrentOrg {
  slug: string;
  name: string;
  role: Role;
  session: Session;
  can: (capability: Capability, control?: Pick<Control, "owner">) => boolean;
}

export function membershipFor(session: Session | null | undefined, slug: string | undefined) {
  return session?.memberships.find((m: Membership) => m.organization.slug === slug);
}

/**
 * The organization in the URL and the user's role in it. Only called below OrgLayout, which
 * has already checked the membership exists.
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
    can: (capability, control) => roleCan(membership.role, capability, session.user, control),
  };
}
