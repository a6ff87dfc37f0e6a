/**
 * The people of `attest demo`: Northwind's staff who run the program, each with an account,
 * and the service auditor from the (fictional) audit firm. Every company-side action of the
 * demo is credited to one of them, and the auditor's work to the auditor, as it would be.
 */
import { randomBytes } from "node:crypto";
import type { Actor, Role } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { acceptInvitation, createInvitation } from "../access/invitations.service.ts";
import { addMemberAsOperator } from "../access/operator-accounts.service.ts";
import type { ServiceContext } from "../platform/context.ts";

interface Person {
  name: string;
  email: string;
  role: Role;
  /** What they do at Northwind or the firm, for the sign-in instructions. */
  job: string;
}

export const STAFF = {
  maya: { name: "Maya Chen", email: "maya@northwind.example", role: "owner", job: "CEO" },
  lee: { name: "Lee Okafor", email: "lee@northwind.example", role: "admin", job: "CTO" },
  sam: {
    name: "Sam Rivera",
    email: "sam@northwind.example",
    role: "admin",
    job: "Head of Security",
  },
  ravi: {
    name: "Ravi Menon",
    email: "ravi@northwind.example",
    role: "control-owner",
    job: "IT lead",
  },
  jo: {
    name: "Jo Lindqvist",
    email: "jo@northwind.example",
    role: "control-owner",
    job: "Head of People",
  },
  kim: {
    name: "Kim Laurent",
    email: "kim@northwind.example",
    role: "employee",
    job: "Customer success manager",
  },
} as const satisfies Record<string, Person>;

export const AUDITOR: Person = {
  name: "Dana Whitfield",
  email: "dana@ledger-co.example",
  role: "auditor",
  job: "engagement partner, Ledger & Co CPAs",
};

export type StaffKey = keyof typeof STAFF;

/** How to sign in as someone: a one-time link to choose a password (null: they have one). */
export interface DemoAccount {
  name: string;
  email: string;
  role: Role;
  job: string;
  link: string | null;
  expiresAt: string | null;
}

export interface DemoPeople {
  accounts: DemoAccount[];
  staff: Record<StaffKey, Actor>;
  auditor: Actor;
}

async function addPerson(
  ctx: ServiceContext,
  organization: string,
  person: Person,
  baseUrl: string,
): Promise<{ account: DemoAccount; actor: Actor }> {
  const added = await addMemberAsOperator(
    ctx,
    { email: person.email, name: person.name, role: person.role, org: organization },
    baseUrl,
  );
  return {
    account: { ...person, link: added.link, expiresAt: added.expiresAt },
    actor: {
      kind: "user",
      id: added.user.id,
      name: added.user.name,
      email: added.user.email,
      organizationId: "",
      role: person.role,
    },
  };
}

/**
 * Someone Maya invited, who accepted with a password of their own (here random: nobody
 * knows it; the operator's `users reset-link` gives them a way in).
 */
async function invitePerson(
  ctx: ServiceContext,
  maya: Actor,
  person: Person,
): Promise<{ account: DemoAccount; actor: Actor }> {
  const quiet = { ...ctx, mailer: null };
  const invitation = { email: person.email, role: person.role };
  const { link } = await createInvitation(quiet, maya, invitation, null);
  if (link === null) throw new AppError("INTERNAL", "the demo invitation gave no link");
  const joined = await acceptInvitation(
    quiet,
    link.slice(link.lastIndexOf("/") + 1),
    { name: person.name, password: `${randomBytes(18).toString("base64url")}-Aa1` },
    undefined,
    { address: null, userAgent: "attest demo" },
  );
  const user = "user" in joined ? joined.user : joined.view.user;
  return {
    account: { ...person, link: null, expiresAt: null },
    actor: {
      kind: "user",
      id: user.id,
      name: user.name,
      email: user.email,
      organizationId: maya.organizationId,
      role: person.role,
    },
  };
}

/**
 * Makes every account: the operator adds them as `users add` would, except Ravi, whom Maya
 * invited once she could sign in (so the trail holds an invitation too).
 */
export async function addDemoPeople(
  ctx: ServiceContext,
  organization: { id: string; slug: string },
  baseUrl: string,
): Promise<DemoPeople> {
  const accounts: DemoAccount[] = [];
  const staff = {} as Record<StaffKey, Actor>;
  for (const [key, person] of Object.entries(STAFF) as [StaffKey, Person][]) {
    const { account, actor } =
      key === "ravi"
        ? await invitePerson(ctx, staff.maya, person)
        : await addPerson(ctx, organization.slug, person, baseUrl);
    accounts.push(account);
    staff[key] = { ...actor, organizationId: organization.id };
  }
  const dana = await addPerson(ctx, organization.slug, AUDITOR, baseUrl);
  accounts.push(dana.account);
  return {
    accounts,
    staff,
    auditor: { ...dana.actor, organizationId: organization.id, engagements: [] },
  };
}
