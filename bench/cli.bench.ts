/**
 * How fast the `attest` binary answers, next to `node -e 0` in the same run: each command is
 * run as a user runs it (a new process, the compiled CLI), turn about with the baseline so a
 * busy moment hits both. Peak memory is the process's own high-water mark (maxRSS), taken in
 * separate runs so the probe does not count in the times.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { DatabaseTarget } from "../src/db/connect.ts";
import type { BenchSize } from "./measure.ts";
import { sized } from "./measure.ts";

const BIN = path.resolve(import.meta.dirname, "../bin/attest.js");
/**
 * Prints the process's peak memory in bytes when it exits: VmHWM, the high-water mark of this
 * process's own memory. (getrusage's maxRSS is no good here: Linux carries into it the memory
 * the process had before exec, a copy of the large benchmark process that spawned it.)
 */
const PEAK_PROBE =
  "data:text/javascript,import{readFileSync as r}from'node:fs';process.on('exit',()=>{" +
  "const m=/VmHWM:\\s+(\\d+) kB/.exec(r('/proc/self/status','utf8'));" +
  "process.stderr.write('maxrss='+(m?Number(m[1])*1024:process.resourceUsage().maxRSS*1024)+'\\n')})";

export interface CliTiming {
  command: string;
  medianMs: number;
  /** Median wall time over the baseline's median in the same run. */
  ratio: number;
  peakMb: number;
}

export interface CliBench {
  baselineMs: number;
  commands: CliTiming[];
}

const COMMANDS: readonly (readonly string[])[] = [
  ["readiness", "--json"],
  ["controls", "list", "--json"],
  ["--version"],
];

function run(args: readonly string[], env: NodeJS.ProcessEnv): { ms: number; stderr: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} exited ${String(result.status)}: ${result.stderr}`);
  }
  return { ms, stderr: result.stderr };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number, places = 0) => Math.round(value * 10 ** places) / 10 ** places;

export async function benchCli(
  target: DatabaseTarget,
  engineDir: string,
  size: BenchSize,
): Promise<CliBench> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "attest-cli-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // On SQLite the commands get a database of their own in a fresh folder; a PostgreSQL
    // schema is shared with the other benchmarks, so they use its folder (and so its key).
    ATTEST_DATA_DIR: target.engine === "postgres" ? engineDir : dataDir,
    // A PostgreSQL bench schema holds the other benchmarks' organizations too.
    ATTEST_ORG: "cli-bench",
    ...(target.engine === "postgres"
      ? {
          DATABASE_URL:
            target.schema === undefined
              ? target.url
              : `${target.url}?options=${encodeURIComponent(`-c search_path=${target.schema}`)}`,
        }
      : {}),
  };
  const runs = sized(size, 15, 3);
  try {
    // A small organization with the control library adopted; the first call also compiles.
    run(
      [BIN, "init", "--name", "CLI Bench", "--categories", "security,availability", "--json"],
      env,
    );
    const baseline: number[] = [];
    const times = COMMANDS.map(() => [] as number[]);
    for (let i = 0; i < runs + 1; i += 1) {
      const first = i === 0; // warm-up: file caches and V8's compile cache
      const b = run(["-e", "0"], env).ms;
      if (!first) baseline.push(b);
      COMMANDS.forEach((args, c) => {
        const ms = run([BIN, ...args], env).ms;
        if (!first) times[c]?.push(ms);
      });
    }
    const baselineMs = median(baseline);
    const commands = COMMANDS.map((args, c) => {
      const probe = run(["--import", PEAK_PROBE, BIN, ...args], env).stderr;
      const peak = Number(/maxrss=(\d+)/.exec(probe)?.[1] ?? Number.NaN);
      const medianMs = median(times[c] ?? []);
      return {
        command: `attest ${args.join(" ")}`,
        medianMs: round(medianMs),
        ratio: round(medianMs / baselineMs, 2),
        peakMb: round(peak / 1024 / 1024),
      };
    });
    return { baselineMs: round(baselineMs), commands };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatCliBench(engine: string, bench: CliBench): string {
  return bench.commands
    .map(
      (c) =>
        `[${engine}] cli ${c.command}: median ${c.medianMs} ms vs node -e 0 ${bench.baselineMs} ms ` +
        `(ratio ${c.ratio}; target <= 3: ${c.ratio <= 3 ? "meets" : "MISSES"}), peak ${c.peakMb} MB ` +
        `(target < 100 MB: ${c.peakMb < 100 ? "meets" : "MISSES"})`,
    )
    .join("\n");
}
