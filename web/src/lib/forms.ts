import type { FormErrors } from "@mantine/form";
import { ApiError } from "../api/client.ts";

interface FormWithErrors {
  setErrors: (errors: FormErrors | ((current: FormErrors) => FormErrors)) => void;
}

/**
 * Puts the server's field errors on the form's fields. `rename` maps a server field to the
 * form's name for it where they differ (a table, or a function for patterned paths); errors
 * for fields the form lacks stay in the alert.
 */
export function applyServerErrors(
  form: FormWithErrors,
  error: unknown,
  rename: Record<string, string> | ((field: string) => string) = {},
): void {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return;
  const nameOf = (field: string) =>
    typeof rename === "function" ? rename(field) : (rename[field] ?? field);
  form.setErrors((current) => {
    const next = { ...current };
    for (const { field, message } of error.fieldErrors) next[nameOf(field)] = message;
    return next;
  });
}

export const required =
  (what: string) =>
  (value: string): string | null =>
    value.trim() === "" ? `Enter ${what}` : null;

export const minLength =
  (length: number, what: string) =>
  (value: string): string | null =>
    value.trim().length < length ? `Write ${what} in at least ${length} characters` : null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailRule(value: string): string | null {
  if (value.trim() === "") return "Enter an email address";
  return EMAIL.test(value.trim()) ? null : "Enter an email address such as name@example.com";
}

export const MIN_PASSWORD_LENGTH = 12;

export function passwordRule(value: string): string | null {
  return value.length < MIN_PASSWORD_LENGTH
    ? `Use at least ${MIN_PASSWORD_LENGTH} characters (${value.length} so far)`
    : null;
}

/** The server asks at least 10 characters for any written reason an auditor will read. */
export const MIN_REASON_LENGTH = 10;
export const reasonRule = minLength(MIN_REASON_LENGTH, "the reason");
