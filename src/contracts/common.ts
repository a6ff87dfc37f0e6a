/**
 * Building blocks of the API's answers. A contract is a zod schema of what a route sends: the
 * server parses each answer with it (so nothing outside it leaves), the OpenAPI document is
 * generated from it, and the web app takes its types from it (`z.output`, type-only imports).
 */
import { z } from "zod";

/** An instant as ISO 8601 text in UTC, as every answer writes it. */
export const instant = z.string().describe("ISO 8601 instant (UTC)");

/** A calendar day, YYYY-MM-DD. */
export const day = z.string().describe("calendar day, YYYY-MM-DD");

/** One page of a list: the items and the cursor of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** One event of a record's history (a control's, an evidence item's), oldest first. */
export const historyEntry = z.object({
  seq: z.number().int().describe("the event's place in the organization's audit chain"),
  at: instant,
  actor: z.string().describe("name of who acted"),
  action: z.string().describe("audit action, e.g. control.updated"),
  data: z.unknown().describe("what changed, as the audit event recorded it"),
});
export type HistoryEntry = z.output<typeof historyEntry>;
