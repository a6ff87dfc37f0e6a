/**
 * Readiness for a large organization: 1,000 controls, all five categories, 5,000 mappings.
 * Measures the whole service call (load from the database + compute) and the pure engine.
 */
import { randomUUID } from "node:crypto";
import { CRITERIA } from "../src/catalog/index.ts";
import { insertControls } from "../src/db/controls.repo.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { actorIn, scopeOf } from "../src/domain/actor.ts";
import type { Actor, Principal } from "../src/domain/actor.ts";
import { CONTROL_STATUSES } from "../src/domain/control.ts";
import type { Control } from "../src/domain/control.ts";
import { computeReadiness } from "../src/domain/readiness.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import { getReadiness } from "../src/services/program/readiness.service.ts";
import { loadScope } from "../src/services/program/scope-read.ts";
import { listControls } from "../src/services/program/controls-read.ts";
import { measure, sized } from "./measure.ts";
import type { BenchSize, Measurement } from "./measure.ts";

const CONTROLS = 1000;
const MAPPINGS_PER_CONTROL = 5;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

function syntheticControls(at: string, count: number): Control[] {
  return Array.from({ length: count }, (_, i) => {
    // Deterministic spread: every criterion gets mappings, statuses cycle through all four.
    const criteria = Array.from(
      { length: MAPPINGS_PER_CONTROL },
      (_, k) => CRITERIA[(i * 7 + k * 13) % CRITERIA.length]!.id,
    );
    const status = CONTROL_STATUSES[i % 7 === 0 ? 3 : i % 3]!;
    return {
      // Unique per run: the HTTP bench seeds a second organization in the same database.
      id: randomUUID(),
      ref: `BENCH-${String(i).padStart(4, "0")}`,
      templateId: null,
      title: `Synthetic control ${i}`,
      description: "A synthetic control for the readiness benchmark.",
      kind: "preventive",
      automation: "manual",
      frequency: "quarterly",
      ownerRole: "security",
      owner: null,
      status,
      statusReason: status === "not-applicable" ? "Synthetic reason for the bench." : null,
      suggestedEvidence: ["a record"],
      testProcedure: "Inspect the record.",
      version: 1,
      criteria: [...new Set(criteria)],
      createdAt: at,
      updatedAt: at,
    };
  });
}

export interface ReadinessBench {
  controls: number;
  mappings: number;
  service: Measurement;
  engine: Measurement;
}

/** An organization in all five categories with synthetic controls (1,000 unless told); returns its owner. */
export async function seedLargeOrganization(
  ctx: ServiceContext,
  principal: Principal = bench,
  name = "Bench Corp",
  count = CONTROLS,
): Promise<{ actor: Actor; mappings: number }> {
  const { organization } = await createOrganization(ctx, principal, {
    name,
    categories: ["security", "availability", "processing-integrity", "confidentiality", "privacy"],
    adoptLibrary: false,
  });
  const actor = actorIn(principal, organization.id, "owner");
  const controls = syntheticControls(new Date().toISOString(), count);
  await inTransaction(ctx.db, (tx) => insertControls(tx, scopeOf(actor), controls));
  return { actor, mappings: controls.reduce((sum, c) => sum + c.criteria.length, 0) };
}

export async function benchReadiness(
  ctx: ServiceContext,
  size: BenchSize,
): Promise<ReadinessBench> {
  const { actor, mappings } = await seedLargeOrganization(
    ctx,
    bench,
    "Bench Corp",
    sized(size, CONTROLS, 50),
  );
  const runs = { warmup: sized(size, 5, 1), runs: sized(size, 50, 3) };
  const service = await measure(() => getReadiness(ctx, actor), runs);
  const loaded = await listControls(ctx, actor);
  const scope = await inTransaction(ctx.db, (tx) => loadScope(tx, actor));
  const engine = await measure(
    async () =>
      computeReadiness({
        categories: scope.categories,
        exclusions: scope.exclusions,
        controls: loaded,
      }),
    runs,
  );
  return { controls: loaded.length, mappings, service, engine };
}
