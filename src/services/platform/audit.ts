/** Records a change in the audit trail, inside the transaction that makes the change. */
import { appendAuditEvent } from "../../db/audit.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import type { AuditAction, AuditEventData } from "../../domain/audit-events.ts";

/**
 * The event schemas, loaded by the first write: building all of them costs a command that
 * only reads (attest readiness) a fifth of its start, and most of its zod schemas.
 */
const auditEvents = () => import("../../domain/audit-events.ts");

/**
 * Appends `action` about the record `targetId`; the kind of record follows from the action
 * (domain/audit-events.ts). The data is checked against the action's schema first, and stored
 * as canonical JSON of what was passed, so the same data always hashes to the same bytes.
 */
export async function recordEvent<A extends AuditAction>(
  tx: Tx,
  actor: Actor,
  action: A,
  targetId: string,
  data: AuditEventData<A>,
  at: Date,
): Promise<void> {
  const { auditTargetOf, checkAuditEventData } = await auditEvents();
  checkAuditEventData(action, data);
  await appendAuditEvent(tx, scopeOf(actor), {
    occurredAt: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action,
    targetType: auditTargetOf(action),
    targetId,
    data: canonicalJson(data),
  });
}
