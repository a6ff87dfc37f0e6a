/** 10,000 evidence records added through the service, one transaction and audit event each. */
import { performance } from "node:perf_hooks";
import { actorIn } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { addEvidence } from "../src/services/evidence.service.ts";
import { createOrganization } from "../src/services/organizations.service.ts";

const RECORDS = 10_000;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface EvidenceBench {
  records: number;
  seconds: number;
  perSecond: number;
}

export async function benchEvidence(ctx: ServiceContext): Promise<EvidenceBench> {
  const { organization } = await createOrganization(ctx, bench, { name: "Evidence Bench" });
  const actor = actorIn(bench, organization.id, "owner");
  const refs = ["AC-01", "AC-02", "CM-01", "OP-03", "GV-11"];
  const start = performance.now();
  for (let i = 0; i < RECORDS; i += 1) {
    await addEvidence(
      ctx,
      actor,
      { kind: "record", record: { kind: "bench.check", data: { run: i, passing: i % 17 !== 0 } } },
      {
        title: `check ${i}`,
        source: "automated",
        controls: [refs[i % refs.length] ?? "AC-01"],
        forDate: "2026-01-15",
      },
    );
  }
  const seconds = (performance.now() - start) / 1000;
  return { records: RECORDS, seconds: round(seconds), perSecond: Math.round(RECORDS / seconds) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
