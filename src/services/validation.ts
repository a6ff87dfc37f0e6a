/** Service inputs are parsed with zod here, so the CLI, the API and jobs get the same errors. */
import type { z } from "zod";
import { AppError } from "../domain/errors.ts";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "input",
    message: issue.message,
  }));
  const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
  throw new AppError("VALIDATION_FAILED", detail, fieldErrors);
}
