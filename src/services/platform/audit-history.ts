/**
 * Audit events in words, for the audit log and for each record's history. The wording table
 * (domain/audit-wording.ts) and the event schemas it reads are loaded on the first call, not
 * when this module loads: every service that shows a history imports this, and a command that
 * only reads (attest readiness, attest controls list) should not pay for building the schemas
 * of every audit event at start.
 */
import { auditNames } from "../../db/audit.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import type { AuditChange, AuditEventFacts, AuditWording } from "../../domain/audit-wording.ts";

/** An event row as the wording reads it: the action and target as text, the data parsed. */
export function factsOf(
  row: { action: string; targetType: string; targetId: string },
  data: unknown,
): AuditEventFacts {
  return { action: row.action, targetType: row.targetType, targetId: row.targetId, data };
}

export function wordingAt(words: readonly AuditWording[], i: number): AuditWording {
  const found = words[i];
  if (found === undefined) throw new Error(`no wording for event ${i}`);
  return found;
}

/**
 * Events in words, as the audit log shows them: the names their sentences use (evidence
 * titles, engagement labels, people) read for all of them in one query.
 */
export async function describeAuditEvents(
  tx: Tx,
  scope: OrgScope,
  events: readonly AuditEventFacts[],
): Promise<AuditWording[]> {
  if (events.length === 0) return [];
  const { auditNamesToLookUp, describeAuditEvent } = await import("../../domain/audit-wording.ts");
  const names = await auditNames(tx, scope, auditNamesToLookUp(events));
  return events.map((event) => describeAuditEvent(event, (kind, id) => names.get(`${kind}:${id}`)));
}

/** One event of a record's history: who, when, and what it did in words (as the log says it). */
export interface RecordHistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** The event as a sentence: "Control AC-04 marked implemented". */
  sentence: string;
  /** What the event changed, each field from → to, in words. */
  changes: AuditChange[];
  /** The data as recorded (hashed into the chain). */
  data: unknown;
}

/** A record's events (oldest first, as read) as its history, worded as the audit log words them. */
export async function recordHistory(
  tx: Tx,
  scope: OrgScope,
  events: readonly {
    seq: number;
    occurredAt: string;
    actorName: string;
    action: string;
    targetType: string;
    targetId: string;
    data: string;
  }[],
): Promise<RecordHistoryEntry[]> {
  const parsed = events.map((event) => ({ event, data: JSON.parse(event.data) as unknown }));
  const words = await describeAuditEvents(
    tx,
    scope,
    parsed.map(({ event, data }) => factsOf(event, data)),
  );
  return parsed.map(({ event, data }, i) => {
    const { sentence, changes } = wordingAt(words, i);
    return {
      seq: event.seq,
      at: event.occurredAt,
      actor: event.actorName,
      action: event.action,
      sentence,
      changes,
      data,
    };
  });
}
