/**
 * Reading the audit trail, and proving it intact: the hash chain recomputed end to end, the
 * head compared with the one recorded apart, every stored file re-hashed, and the current
 * records (evidence, links, test results) checked against the events that made them.
 */
import { z } from "zod";
import { eventsWithAlteredColumns, getAuditHead, listAuditEvents } from "../../db/audit.repo.ts";
import { currentSample, listEngagements, listItemResults } from "../../db/engagements.repo.ts";
import { listEvidence, listFileHashes } from "../../db/evidence.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { verifyChain } from "../../domain/audit-chain.ts";
import type { ChainBreak, ChainedAuditEvent } from "../../domain/audit-chain.ts";
import { authorize } from "../../domain/permissions.ts";
import { reconcileEvidence, reconcileResults } from "../../domain/reconcile.ts";
import type { RecordProblem } from "../../domain/reconcile.ts";
import type { ItemResult } from "../../domain/test-results.ts";
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
  /** The newest event: note it down elsewhere, and a later verify shows nothing was cut off. */
  head: { seq: number; hash: string } | null;
  chain: ChainBreak | null;
  filesChecked: number;
  corruptFiles: CorruptFile[];
  recordsChecked: number;
  records: RecordProblem[];
}

export async function verifyAuditLog(
  ctx: ServiceContext,
  actor: Actor,
): Promise<AuditVerification> {
  authorize(actor, "audit-log:verify");
  const { events, altered, head, hashes, evidence, results } = await read(ctx.db, async (tx) => {
    const engagements = await listEngagements(tx, scopeOf(actor));
    const results: { engagementId: string; results: ItemResult[] }[] = [];
    for (const engagement of engagements) {
      const sample = await currentSample(tx, scopeOf(actor), engagement.id);
      if (sample !== undefined) {
        results.push({
          engagementId: engagement.id,
          results: await listItemResults(tx, scopeOf(actor), sample.id),
        });
      }
    }
    return {
      events: await listAuditEvents(tx, scopeOf(actor)),
      altered: await eventsWithAlteredColumns(tx, scopeOf(actor)),
      head: await getAuditHead(tx, scopeOf(actor)),
      hashes: await listFileHashes(tx, scopeOf(actor)),
      evidence: await listEvidence(tx, scopeOf(actor), { includeRemoved: true }),
      results,
    };
  });
  const first = altered[0];
  const chain =
    verifyChain(events, head) ??
    (first === undefined
      ? null
      : { seq: first, reason: `event ${first} was changed after it was written` });
  const records = [
    ...reconcileEvidence(evidence, events),
    ...results.flatMap((r) => reconcileResults(r.engagementId, r.results, events)),
  ];
  const corruptFiles: CorruptFile[] = [];
  for (const sha256 of hashes) {
    const problem = await ctx.blobs.check(sha256);
    if (problem !== null) corruptFiles.push({ sha256, problem });
  }
  return {
    ok: chain === null && corruptFiles.length === 0 && records.length === 0,
    events: events.length,
    head,
    chain,
    filesChecked: hashes.length,
    corruptFiles,
    recordsChecked: evidence.length + results.reduce((sum, r) => sum + r.results.length, 0),
    records,
  };
}
