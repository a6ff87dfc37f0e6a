/** Service inputs are parsed with zod here, so the CLI, the API and jobs get the same errors. */
import type { z } from "zod";
import { AppError } from "../../domain/errors.ts";

/** `field` names the input when the schema checks a single value rather than an object. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  field = "input",
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown key is reported on the object; name each key instead.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...path, key].join("."),
        message: "is not a known field",
      }));
    }
    return [{ field: path.join(".") || field, message: issue.message }];
  });
  const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
  throw new AppError("VALIDATION_FAILED", detail, fieldErrors);
}
