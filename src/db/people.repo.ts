/** All SQL of the people register, its checklist steps and background checks; scoped to one organization. */
import type { Selectable } from "kysely";
import type { ChecklistKind } from "../catalog/people/checklists.ts";
import type { OrgScope } from "../domain/actor.ts";
import type {
  BackgroundCheck,
  BackgroundCheckStatus,
  EmploymentType,
  Person,
  PersonStep,
} from "../domain/person.ts";
import type { BackgroundChecksTable, PeopleTable, PersonStepsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/** Rows per insert statement: well inside SQLite's limit on bound values. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    id: row.id,
    email: row.email,
    employeeId: row.employee_id,
    name: row.name,
    title: row.title,
    department: row.department,
    managerEmail: row.manager_email,
    startDate: row.start_date,
    endDate: row.end_date,
    type: row.type as EmploymentType,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function personRow(scope: OrgScope, person: Person): PeopleTable {
  return {
    id: person.id,
    organization_id: scope.organizationId,
    email: person.email,
    employee_id: person.employeeId,
    name: person.name,
    title: person.title,
    department: person.department,
    manager_email: person.managerEmail,
    start_date: person.startDate,
    end_date: person.endDate,
    type: person.type,
    created_at: person.createdAt,
    updated_at: person.updatedAt,
  };
}

/** Everyone, by name then email. */
export async function listPeople(tx: Tx, scope: OrgScope): Promise<Person[]> {
  const rows = await tx
    .selectFrom("people")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("name")
    .orderBy("email")
    .execute();
  return rows.map(toPerson);
}

export async function findPerson(
  tx: Tx,
  scope: OrgScope,
  key: { id: string } | { email: string },
): Promise<Person | undefined> {
  let query = tx
    .selectFrom("people")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query =
    "id" in key
      ? query.where("id", "=", key.id)
      : query.where("email", "=", key.email.toLowerCase());
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toPerson(row);
}

export async function insertPeople(
  tx: Tx,
  scope: OrgScope,
  people: readonly Person[],
): Promise<void> {
  for (const part of chunks(people)) {
    await tx
      .insertInto("people")
      .values(part.map((p) => personRow(scope, p)))
      .execute();
  }
}

export async function updatePersonRow(tx: Tx, scope: OrgScope, person: Person): Promise<void> {
  const {
    id: _id,
    organization_id: _org,
    created_at: _created,
    ...rest
  } = personRow(scope, person);
  await tx
    .updateTable("people")
    .set(rest)
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", person.id)
    .execute();
}

function toStep(row: Selectable<PersonStepsTable>): PersonStep {
  return {
    id: row.id,
    personId: row.person_id,
    checklist: row.checklist as ChecklistKind,
    step: row.step,
    anchorDate: row.anchor_date,
    dueBy: row.due_by,
    owner: row.owner,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    completedName: row.completed_name,
    evidenceId: row.evidence_id,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** Steps of one person, or of everyone; `open` keeps those not completed. */
export async function listSteps(
  tx: Tx,
  scope: OrgScope,
  filter: { personId?: string; open?: boolean } = {},
): Promise<PersonStep[]> {
  let query = tx
    .selectFrom("person_steps")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (filter.personId !== undefined) query = query.where("person_id", "=", filter.personId);
  if (filter.open === true) query = query.where("completed_at", "is", null);
  const rows = await query.orderBy("due_by").orderBy("person_id").orderBy("step").execute();
  return rows.map(toStep);
}

export async function findStep(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<PersonStep | undefined> {
  const row = await tx
    .selectFrom("person_steps")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toStep(row);
}

export async function insertSteps(
  tx: Tx,
  scope: OrgScope,
  steps: readonly PersonStep[],
): Promise<void> {
  for (const part of chunks(steps)) {
    await tx
      .insertInto("person_steps")
      .values(
        part.map((s) => ({
          id: s.id,
          organization_id: scope.organizationId,
          person_id: s.personId,
          checklist: s.checklist,
          step: s.step,
          anchor_date: s.anchorDate,
          due_by: s.dueBy,
          owner: s.owner,
          completed_at: s.completedAt,
          completed_by: s.completedBy,
          completed_name: s.completedName,
          evidence_id: s.evidenceId,
          note: s.note,
          created_at: s.createdAt,
        })),
      )
      .execute();
  }
}

/** Moves an open step's SLA when the date it counts from changes. */
export async function rescheduleStep(
  tx: Tx,
  scope: OrgScope,
  id: string,
  anchorDate: string,
  dueBy: string,
): Promise<void> {
  await tx
    .updateTable("person_steps")
    .set({ anchor_date: anchorDate, due_by: dueBy })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .where("completed_at", "is", null)
    .execute();
}

/** Open steps of a checklist no longer called for (an end date withdrawn); done ones stay. */
export async function deleteOpenSteps(
  tx: Tx,
  scope: OrgScope,
  personId: string,
  checklist: ChecklistKind,
): Promise<void> {
  await tx
    .deleteFrom("person_steps")
    .where("organization_id", "=", scope.organizationId)
    .where("person_id", "=", personId)
    .where("checklist", "=", checklist)
    .where("completed_at", "is", null)
    .execute();
}

export async function completeStepRow(tx: Tx, scope: OrgScope, step: PersonStep): Promise<void> {
  await tx
    .updateTable("person_steps")
    .set({
      completed_at: step.completedAt,
      completed_by: step.completedBy,
      completed_name: step.completedName,
      evidence_id: step.evidenceId,
      note: step.note,
      owner: step.owner,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", step.id)
    .execute();
}

function toCheck(row: Selectable<BackgroundChecksTable>): BackgroundCheck {
  return {
    id: row.id,
    personId: row.person_id,
    status: row.status as BackgroundCheckStatus,
    checkedOn: row.checked_on,
    provider: row.provider,
    evidenceId: row.evidence_id,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listBackgroundChecks(
  tx: Tx,
  scope: OrgScope,
  personId?: string,
): Promise<BackgroundCheck[]> {
  let query = tx
    .selectFrom("background_checks")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (personId !== undefined) query = query.where("person_id", "=", personId);
  return (await query.execute()).map(toCheck);
}

/** Writes the person's one background check: the first, or its update. */
export async function saveBackgroundCheck(
  tx: Tx,
  scope: OrgScope,
  check: BackgroundCheck,
  exists: boolean,
): Promise<void> {
  const values = {
    status: check.status,
    checked_on: check.checkedOn,
    provider: check.provider,
    evidence_id: check.evidenceId,
    recorded_by: check.recordedBy,
    updated_at: check.updatedAt,
  };
  if (exists) {
    await tx
      .updateTable("background_checks")
      .set(values)
      .where("organization_id", "=", scope.organizationId)
      .where("id", "=", check.id)
      .execute();
    return;
  }
  await tx
    .insertInto("background_checks")
    .values({
      ...values,
      id: check.id,
      organization_id: scope.organizationId,
      person_id: check.personId,
      created_at: check.createdAt,
    })
    .execute();
}
