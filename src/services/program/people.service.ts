/**
 * The people register: the list with each person's checklist standing, one person with their
 * checklists, adding and editing someone, and completing a step. A start date opens the
 * joiner checklist and an end date the leaver's (person-steps.ts); every write is one
 * transaction with its audit event.
 */
import { findEvidence } from "../../db/evidence.repo.ts";
import {
  findPerson,
  insertPeople,
  listBackgroundChecks,
  listPeople,
  listSteps,
  updatePersonRow,
} from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor, Role } from "../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize, can } from "../../domain/permissions.ts";
import { diffPerson, hasLeft } from "../../domain/person.ts";
import type { BackgroundCheck, Person, PersonFields } from "../../domain/person.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { addPersonInput, updatePersonInput } from "./people-inputs.ts";
import type { AddPersonInput, UpdatePersonInput } from "./people-inputs.ts";
import { applyChecklists, controlOwnersByRef, viewChecklists, viewStep } from "./person-steps.ts";
import type { ChecklistView, StepView } from "./person-steps.ts";
import { organizationToday } from "../platform/organization-day.ts";

export type PersonStatus = "active" | "joining" | "left";

export interface PersonView extends Person {
  status: PersonStatus;
  /** Their account's role in this organization, when they have one. */
  account: { role: Role } | null;
}

export interface PersonListItem extends PersonView {
  openSteps: number;
  overdueSteps: number;
}

export interface OverdueStep extends StepView {
  person: { id: string; name: string; email: string };
}

export interface PeopleRegister {
  today: string;
  items: PersonListItem[];
  /** Every overdue onboarding or offboarding step, most overdue first. */
  overdue: OverdueStep[];
}

export interface PersonDetail {
  person: PersonView;
  manager: { name: string; email: string } | null;
  checklists: ChecklistView[];
  /** Only for those who may read background checks (owners and admins); null otherwise. */
  backgroundCheck: BackgroundCheck | null;
  reports: { name: string; email: string }[];
}

export function personStatus(person: Person, today: string): PersonStatus {
  if (hasLeft(person, today)) return "left";
  return person.startDate !== null && person.startDate > today ? "joining" : "active";
}

async function accountRoles(tx: Tx, actor: Actor): Promise<Map<string, Role>> {
  const members = await listMembers(tx, scopeOf(actor));
  return new Map(members.map((m) => [m.user.email.toLowerCase(), m.role]));
}

function viewPerson(person: Person, roles: ReadonlyMap<string, Role>, today: string): PersonView {
  const role = roles.get(person.email);
  return {
    ...person,
    status: personStatus(person, today),
    account: role === undefined ? null : { role },
  };
}

/** By email or id. */
export async function loadPerson(tx: Tx, actor: Actor, key: string): Promise<Person> {
  const trimmed = key.trim();
  const person = trimmed.includes("@")
    ? await findPerson(tx, scopeOf(actor), { email: trimmed.toLowerCase() })
    : await findPerson(tx, scopeOf(actor), { id: trimmed.toLowerCase() });
  if (person === undefined) throw notFound("person", key);
  return person;
}

export async function listPeopleRegister(
  ctx: ServiceContext,
  actor: Actor,
): Promise<PeopleRegister> {
  authorize(actor, "people:read");
  const now = ctx.now();
  return read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const today = await organizationToday(tx, actor, now);
    const people = await listPeople(tx, scope);
    const roles = await accountRoles(tx, actor);
    const open = await listSteps(tx, scope, { open: true });
    const owners = await controlOwnersByRef(tx, scope);
    const byId = new Map(people.map((p) => [p.id, p]));
    const counts = new Map<string, { open: number; overdue: number }>();
    const overdue: OverdueStep[] = [];
    for (const step of open) {
      const count = counts.get(step.personId) ?? { open: 0, overdue: 0 };
      count.open += 1;
      const person = byId.get(step.personId);
      if (step.dueBy < today && person !== undefined) {
        count.overdue += 1;
        overdue.push({
          ...viewStep(step, person, owners, today),
          person: { id: person.id, name: person.name, email: person.email },
        });
      }
      counts.set(step.personId, count);
    }
    return {
      today,
      items: people.map((p) => ({
        ...viewPerson(p, roles, today),
        openSteps: counts.get(p.id)?.open ?? 0,
        overdueSteps: counts.get(p.id)?.overdue ?? 0,
      })),
      overdue,
    };
  });
}

