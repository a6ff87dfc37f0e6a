/**
 * The people register's records: a person of the workforce, the onboarding and offboarding
 * steps of their checklists, and their background check. Pure: dates are local calendar
 * dates (YYYY-MM-DD) in the organization's time zone.
 */
import type { ChecklistKind } from "../catalog/people/checklists.ts";
import { addDays } from "./periods.ts";

export const EMPLOYMENT_TYPES = ["employee", "contractor"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const BACKGROUND_CHECK_STATUSES = ["pending", "clear", "adverse", "not-required"] as const;
export type BackgroundCheckStatus = (typeof BACKGROUND_CHECK_STATUSES)[number];

export interface Person {
  id: string;
  email: string;
  employeeId: string | null;
  name: string;
  title: string;
  department: string;
  managerEmail: string | null;
  startDate: string | null;
  endDate: string | null;
  type: EmploymentType;
  createdAt: string;
  updatedAt: string;
}

export interface PersonStep {
  id: string;
  personId: string;
  checklist: ChecklistKind;
  step: string;
  anchorDate: string;
  dueBy: string;
  owner: string | null;
  completedAt: string | null;
  completedBy: string | null;
  completedName: string | null;
  evidenceId: string | null;
  note: string | null;
  createdAt: string;
}

export interface BackgroundCheck {
  id: string;
  personId: string;
  status: BackgroundCheckStatus;
  checkedOn: string | null;
  provider: string;
  evidenceId: string | null;
  recordedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields an import or an edit sets; the rest is the register's. */
export type PersonFields = Omit<Person, "id" | "createdAt" | "updatedAt">;

export const PERSON_FIELDS = [
  "employeeId",
  "name",
  "title",
  "department",
  "managerEmail",
  "startDate",
  "endDate",
  "type",
] as const satisfies readonly (keyof PersonFields)[];
export type PersonChangeField = (typeof PERSON_FIELDS)[number];

export type PersonChanges = Partial<
  Record<PersonChangeField, { from: string | null; to: string | null }>
>;

/** What an edit changes, field by field (the email is the key and never changes). */
export function diffPerson(before: PersonFields, after: PersonFields): PersonChanges {
  const changes: PersonChanges = {};
  for (const field of PERSON_FIELDS) {
    if (before[field] !== after[field]) {
      changes[field] = { from: before[field], to: after[field] };
    }
  }
  return changes;
}

/** Employed on `today`: started (or no start date known) and not yet past their end date. */
export function isActive(person: Pick<Person, "startDate" | "endDate">, today: string): boolean {
  return person.endDate === null || person.endDate >= today;
}

/** A leaver: their end date has passed. */
export function hasLeft(person: Pick<Person, "endDate">, today: string): boolean {
  return person.endDate !== null && person.endDate < today;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The day `days` business days (Monday to Friday) after `date`; 0 is the day itself. Public
 * holidays differ by country and are not counted out.
 */
export function addBusinessDays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}

/** "Sam Leaver", "Sam Leaver and Jo Park", "A, B, C and 2 more". */
export function namesInWords(names: readonly string[], shown = 3): string {
  if (names.length <= shown) {
    return names.length <= 1
      ? (names[0] ?? "")
      : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  }
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}
