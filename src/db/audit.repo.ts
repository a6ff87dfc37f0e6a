import { PostgresAdapter, sql } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { GENESIS_HASH, chainEvent } from "../domain/audit-chain.ts";
import type { AuditEventContent, ChainedAuditEvent } from "../domain/audit-chain.ts";
import { newId } from "./portable.ts";
import type { Tx } from "./transaction.ts";

export type NewAuditEvent = Omit<AuditEventContent, "organizationId" | "seq">;

/**
 * Appends one event at the head of the organization's chain. Must run inside the transaction
 * that makes the change it records (inOrgTransaction, which already holds the organization's
 * lock), so the change and its record land together or not at all. Should a writer run
 * without that lock, the unique (organization, seq) key refuses a second event at one place.
 */
export async function appendAuditEvent(
  tx: Tx,
  scope: OrgScope,
  event: NewAuditEvent,
): Promise<ChainedAuditEvent> {
  const head = await tx
    .selectFrom("audit_events")
    .select(["seq", "hash"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const content: AuditEventContent = {
    ...event,
    organizationId: scope.organizationId,
    seq: (head?.seq ?? 0) + 1,
  };
  const chained = chainEvent(content, head?.hash ?? GENESIS_HASH);
  await tx
    .insertInto("audit_events")
    .values({
      id: newId(),
      organization_id: chained.organizationId,
      seq: chained.seq,
      occurred_at: chained.occurredAt,
      actor_kind: chained.actorKind,
      actor_id: chained.actorId,
      actor_name: chained.actorName,
      action: chained.action,
      target_type: chained.targetType,
      target_id: chained.targetId,
      data: chained.data,
      body: Buffer.from(chained.body),
      prev_hash: chained.prevHash,
      hash: chained.hash,
    })
    .execute();
  await tx
    .updateTable("organizations")
    .set({ audit_head_seq: chained.seq, audit_head_hash: chained.hash })
    .where("id", "=", scope.organizationId)
    .execute();
  return chained;
}

export interface AuditEventFilter {
  targetType?: string;
  targetId?: string;
  /** Only events at or after this instant (ISO). */
  since?: string;
}

export async function listAuditEvents(
  tx: Tx,
  scope: OrgScope,
  filter: AuditEventFilter = {},
): Promise<ChainedAuditEvent[]> {
  let query = tx
    .selectFrom("audit_events")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (filter.targetType !== undefined) query = query.where("target_type", "=", filter.targetType);
  if (filter.targetId !== undefined) query = query.where("target_id", "=", filter.targetId);
  if (filter.since !== undefined) query = query.where("occurred_at", ">=", filter.since);
  const rows = await query.orderBy("seq").execute();
  return rows.map((row) => ({
    organizationId: row.organization_id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    data: row.data,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

export async function getAuditHead(
  tx: Tx,
  scope: OrgScope,
): Promise<{ seq: number; hash: string } | null> {
  const row = await tx
    .selectFrom("organizations")
    .select(["audit_head_seq", "audit_head_hash"])
    .where("id", "=", scope.organizationId)
    .executeTakeFirstOrThrow();
  return row.audit_head_seq === null || row.audit_head_hash === null
    ? null
    : { seq: Number(row.audit_head_seq), hash: row.audit_head_hash };
}

/**
 * Sequence numbers of events whose columns no longer match their hashed body. The database
 * rebuilds each body from the columns itself (the format of eventBody: UTF-8 byte length,
 * colon, field, newline), which is far quicker than doing it row by row in JavaScript.
 */
export async function eventsWithAlteredColumns(tx: Tx, scope: OrgScope): Promise<number[]> {
  const postgres = tx.getExecutor().adapter instanceof PostgresAdapter;
  const part = (column: string) =>
    postgres
      ? sql`octet_length(${sql.ref(column)}::text)::text || ':' || ${sql.ref(column)}::text || chr(10)`
      : sql`length(cast(cast(${sql.ref(column)} as text) as blob)) || ':' || ${sql.ref(column)} || char(10)`;
  const columns = [
    "organization_id",
    "seq",
    "occurred_at",
    "actor_kind",
    "actor_id",
    "actor_name",
    "action",
    "target_type",
    "target_id",
    "data",
    "prev_hash",
  ];
  const rebuilt = sql.join(columns.map(part), sql` || `);
  const asBytes = postgres ? sql`convert_to(${rebuilt}, 'UTF8')` : sql`cast(${rebuilt} as blob)`;
  const result = await sql<{ seq: number }>`select seq from audit_events
    where organization_id = ${scope.organizationId} and body <> ${asBytes}
    order by seq`.execute(tx);
  return result.rows.map((row) => Number(row.seq));
}
