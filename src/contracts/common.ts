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

/** One field an audit event changed, in words (the audit log's and a record's history). */
export const auditChange = z.object({
  field: z.string().describe("what changed, in words: status, owner, role…"),
  from: z.string().nullable().describe("the value before, in words; null when none was recorded"),
  to: z.string().nullable().describe("the value after, in words; null when it was cleared"),
});
export type AuditChange = z.output<typeof auditChange>;

/** One event of a record's history (a control's, an evidence item's), oldest first. */
export const historyEntry = z.object({
  seq: z.number().int().describe("the event's place in the organization's audit chain"),
  at: instant,
  actor: z.string().describe("name of who acted"),
  action: z.string().describe("audit action, e.g. control.updated"),
  sentence: z.string().describe('the event in words, e.g. "Control AC-04 marked implemented"'),
  changes: z.array(auditChange).describe("what the event changed, each field from → to"),
  data: z.unknown().describe("what changed, as the audit event recorded it"),
});
export type HistoryEntry = z.output<typeof historyEntry>;
