/** 10,000 evidence records (200 in a smoke run) added through the service, one transaction and audit event each. */
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { actorIn } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { addEvidence } from "../src/services/program/evidence.service.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import { sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";

const RECORDS = 10_000;
const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface EvidenceBench {
  records: number;
  seconds: number;
  perSecond: number;
}

export async function benchEvidence(ctx: ServiceContext, size: BenchSize): Promise<EvidenceBench> {
  const records = sized(size, RECORDS, 200);
  const { organization } = await createOrganization(ctx, bench, { name: "Evidence Bench" });
  const actor = actorIn(bench, organization.id, "owner");
  const refs = ["AC-01", "AC-02", "CM-01", "OP-03", "GV-11"];
  const start = performance.now();
  for (let i = 0; i < records; i += 1) {
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
  return { records, seconds: round(seconds), perSecond: Math.round(records / seconds) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface LargeFileBench {
  megabytes: number;
  seconds: number;
  peakRssGrowthMb: number;
}

/** A 256 MB file (16 MB in a smoke run) streamed in: the process's memory must not grow with the file's size. */
export async function benchLargeFile(
  ctx: ServiceContext,
  size: BenchSize,
): Promise<LargeFileBench> {
  const { organization } = await createOrganization(ctx, bench, { name: "Large File Bench" });
  const actor = actorIn(bench, organization.id, "owner");
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const megabytes = sized(size, 256, 16);
  const content = Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i += 1) {
        chunk[0] = i % 256; // not all chunks alike
        yield Buffer.from(chunk);
      }
    })(),
  );
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    await addEvidence(
      { ...ctx, maxEvidenceBytes: (megabytes + 1) * 1024 * 1024 },
      actor,
      { kind: "file", content, fileName: "large.bin" },
      { title: "large", controls: ["AC-01"], forDate: "2026-01-15" },
    );
  } finally {
    clearInterval(sampler);
  }
  return {
    megabytes,
    seconds: round((performance.now() - start) / 1000),
    peakRssGrowthMb: Math.round((peak - baseline) / 1024 / 1024),
  };
}
