/** zod schemas shared by services: one definition of what a valid id, category or reason is. */
import { z } from "zod";
import { normalizeEmail } from "../../domain/account.ts";
import { passwordProblem } from "../../domain/password-policy.ts";
import type { PasswordContext } from "../../domain/password-policy.ts";
import { isCategoryId } from "../../catalog/index.ts";
import type { CategoryId } from "../../catalog/index.ts";
import { isCalendarDate } from "../../domain/periods.ts";
import { checkCriterionId, checkOneOf } from "./input-rules.ts";

export const MIN_REASON_LENGTH = 10;

export const categoryId = z.string().transform((value, ctx): CategoryId => {
  const normalized = value.trim().toLowerCase();
  if (!isCategoryId(normalized)) {
    ctx.addIssue({
      code: "custom",
      message:
        `unknown category "${value}"; use one of security, availability, ` +
        "processing-integrity, confidentiality, privacy",
    });
    return z.NEVER;
  }
  return normalized;
});

export const criterionId = z.string().transform((value, ctx): string => {
  const checked = checkCriterionId(value);
  if (checked.ok) return checked.value;
  ctx.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
});

/** Text that must be given, trimmed, up to `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `keep it under ${max} characters`);

/** Text that may be empty, trimmed, up to `max` characters. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, `keep it under ${max} characters`);

/** A written justification an auditor can read: not blank, not a placeholder. */
export const reason = z
  .string()
  .trim()
  .min(
    MIN_REASON_LENGTH,
    `write the reason in a sentence (at least ${MIN_REASON_LENGTH} characters)`,
  )
  .max(2000, "keep the reason under 2,000 characters");

/** A local calendar date, "YYYY-MM-DD", that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .trim()
  .refine(isCalendarDate, {
    error: (issue) => `"${String(issue.input)}" is not a date; use YYYY-MM-DD`,
  });

/** One of a closed set, case-insensitive, with an error that quotes the value and the choices. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: string) {
  return z.string().transform((value, ctx): T[number] => {
    const checked = checkOneOf(values, noun, value);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  });
}

/** An email address, stored lower-cased. */
export const email = z
  .email({ error: "must be an email address such as dana@example.com" })
  .max(320)
  .transform(normalizeEmail);

export const personName = z.string().trim().min(1, "give a name").max(200);

/** A new password, judged against the policy with what is known about its owner. */
export function newPassword(context: PasswordContext) {
  return z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value, context);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** How much structure free-form JSON (an evidence record) may have. */
export const JSON_LIMITS = { depth: 32, values: 20_000, bytes: 1024 * 1024 };

/** Why a JSON value is too big to keep, or null: walked with a stack, so depth cannot hurt. */
function jsonShapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let values = 0;
  let bytes = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    values += 1;
    if (values > JSON_LIMITS.values) return `has more than ${JSON_LIMITS.values} values`;
    if (typeof item === "string") bytes += item.length;
    if (bytes > JSON_LIMITS.bytes) return `holds more than ${JSON_LIMITS.bytes} bytes of text`;
    if (typeof item !== "object" || item === null) continue;
    if (depth > JSON_LIMITS.depth) return `is nested deeper than ${JSON_LIMITS.depth} levels`;
    for (const [key, child] of Object.entries(item)) {
      bytes += key.length;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** Any JSON value, within JSON_LIMITS (a record is evidence, not a data dump). */
export const boundedJson = z.unknown().superRefine((value, ctx) => {
  const problem = jsonShapeProblem(value);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
});
