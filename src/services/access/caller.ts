/**
 * Who is calling, once authenticated: a signed-in session or an API token, with the user
 * behind it. Its own module so that what reads it (membership, routes) does not import the
 * sign-in service, which itself reads memberships.
 */
import type { FoundMember } from "../../db/users.repo.ts";
import type { ApiToken, SessionRecord, User } from "../../domain/account.ts";

/**
 * The caller's membership in the organization named in the request's path (undefined when
 * not a member), read in the same statement as the session.
 */
export interface PathMember {
  handle: string;
  found: FoundMember | undefined;
}

export type Authenticated =
  | { kind: "session"; user: User; session: SessionRecord; member?: PathMember }
  | { kind: "token"; user: User; token: ApiToken };
