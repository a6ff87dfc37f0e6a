/**
 * The demo's policies: a few colleagues with accounts, the information security and
 * acceptable use policies adopted, approved and published, most people's acknowledgements,
 * and a second version of the security policy, so the history shows the first version's
 * acknowledgements kept while the new one asks again.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../../domain/actor.ts";
import type { AudienceRole } from "../../domain/policy.ts";
import { AppError } from "../../domain/errors.ts";
import { acceptInvitation, createInvitation } from "../access/invitations.service.ts";
import { listMembers } from "../access/members.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { adoptPolicy, updatePolicy } from "../program/policies.service.ts";
import { acknowledgePolicy } from "../program/policy-acknowledgements.service.ts";
import { approvePolicy, publishPolicy, submitPolicy } from "../program/policy-workflow.service.ts";

const POLICY_OWNER = "sam@northwind.example";

const STAFF: readonly { email: string; name: string; role: AudienceRole }[] = [
  { email: "sam@northwind.example", name: "Sam Okafor", role: "admin" },
  { email: "lee@northwind.example", name: "Lee Park", role: "control-owner" },
  { email: "ravi@northwind.example", name: "Ravi Menon", role: "control-owner" },
  { email: "jo@northwind.example", name: "Jo Alvarez", role: "employee" },
  { email: "kim@northwind.example", name: "Kim Laurent", role: "employee" },
];

async function staffAccounts(ctx: ServiceContext, owner: Actor): Promise<Actor[]> {
  const quiet = { ...ctx, mailer: null };
  for (const person of STAFF) {
    const { link } = await createInvitation(
      quiet,
      owner,
      { email: person.email, role: person.role },
      null,
    );
    if (link === null) throw new AppError("INTERNAL", "the demo invitation gave no link");
    // Nobody knows these passwords; the operator can hand out reset links (attest users).
    const password = `${randomBytes(18).toString("base64url")}-Aa1`;
    await acceptInvitation(
      quiet,
      link.slice(link.lastIndexOf("/") + 1),
      { name: person.name, password },
      undefined,
      { address: null, userAgent: "attest demo" },
    );
  }
  const members = await listMembers(ctx, owner);
  return STAFF.map((person) => {
    const member = members.find((m) => m.user.email === person.email);
    if (member === undefined) throw new AppError("INTERNAL", `${person.email} did not join`);
    return {
      kind: "user",
      id: member.user.id,
      name: member.user.name,
      email: person.email,
      organizationId: owner.organizationId,
      role: person.role,
    };
  });
}

async function publish(ctx: ServiceContext, owner: Actor, label: string): Promise<number> {
  await submitPolicy(ctx, owner, label);
  await approvePolicy(ctx, owner, label);
  const published = await publishPolicy(ctx, owner, label);
  return published.current?.version ?? 0;
}

export interface DemoPolicies {
  policies: string[];
  acknowledgements: number;
}

export async function loadDemoPolicies(ctx: ServiceContext, owner: Actor): Promise<DemoPolicies> {
  const staff = await staffAccounts(ctx, owner);
  const security = await adoptPolicy(ctx, owner, {
    template: "information-security",
    owner: POLICY_OWNER,
  });
  const acceptable = await adoptPolicy(ctx, owner, {
    template: "acceptable-use",
    owner: POLICY_OWNER,
    values: { screen_lock_minutes: "10" },
  });
  let acknowledgements = 0;
  const acknowledge = async (people: readonly Actor[], label: string, version: number) => {
    for (const person of people) {
      await acknowledgePolicy(ctx, person, label, { version }, "198.51.100.24");
      acknowledgements += 1;
    }
  };
  await acknowledge(staff, security.label, await publish(ctx, owner, security.label));
  // Kim has not read the acceptable use policy yet: it shows on her tasks.
  await acknowledge(
    staff.slice(0, 4),
    acceptable.label,
    await publish(ctx, owner, acceptable.label),
  );
  // A second version of the security policy asks everyone again; two have read it so far.
  await updatePolicy(ctx, owner, security.label, {
    body:
      `${security.body ?? ""}\n\n## Artificial intelligence tools\n\n` +
      "Company or customer data is entered only into AI tools the security team has approved.",
  });
  await acknowledge(staff.slice(0, 2), security.label, await publish(ctx, owner, security.label));
  return { policies: [security.label, acceptable.label], acknowledgements };
}
