/** Shared by the import parsers: JSON text to a value, and a schema's first complaint as a refusal. */
import type { z } from "zod";
import { invalidField } from "../errors.ts";
import { elementPath } from "./finding.ts";

export function parseJsonDocument(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidField("file", `not a ${what} file: it is not JSON (${reason})`);
  }
}

/**
 * The document checked against what the parser reads. A refusal names the path of the first
 * bad element (runs[0].results[3].level) and why, so it can be found in a large file.
 *
 * The value is returned as it was read, not as the schema rebuilt it: the schemas only check
 * (no defaults, no transforms, unknown keys let through), so the two have the same shape, and
 * a finding keeps the element of the file exactly as the tool wrote it, keys in their order.
 */
export function checkDocument<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return value as z.output<T>;
  const issue = parsed.error.issues[0];
  const path = elementPath(issue?.path ?? []);
  throw invalidField(path, `not a valid ${what} file: ${path}: ${issue?.message ?? "malformed"}`);
}
