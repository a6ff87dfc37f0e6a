/**
 * Answers of the audit-log routes: a page of events, each as recorded and in words, and the
 * verification of the whole trail.
 */
import { z } from "zod";
import { auditChange, instant, pageOf } from "./common.ts";

export type { AuditAction, AuditTargetType } from "../domain/audit-events.ts";

export { auditChange } from "./common.ts";
export type { AuditChange } from "./common.ts";

export const auditLogEntry = z.object({
  seq: z.number().int().describe("the event's place in the organization's hash chain"),
  at: instant,
  actor: z.object({
    kind: z.string().describe("user, operator (the command line) or system"),
    id: z.string(),
    name: z.string().describe("the actor's name when the event was recorded"),
  }),
  action: z.string().describe("audit action, e.g. control.updated"),
  target: z.object({
    type: z.string().describe("the kind of record: control, evidence, engagement…"),
    id: z.string().describe("the record's id as recorded (a control's ref, others' uuid)"),
    label: z.string().describe("how people know it: AC-04, E-2, an evidence item's title"),
  }),
  sentence: z.string().describe('the event in words, e.g. "Control AC-04 marked implemented"'),
  changes: z.array(auditChange).describe("what the event changed, each field from → to"),
  data: z.unknown().describe("the event's data as recorded and hashed into the chain"),
  hash: z.string().describe("SHA-256 of the event, chained to the one before"),
});
export type AuditLogEntry = z.output<typeof auditLogEntry>;

export const auditLogPage = pageOf(auditLogEntry);

export const auditVerification = z.object({
  ok: z.boolean().describe("true when the chain, the files and the records all check out"),
  events: z.number().int(),
  head: z
    .object({ seq: z.number().int(), hash: z.string() })
    .nullable()
    .describe("the newest event: note it elsewhere, and a later check shows nothing was cut"),
  chain: z
    .object({ seq: z.number().int(), reason: z.string() })
    .nullable()
    .describe("the first broken link, or null"),
  filesChecked: z.number().int(),
  corruptFiles: z.array(z.object({ sha256: z.string(), problem: z.string() })),
  recordsChecked: z.number().int(),
  records: z.array(z.object({ target: z.string(), problem: z.string() })),
});
export type AuditVerification = z.output<typeof auditVerification>;
