/** Samples drawn for 200 controls (20 in a smoke run) over a twelve-month Type 2 period. */
import { performance } from "node:perf_hooks";
import { CONTROL_FREQUENCIES } from "../src/catalog/index.ts";
import { insertControls } from "../src/db/controls.repo.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { actorIn, scopeOf } from "../src/domain/actor.ts";
import type { Actor } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import type { Control } from "../src/domain/control.ts";
import { sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";
import { syntheticControl } from "./synthetic.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import {
  advanceEngagement,
  createEngagement,
} from "../src/services/fieldwork/engagements.service.ts";
import { addEvidence } from "../src/services/program/evidence.service.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import { drawEngagementSample } from "../src/services/fieldwork/sampling.service.ts";

const CONTROLS = 200;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface SamplingBench {
  controls: number;
  population: number;
  sampled: number;
  drawMs: number;
}

export async function benchSampling(ctx: ServiceContext, size: BenchSize): Promise<SamplingBench> {
  const { organization } = await createOrganization(ctx, bench, {
    name: "Sampling Bench",
    adoptLibrary: false,
    timeZone: "Europe/Paris",
  });
  const actor = actorIn(bench, organization.id, "owner");
  const at = new Date().toISOString();
  const controls: Control[] = Array.from({ length: sized(size, CONTROLS, 20) }, (_, i) =>
    syntheticControl(at, {
      id: `sampling-bench-${i}`,
      ref: `SB-${String(i).padStart(3, "0")}`,
      title: `Bench control ${i}`,
      automation: i % 10 === 0 ? "automated" : "manual",
      frequency: CONTROL_FREQUENCIES[i % CONTROL_FREQUENCIES.length] ?? "monthly",
    }),
  );
  await inTransaction(ctx.db, (tx) => insertControls(tx, scopeOf(actor), controls));
  // Event-driven controls need recorded events to have a population: 60 each.
  for (const control of controls.filter((c) => c.frequency === "event-driven")) {
    for (let day = 0; day < 60; day += 1) {
      const date = `2025-${String(1 + (day % 12)).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`;
      await addEvidence(
        ctx,
        actor,
        { kind: "link", url: `https://t.test/${control.ref}/${day}` },
        { title: "event", controls: [control.ref], forDate: date },
      );
    }
  }
  const engagement = await createEngagement(ctx, actor, {
    type: 2,
    from: "2025-01-01",
    to: "2025-12-31",
    auditFirm: "Bench LLP",
  });
  for (let i = 0; i < 3; i += 1) await advanceEngagement(ctx, actor, `E-${engagement.number}`);
  const started = performance.now();
  // Only the assigned auditor draws.
  const auditor: Actor = { ...actor, role: "auditor", engagements: [engagement.id] };
  const sample = await drawEngagementSample(ctx, auditor, `E-${engagement.number}`, {
    seed: "bench",
  });
  const drawMs = Math.round(performance.now() - started);
  return {
    controls: sample.controls.length,
    population: sample.controls.reduce((sum, c) => sum + c.population.length, 0),
    sampled: sample.controls.reduce((sum, c) => sum + c.items.length, 0),
    drawMs,
  };
}
