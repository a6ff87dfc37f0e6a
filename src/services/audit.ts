/** Records a change in the audit trail, inside the transaction that makes the change. */
import { appendAuditEvent } from "../db/audit.repo.ts";
import type { Tx } from "../db/transaction.ts";
import { scopeOf } from "../domain/actor.ts";
import type { Actor } from "../domain/actor.ts";
import { canonicalJson } from "../domain/audit-chain.ts";

export interface AuditTarget {
  type:
    | "organization"
    | "scope"
    | "control"
    | "catalog-text"
    | "evidence"
    | "engagement"
    | "member"
    | "invitation"
    | "api-token"
    | "report"
    | "share-link"
    | "signing-key"
    | "notice";
  id: string;
}

export async function recordEvent(
  tx: Tx,
  actor: Actor,
  action: string,
  target: AuditTarget,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await appendAuditEvent(tx, scopeOf(actor), {
    occurredAt: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action,
    targetType: target.type,
    targetId: target.id,
    data: canonicalJson(data),
  });
}
