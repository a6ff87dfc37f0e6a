/** Answers of the people routes: the register, a person with their checklists, imports, background checks. */
import { z } from "zod";
import { CHECKLIST_KINDS } from "../catalog/people/checklists.ts";
import { ROLES } from "../domain/actor.ts";
import { BACKGROUND_CHECK_STATUSES, EMPLOYMENT_TYPES } from "../domain/person.ts";
import { day, instant } from "./common.ts";
import { task } from "./tasks.ts";

export const person = z.object({
  id: z.string(),
  email: z.string().describe("lowercase; how imports and accounts find the person"),
  employeeId: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  department: z.string(),
  managerEmail: z.string().nullable(),
  startDate: day.nullable(),
  endDate: day.nullable().describe("empty while employed; the last working day once they leave"),
  type: z.enum(EMPLOYMENT_TYPES),
  status: z.enum(["active", "joining", "left"]),
  account: z
    .object({ role: z.enum(ROLES) })
    .nullable()
    .describe("their account's role here, when they have signed in"),
  createdAt: instant,
  updatedAt: instant,
});

export const personStep = z.object({
  id: z.string(),
  checklist: z.enum(CHECKLIST_KINDS),
  step: z.string().describe("the template step, e.g. access-removed"),
  title: z.string(),
  description: z.string(),
  control: z.string().describe("the library control the step evidences"),
  sla: z.string().describe('e.g. "within 1 business day of the end date"'),
  anchorDate: day.describe("the start or end date the SLA counts from"),
  dueBy: day,
  state: z.enum(["done", "open", "overdue"]),
  assignee: task.shape.assignee,
  completedAt: instant.nullable(),
  completedByName: z.string().nullable(),
  late: z.boolean().describe("completed after its due day"),
  evidenceId: z.string().nullable(),
  note: z.string().nullable(),
});

export const peopleRegister = z.object({
  today: day,
  items: z.array(
    person.extend({
      openSteps: z.number().int(),
      overdueSteps: z.number().int(),
    }),
  ),
  overdue: z.array(
    personStep.extend({
      person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    }),
  ),
});

export const backgroundCheck = z.object({
  id: z.string(),
  personId: z.string(),
  status: z.enum(BACKGROUND_CHECK_STATUSES),
  checkedOn: day.nullable(),
  provider: z.string(),
  evidenceId: z.string().nullable().describe("the provider's report, filed on HR-01"),
  recordedBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
});

export const personDetail = z.object({
  person,
  manager: z.object({ name: z.string(), email: z.string() }).nullable(),
  checklists: z.array(
    z.object({ kind: z.enum(CHECKLIST_KINDS), title: z.string(), steps: z.array(personStep) }),
  ),
  backgroundCheck: backgroundCheck
    .nullable()
    .describe("only for owners and admins; null for anyone else or when none is recorded"),
  reports: z.array(z.object({ name: z.string(), email: z.string() })),
});

const importedRow = z.object({ line: z.number().int(), email: z.string(), name: z.string() });

export const peopleImport = z.object({
  sha256: z.string().describe("SHA-256 of the file's text"),
  rows: z.number().int(),
  created: z.array(importedRow),
  updated: z.array(importedRow),
  ended: z.array(importedRow).describe("rows that gave someone an end date"),
  unchanged: z.number().int(),
  invited: z.array(
    z.object({
      email: z.string(),
      link: z.string().nullable().describe("when it was not mailed: pass it on yourself"),
    }),
  ),
});

export type PersonDetailAnswer = z.output<typeof personDetail>;
export type PeopleRegisterAnswer = z.output<typeof peopleRegister>;
export type PersonStepAnswer = z.output<typeof personStep>;
export type PeopleImportAnswer = z.output<typeof peopleImport>;
