/**
 * Who a published policy asks to acknowledge it: the workforce in the version's roles (every
 * company role when it names none). The workforce is the organization's company members and,
 * when the people register is kept, the people in it who are still employed: someone in the
 * register without an account is asked by email as an employee (the task becomes theirs when
 * they sign in with that address), and a leaver, whose end date has passed, is no longer asked
 * even while their account lingers. This is the one place that turns an audience into people,
 * for the tasks, the roster and readiness alike.
 */
import { listPeople } from "../../db/people.repo.ts";
import type { PolicyVersion } from "../../db/policies.repo.ts";
import { listMembers } from "../../db/users.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { addDays, localDate } from "../../domain/periods.ts";
import { hasLeft } from "../../domain/person.ts";
import { audienceRoles } from "../../domain/policy.ts";
import type { AudienceRole } from "../../domain/policy.ts";

export interface AudiencePerson {
  /** Their account; null for someone in the people register who has not signed in yet. */
  userId: string | null;
  email: string;
  name: string;
  role: AudienceRole;
  /**
   * The day they joined, in the organization's time zone (the register's start date for
   * someone without an account): someone who joins after publication gets the full period.
   */
  joinedOn: string;
  /** Their department, from the people register (training assigns by it). */
  department?: string | null;
}

/** How acknowledgements and tasks tell people apart: the account, or else the email. */
export function audienceKey(person: Pick<AudiencePerson, "userId" | "email">): string {
  return person.userId ?? `email:${person.email}`;
}

/** The organization's company members and the register's people still employed. */
export async function loadWorkforce(
  tx: Tx,
  scope: OrgScope,
  timeZone: string,
  today: string,
): Promise<AudiencePerson[]> {
  const members = await listMembers(tx, scope);
  const register = await listPeople(tx, scope);
  const left = new Set(register.filter((p) => hasLeft(p, today)).map((p) => p.email));
  const accounts = new Set(members.map((m) => m.user.email.toLowerCase()));
  const byEmail = new Map(register.map((p) => [p.email, p]));
  const fromAccounts = members.flatMap((m): AudiencePerson[] => {
    const email = m.user.email.toLowerCase();
    if (m.role === "auditor" || left.has(email)) return [];
    // The register, where it knows the person, says where they work (training assigns by
    // department); the day they joined stays the day their account did.
    const known = byEmail.get(email);
    return [
      {
        userId: m.user.id,
        email: m.user.email,
        name: m.user.name,
        role: m.role,
        joinedOn: localDate(new Date(m.joinedAt), timeZone),
        department: known?.department ?? null,
      },
    ];
  });
  const fromRegister = register.flatMap((p): AudiencePerson[] =>
    accounts.has(p.email) || hasLeft(p, today)
      ? []
      : [
          {
            userId: null,
            email: p.email,
            name: p.name,
            role: "employee",
            joinedOn: p.startDate ?? localDate(new Date(p.createdAt), timeZone),
            department: p.department,
          },
        ],
  );
  return [...fromAccounts, ...fromRegister];
}

export function audienceOf(
  workforce: readonly AudiencePerson[],
  audience: readonly AudienceRole[],
): AudiencePerson[] {
  const roles = audienceRoles(audience);
  return workforce.filter((person) => roles.includes(person.role));
}

/** The day a person's acknowledgement is due: publication's due day, or later for a new joiner. */
export function acknowledgementDue(
  version: PolicyVersion,
  person: AudiencePerson,
  ackDays: number,
): string {
  // Most people joined before publication: their due day is the version's, no date sums.
  if (person.joinedOn <= version.publishedAt.slice(0, 10)) return version.ackDueBy;
  const ownWindow = addDays(person.joinedOn, ackDays);
  return ownWindow > version.ackDueBy ? ownWindow : version.ackDueBy;
}
