/**
 * An audit log of 100,000 events (2,000 in a smoke run) verified, next to node:crypto hashing the same bytes in the
 * same run. The events are written straight into the table (a valid chain built here), since
 * the bench is about verifying, not about writing them one service call at a time.
 */
import { hash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { insertChainedEvents, listAuditEvents } from "../src/db/audit.repo.ts";
import { inTransaction, read } from "../src/db/transaction.ts";
import { actorIn, scopeOf } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import { canonicalJson, chainEvent, verifyChain } from "../src/domain/audit-chain.ts";
import type { ChainedAuditEvent } from "../src/domain/audit-chain.ts";
import { verifyAuditLog } from "../src/services/platform/audit-log.service.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import { measure, sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";

const BATCH = 500;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface AuditBench {
  events: number;
  megabytes: number;
  verifyServiceMs: number;
  verifyChainMs: number;
  rawHashMs: number;
  /** Chain verification speed as a share of raw node:crypto hashing of the same bytes. */
  chainRatio: number;
  serviceRatio: number;
}

/** The same bytes verification hashes, prepared up front so the baseline only hashes. */
function eventBytes(e: ChainedAuditEvent): Buffer {
  return Buffer.from(e.body); // a copy, so the baseline does not hash the very same objects
}

export async function benchAudit(ctx: ServiceContext, size: BenchSize): Promise<AuditBench> {
  const total = sized(size, 100_000, 2_000);
  const { organization } = await createOrganization(ctx, bench, {
    name: "Audit Bench",
    adoptLibrary: false,
  });
  const actor = actorIn(bench, organization.id, "owner");
  // Creating the organization wrote its first events (how many is not this bench's business):
  // the synthetic chain continues from the last of them.
  const written = await read(ctx.db, (tx) => listAuditEvents(tx, scopeOf(actor)));
  const head = written.at(-1);
  if (head === undefined) throw new Error("bench organization has no audit events");
  let prevHash = head.hash;
  const events: ChainedAuditEvent[] = [];
  for (let seq = head.seq + 1; seq <= total; seq += 1) {
    const content = {
      organizationId: organization.id,
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
      actorKind: "user",
      actorId: `user:${seq % 40}`,
      actorName: `Person ${seq % 40}`,
      action: "control.updated",
      targetType: "control",
      targetId: `AC-${String(seq % 99).padStart(2, "0")}`,
      data: canonicalJson({
        changes: { status: { from: "in-progress", to: "implemented" } },
        reason: `step ${seq}`,
      }),
    };
    const event = chainEvent(content, prevHash);
    events.push(event);
    prevHash = event.hash;
  }
  for (let start = 0; start < events.length; start += BATCH) {
    const batch = events.slice(start, start + BATCH);
    await inTransaction(ctx.db, (tx) => insertChainedEvents(tx, batch));
  }

  const all: ChainedAuditEvent[] = [...written, ...events];
  const buffers = all.map(eventBytes);
  const megabytes = buffers.reduce((sum, b) => sum + b.length, 0) / 1e6;

  // Medians of several runs each, so one collection pause does not decide the figure.
  const raw = await measure(
    async () => {
      for (const bytes of buffers) hash("sha256", bytes, "hex");
    },
    { warmup: 2, runs: 15 },
  );
  const chain = await measure(
    async () => {
      const broken = verifyChain(all);
      if (broken !== null) throw new Error(`bench chain is broken: ${broken.reason}`);
    },
    { warmup: 2, runs: 15 },
  );
  const rawHashMs = raw.medianMs;
  const verifyChainMs = chain.medianMs;
  const started = performance.now();
  const result = await verifyAuditLog(ctx, actor);
  const verifyServiceMs = performance.now() - started;
  if (!result.ok || result.events !== total) throw new Error("bench audit log did not verify");

  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    events: total,
    megabytes: round(megabytes),
    verifyServiceMs: Math.round(verifyServiceMs),
    verifyChainMs: Math.round(verifyChainMs),
    rawHashMs: Math.round(rawHashMs),
    chainRatio: round(rawHashMs / verifyChainMs),
    serviceRatio: round(rawHashMs / verifyServiceMs),
  };
}