export async function personDetail(
  tx: Tx,
  actor: Actor,
  person: Person,
  now: Date,
): Promise<PersonDetail> {
  const scope = scopeOf(actor);
  const today = await organizationToday(tx, actor, now);
  const people = await listPeople(tx, scope);
  const manager = people.find((p) => p.email === person.managerEmail);
  const steps = await listSteps(tx, scope, { personId: person.id });
  const checks = can(actor, "background-check:read")
    ? await listBackgroundChecks(tx, scope, person.id)
    : [];
  return {
    person: viewPerson(person, await accountRoles(tx, actor), today),
    manager: manager === undefined ? null : { name: manager.name, email: manager.email },
    checklists: viewChecklists(person, steps, await controlOwnersByRef(tx, scope), today),
    backgroundCheck: checks[0] ?? null,
    reports: people
      .filter((p) => p.managerEmail === person.email)
      .map((p) => ({ name: p.name, email: p.email })),
  };
}

export async function showPerson(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<PersonDetail> {
  authorize(actor, "people:read");
  const now = ctx.now();
  return read(ctx.db, async (tx) => personDetail(tx, actor, await loadPerson(tx, actor, key), now));
}

/** An evidence item of the organization, by id or unique prefix; null when none is named. */
export async function resolveEvidence(
  tx: Tx,
  actor: Actor,
  idOrPrefix: string | null,
): Promise<string | null> {
  if (idOrPrefix === null) return null;
  const found = await findEvidence(tx, scopeOf(actor), idOrPrefix);
  const [item] = found;
  if (found.length !== 1 || item === undefined) {
    throw invalidField("evidenceId", `no single evidence item ${idOrPrefix}`);
  }
  return item.id;
}

/** A manager must be someone in the register (or arriving with them), and not themselves. */
export function checkManager(
  fields: Pick<PersonFields, "email" | "managerEmail">,
  known: ReadonlySet<string>,
): string | null {
  if (fields.managerEmail === null) return null;
  if (fields.managerEmail === fields.email) return "a person cannot manage themselves";
  return known.has(fields.managerEmail)
    ? null
    : `${fields.managerEmail} is not in the people register`;
}

function checkDates(fields: Pick<PersonFields, "startDate" | "endDate">): void {
  if (fields.endDate !== null && fields.startDate === null) {
    throw invalidField("startDate", "give the start date when there is an end date");
  }
  if (fields.endDate !== null && fields.startDate !== null && fields.endDate < fields.startDate) {
    throw invalidField("endDate", `${fields.endDate} is before the start date ${fields.startDate}`);
  }
}

export async function addPerson(
  ctx: ServiceContext,
  actor: Actor,
  input: AddPersonInput,
): Promise<PersonDetail> {
  authorize(actor, "people:manage");
  const data = parseInput(addPersonInput, input);
  checkDates(data);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const people = await listPeople(tx, scope);
    if (people.some((p) => p.email === data.email)) {
      throw new AppError("CONFLICT", `email: ${data.email} is already in the register`, [
        { field: "email", message: "already in the register" },
      ]);
    }
    if (data.employeeId !== null && people.some((p) => p.employeeId === data.employeeId)) {
      throw invalidField("employeeId", `${data.employeeId} is someone else's employee id`);
    }
    const problem = checkManager(data, new Set(people.map((p) => p.email)));
    if (problem !== null) throw invalidField("managerEmail", problem);
    const person: Person = {
      ...data,
      id: newId(),
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await insertPeople(tx, scope, [person]);
    const today = await organizationToday(tx, actor, at);
    await applyChecklists(tx, scope, [person], new Map(), today, at);
    await recordEvent(
      tx,
      actor,
      "person.created",
      person.id,
      {
        email: person.email,
        name: person.name,
        type: person.type,
        startDate: person.startDate,
        endDate: person.endDate,
      },
      at,
    );
    return personDetail(tx, actor, person, at);
  });
}

export async function updatePerson(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: UpdatePersonInput,
): Promise<PersonDetail> {
  authorize(actor, "people:manage");
  const data = parseInput(updatePersonInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const before = await loadPerson(tx, actor, key);
    const given = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    const after: Person = { ...before, ...given, updatedAt: at.toISOString() };
    checkDates(after);
    const people = await listPeople(tx, scope);
    if (
      after.employeeId !== null &&
      people.some((p) => p.id !== after.id && p.employeeId === after.employeeId)
    ) {
      throw invalidField("employeeId", `${after.employeeId} is someone else's employee id`);
    }
    const problem = checkManager(after, new Set(people.map((p) => p.email)));
    if (problem !== null) throw invalidField("managerEmail", problem);
    const changes = diffPerson(before, after);
    if (Object.keys(changes).length === 0) return personDetail(tx, actor, before, at);
    await updatePersonRow(tx, scope, after);
    const steps = await listSteps(tx, scope, { personId: after.id });
    const today = await organizationToday(tx, actor, at);
    await applyChecklists(tx, scope, [after], new Map([[after.id, steps]]), today, at);
    await recordEvent(tx, actor, "person.updated", after.id, { email: after.email, changes }, at);
    return personDetail(tx, actor, after, at);
  });
}
