/** What the request services accept, parsed at their edge. */
import { z } from "zod";
import { REQUEST_STATUSES } from "../../domain/audit-request.ts";
import { calendarDate, email, oneOf, reason, requiredText } from "../platform/inputs.ts";

const controlRef = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(40)
  .transform((value) => value.toUpperCase());

export const openRequestInput = z
  .object({
    control: controlRef.optional().describe("the control asked about (its ref), or none"),
    item: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("a sampled item's key of that control"),
    description: requiredText(4000)
      .optional()
      .describe("what is asked; required for a free-text request"),
    to: email.describe("the member it goes to"),
    dueOn: calendarDate.describe("the day the answer is due"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.item !== undefined && value.control === undefined) {
      ctx.addIssue({ code: "custom", path: ["item"], message: "an item belongs to a control" });
    }
    if (value.control === undefined && value.description === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: "a request for no control says in words what it asks for",
      });
    }
  });
export type OpenRequestInput = z.input<typeof openRequestInput>;

export const bulkRequestInput = z
  .object({
    dueOn: calendarDate.describe("the day the answers are due"),
    to: email
      .optional()
      .describe("who gets the requests of controls that have no owner among the members"),
  })
  .strict();
export type BulkRequestInput = z.input<typeof bulkRequestInput>;

export const requestFilter = z
  .object({ status: oneOf(REQUEST_STATUSES, "request status").optional() })
  .strict();
export type RequestFilter = z.input<typeof requestFilter>;

export const answerInput = z
  .object({
    evidence: z
      .array(z.string().trim().min(1).max(100))
      .max(100)
      .default([])
      .describe("ids of evidence already in Attest"),
    comment: requiredText(4000).optional(),
    forDate: calendarDate
      .optional()
      .describe("for an upload to a request naming no item: the day the evidence is for"),
    title: requiredText(300).optional().describe("for an upload: its title"),
  })
  .strict();
export type AnswerInput = z.input<typeof answerInput>;

export const commentInput = z.object({ body: requiredText(4000) }).strict();
export type CommentInput = z.input<typeof commentInput>;

export const returnInput = z.object({ reason }).strict();
export type ReturnInput = z.input<typeof returnInput>;
