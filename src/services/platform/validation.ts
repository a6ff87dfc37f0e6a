/** Service inputs are parsed with zod here, so the CLI, the API and jobs get the same errors. */
import type { z } from "zod";
// The core parser takes a schema of either build: zod, or zod/mini (the CLI's light reads).
import { safeParse } from "zod/mini";
import { AppError } from "../../domain/errors.ts";

/** Longest message quoted back: a caller's megabyte of text is not echoed in full. */
const MAX_MESSAGE = 300;

/**
 * The path of the first string (value or key) holding U+0000, which PostgreSQL cannot store
 * and SQLite would cut short. Walked with a stack, so deep input cannot exhaust the call stack.
 */
function pathOfNul(input: unknown): string[] | undefined {
  // Each entry points at its parent instead of copying the path: a deep input stays linear.
  interface Entry {
    value: unknown;
    key: string | null;
    parent: Entry | null;
  }
  const pathTo = (entry: Entry | null): string[] => {
    const path: string[] = [];
    for (let at = entry; at !== null; at = at.parent) if (at.key !== null) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: input, key: null, parent: null }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value } = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathTo(next);
    } else if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value)) {
      // File bytes are not text: walking a buffer's every byte as an entry cost seconds.
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return pathTo(next);
        stack.push({ value: item, key, parent: next });
      }
    }
  }
  return undefined;
}

function clip(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE)}…`;
}

/** `field` names the input when the schema checks a single value rather than an object. */
export function parseInput<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  field = "input",
): z.core.output<S> {
  const nul = pathOfNul(input);
  if (nul !== undefined) {
    const name = nul.join(".") || field;
    const message = "must not contain the NUL character (U+0000)";
    throw new AppError("VALIDATION_FAILED", `${name}: ${message}`, [{ field: name, message }]);
  }
  const parsed = safeParse(schema, input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown key is reported on the object; name each key instead.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: clip([...path, key].join(".")),
        message: "is not a known field",
      }));
    }
    return [{ field: path.join(".") || field, message: clip(issue.message) }];
  });
  const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
  throw new AppError("VALIDATION_FAILED", detail, fieldErrors);
}
