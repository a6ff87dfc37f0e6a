/**
 * Reading the audit trail, and proving it intact: the hash chain recomputed end to end,
 * the head compared with the one recorded apart, and every stored file re-hashed.
 */
import { z } from "zod";
import { getAuditHead, listAuditEvents } from "../db/audit.repo.ts";
import { listFileHashes } from "../db/evidence.repo.ts";
import { read } from "../db/transaction.ts";
import { scopeOf } from "../domain/actor.ts";
import type { Actor } from "../domain/actor.ts";
import { verifyChain } from "../domain/audit-chain.ts";
import type { ChainBreak, ChainedAuditEvent } from "../domain/audit-chain.ts";
import { authorize } from "../domain/permissions.ts";
import type { ServiceContext } from "./context.ts";
import { calendarDate } from "./inputs.ts";
import { parseInput } from "./validation.ts";

export interface AuditLogEntry {
  seq: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { type: string; id: string };
  data: unknown;
  hash: string;
}

function toEntry(event: ChainedAuditEvent): AuditLogEntry {
  return {
    seq: event.seq,
    at: event.occurredAt,
    actor: { kind: event.actorKind, id: event.actorId, name: event.actorName },
    action: event.action,
    target: { type: event.targetType, id: event.targetId },
    data: JSON.parse(event.data) as unknown,
    hash: event.hash,
  };
}

export async function listAuditLog(
  ctx: ServiceContext,
  actor: Actor,
  filter: { since?: string } = {},
): Promise<AuditLogEntry[]> {
  authorize(actor, "audit-log:read");
  const { since } = parseInput(z.object({ since: calendarDate.optional() }).strict(), filter);
  const events = await read(ctx.db, (tx) =>
    listAuditEvents(
      tx,
      scopeOf(actor),
      since === undefined ? {} : { since: `${since}T00:00:00.000Z` },
    ),
  );
  return events.map(toEntry);
}

export interface CorruptFile {
  sha256: string;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  chain: ChainBreak | null;
  filesChecked: number;
  corruptFiles: CorruptFile[];
}

export async function verifyAuditLog(
  ctx: ServiceContext,
  actor: Actor,
): Promise<AuditVerification> {
  authorize(actor, "audit-log:verify");
  const { events, head, hashes } = await read(ctx.db, async (tx) => ({
    events: await listAuditEvents(tx, scopeOf(actor)),
    head: await getAuditHead(tx, scopeOf(actor)),
    hashes: await listFileHashes(tx, scopeOf(actor)),
  }));
  const chain = verifyChain(events, head);
  const corruptFiles: CorruptFile[] = [];
  for (const sha256 of hashes) {
    const problem = await ctx.blobs.check(sha256);
    if (problem !== null) corruptFiles.push({ sha256, problem });
  }
  return {
    ok: chain === null && corruptFiles.length === 0,
    events: events.length,
    chain,
    filesChecked: hashes.length,
    corruptFiles,
  };
}
