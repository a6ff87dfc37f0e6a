/**
 * Who a published policy asks to acknowledge it. Today: the organization's members in the
 * version's roles (every company role when it names none). The people register and groups
 * (issue 15, later parts) plug in here: this is the one place that turns an audience into
 * people, for the tasks, the roster and readiness alike.
 */
import { listMembers } from "../../db/users.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";
import { audienceRoles } from "../../domain/policy.ts";
import type { AudienceRole } from "../../domain/policy.ts";

export interface AudiencePerson {
  userId: string;
  email: string;
  name: string;
  role: AudienceRole;
  /**
   * The day they joined, in the organization's time zone: someone who joins after
   * publication gets the full period from then.
   */
  joinedOn: string;
  /** Their department, once the people register supplies it (training assigns by it). */
  department?: string | null;
}

/** The organization's company members (auditors are outside the company). */
export async function loadWorkforce(
  tx: Tx,
  scope: OrgScope,
  timeZone: string,
): Promise<AudiencePerson[]> {
  const members = await listMembers(tx, scope);
  return members.flatMap((m) =>
    m.role === "auditor"
      ? []
      : [
          {
            userId: m.user.id,
            email: m.user.email,
            name: m.user.name,
            role: m.role,
            joinedOn: localDate(new Date(m.joinedAt), timeZone),
          },
        ],
  );
}

export function audienceOf(
  workforce: readonly AudiencePerson[],
  audience: readonly AudienceRole[],
): AudiencePerson[] {
  const roles = audienceRoles(audience);
  return workforce.filter((person) => roles.includes(person.role));
}
