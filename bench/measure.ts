/** Times a function: a few warm-up calls, then the median and 95th percentile of the rest. */
import { performance } from "node:perf_hooks";

export interface Measurement {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export async function measure(
  work: () => Promise<unknown>,
  { warmup = 5, runs = 50 }: { warmup?: number; runs?: number } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

/**
 * How big a run is: `full` gives the figures quoted in notes; `smoke` (`npm run bench --
 * --smoke`, run by CI) is the same code on a few hundredth of the data, so a benchmark that
 * no longer runs fails the build without costing minutes.
 */
export type BenchSize = "full" | "smoke";

/** Picks the full or the smoke value of one setting. */
export function sized<T>(size: BenchSize, full: T, smoke: T): T {
  return size === "full" ? full : smoke;
}
