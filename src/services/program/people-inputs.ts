/** What the people register's services accept: one definition for the CLI, the API and the web app. */
import { z } from "zod";
import { BACKGROUND_CHECK_STATUSES, EMPLOYMENT_TYPES } from "../../domain/person.ts";
import { calendarDate, email, oneOf, optionalText, requiredText } from "../platform/inputs.ts";

const nullableDate = z
  .union([calendarDate, z.literal(""), z.null()])
  .transform((value) => (value === "" ? null : value));
const nullableEmail = z
  .union([email, z.literal(""), z.null()])
  .transform((value) => (value === "" ? null : value));

const personFields = {
  name: requiredText(200),
  title: optionalText(200),
  department: optionalText(200),
  managerEmail: nullableEmail,
  startDate: nullableDate,
  endDate: nullableDate,
  type: oneOf(EMPLOYMENT_TYPES, "employment type"),
  employeeId: z
    .union([optionalText(100), z.null()])
    .transform((value) => (value === "" ? null : value)),
};

export const addPersonInput = z
  .object({
    email,
    ...personFields,
    title: personFields.title.default(""),
    department: personFields.department.default(""),
    managerEmail: personFields.managerEmail.default(null),
    startDate: personFields.startDate.default(null),
    endDate: personFields.endDate.default(null),
    type: personFields.type.default("employee"),
    employeeId: personFields.employeeId.default(null),
  })
  .strict();
export type AddPersonInput = z.input<typeof addPersonInput>;

export const updatePersonInput = z.object(personFields).partial().strict();
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

export const importPeopleInput = z
  .object({
    csv: z
      .string({ error: "send the CSV file's text" })
      .max(10 * 1024 * 1024, "keep the file under 10 MB"),
    invite: z.boolean().default(false),
  })
  .strict();
export type ImportPeopleInput = z.input<typeof importPeopleInput>;

export const completeStepInput = z
  .object({
    evidenceId: z.string().trim().min(1).max(64).nullable().default(null),
    note: optionalText(2000)
      .transform((value) => (value === "" ? null : value))
      .nullable()
      .default(null),
  })
  .strict();
export type CompleteStepInput = z.input<typeof completeStepInput>;

export const backgroundCheckInput = z
  .object({
    status: oneOf(BACKGROUND_CHECK_STATUSES, "background check status"),
    checkedOn: nullableDate.default(null),
    provider: requiredText(200),
    /** The provider's report, already filed as evidence. */
    evidenceId: z.string().trim().min(1).max(64).nullable().default(null),
    /** Or the report itself, filed here as evidence on HR-01. */
    document: z
      .object({
        fileName: requiredText(200),
        mediaType: z.string().trim().max(100).optional(),
        contentBase64: z
          .string()
          .max(14 * 1024 * 1024, "keep the document under 10 MB")
          .regex(/^[A-Za-z0-9+/=\s]*$/, "must be base64"),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type BackgroundCheckInput = z.input<typeof backgroundCheckInput>;
