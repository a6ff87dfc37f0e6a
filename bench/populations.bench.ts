/**
 * A population of 100,000 rows (1,000 in a smoke run) imported for one event-driven control
 * from CSV, accepted by the auditor, and sampled: the bar is under 5 s for the import
 * and the draw on each engine.
 */
import { performance } from "node:perf_hooks";
import { insertControls } from "../src/db/controls.repo.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { actorIn, scopeOf } from "../src/domain/actor.ts";
import type { Actor, Principal } from "../src/domain/actor.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import {
  advanceEngagement,
  createEngagement,
} from "../src/services/fieldwork/engagements.service.ts";
import {
  importPopulation,
  reviewPopulation,
} from "../src/services/fieldwork/populations.service.ts";
import { drawEngagementSample } from "../src/services/fieldwork/sampling.service.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";
import { syntheticControl } from "./synthetic.ts";

const ROWS = 100_000;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface PopulationsBench {
  rows: number;
  megabytes: number;
  importMs: number;
  acceptMs: number;
  drawMs: number;
  sampled: number;
}

function populationCsv(rows: number): string {
  const lines = ["key,date,label"];
  for (let i = 0; i < rows; i += 1) {
    const date = `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    lines.push(`PR-${100000 + i},${date},"Pull request #${100000 + i}, merged to main"`);
  }
  return `${lines.join("\n")}\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

export async function benchPopulations(
  ctx: ServiceContext,
  size: BenchSize,
): Promise<PopulationsBench> {
  const { organization } = await createOrganization(ctx, bench, {
    name: "Populations Bench",
    adoptLibrary: false,
    timeZone: "Europe/Paris",
  });
  const owner = actorIn(bench, organization.id, "owner");
  const control = syntheticControl(new Date().toISOString(), {
    id: "population-bench-control",
    ref: "PB-01",
    title: "Changes reviewed before release",
    automation: "manual",
    frequency: "event-driven",
  });
  await inTransaction(ctx.db, (tx) => insertControls(tx, scopeOf(owner), [control]));
  const engagement = await createEngagement(ctx, owner, {
    type: 2,
    from: "2025-01-01",
    to: "2025-12-31",
    auditFirm: "Bench LLP",
  });
  const handle = `E-${engagement.number}`;
  for (let i = 0; i < 3; i += 1) await advanceEngagement(ctx, owner, handle);
  const rows = sized(size, ROWS, 1000);
  const content = populationCsv(rows);
  const [, importMs] = await timed(() =>
    importPopulation(ctx, owner, handle, {
      control: "PB-01",
      format: "csv",
      content,
      source: "GitHub",
      completeness: "Every pull request merged to main in 2025.",
    }),
  );
  const auditor: Actor = { ...owner, role: "auditor", engagements: [engagement.id] };
  const [, acceptMs] = await timed(() =>
    reviewPopulation(ctx, auditor, handle, { control: "PB-01", decision: "accept" }),
  );
  const [sample, drawMs] = await timed(() =>
    drawEngagementSample(ctx, auditor, handle, { seed: "bench" }),
  );
  return {
    rows,
    megabytes: Math.round((Buffer.byteLength(content) / 1024 / 1024) * 10) / 10,
    importMs,
    acceptMs,
    drawMs,
    sampled: sample.controls.reduce((sum, c) => sum + c.items.length, 0),
  };
}

export function formatPopulationsBench(engine: string, p: PopulationsBench): string {
  const verdict = (ms: number) => (ms < 5000 ? "meets" : "MISSES");
  return (
    `[${engine}] populations: ${p.rows} rows (${p.megabytes} MB of CSV) imported in ` +
    `${p.importMs} ms (${verdict(p.importMs)} the 5 s target), accepted in ${p.acceptMs} ms, ` +
    `${p.sampled} items drawn in ${p.drawMs} ms (${verdict(p.drawMs)} the 5 s target)`
  );
}
