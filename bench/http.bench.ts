/**
 * HTTP load (autocannon, 50 connections): the readiness endpoint and the controls list of an
 * organization with 1,000 controls, each next to two yardsticks serving the same bytes in the
 * same run: a bare Fastify route that does no work, and one that makes the two indexed
 * lookups every Attest request makes (session with user, membership with organization and
 * audit head) through the raw driver. Attest's share of each is the figure; then the server's
 * memory.
 */
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import type { DatabaseTarget } from "../src/db/connect.ts";
import { sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";

const CONNECTIONS = 50;

interface Ready {
  attestUrl: string;
  bareUrl: string;
  lookupUrl: string;
  cookie: string;
  paths: Record<"readiness" | "controls", string>;
  sizes: Record<string, number>;
}

export interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  /**
   * The server process's CPU time per request (PostgreSQL's own is not in it). Other work on
   * the machine moves it much less than it moves requests per second.
   */
  cpuUsPerRequest: number;
}

export interface HttpEndpoint {
  name: string;
  bytes: number;
  attest: Load;
  /** A Fastify route sending the same bytes and doing nothing else. */
  bare: Load;
  /** A Fastify route making the same two lookups through the raw driver, then sending them. */
  lookup: Load;
  /** Attest's requests per second as a share of the bare route's. */
  ratio: number;
  /** Attest's requests per second as a share of the lookup route's. */
  lookupRatio: number;
}

export interface HttpBench {
  connections: number;
  endpoints: HttpEndpoint[];
  serverRssMb: number;
  /** Live heap after a full collection, and the heap V8 keeps (young generation included). */
  serverHeapUsedMb: number;
  serverHeapTotalMb: number;
}

/** Sends the server a message and waits for its answer. */
function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise<T>((resolve) => {
    child.once("message", (answer) => resolve(answer as T));
    child.send(message);
  });
}

const cpuMicros = async (child: ChildProcess) => {
  const { cpu } = await ask<{ cpu: NodeJS.CpuUsage }>(child, "cpu");
  return cpu.user + cpu.system;
};

async function load(
  child: ChildProcess,
  url: string,
  cookie: string,
  { seconds, warmup }: { seconds: number; warmup: number },
): Promise<Load> {
  // Unmeasured first: compiling the hot code and collecting the seeding's garbage belong to
  // whichever server happens to run first.
  await autocannon({ url, connections: CONNECTIONS, amount: warmup, headers: { cookie } });
  const cpuBefore = await cpuMicros(child);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie },
  });
  const cpu = (await cpuMicros(child)) - cpuBefore;
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: non2xx,
    cpuUsPerRequest: Math.round(cpu / Math.max(1, result.requests.total)),
  };
}

const share = (part: Load, whole: Load) =>
  Math.round((part.requestsPerSecond / whole.requestsPerSecond) * 100) / 100;

export async function benchHttp(
  target: DatabaseTarget,
  dataDir: string,
  size: BenchSize = "full",
): Promise<HttpBench> {
  const timing = {
    seconds: Number(process.env.BENCH_HTTP_SECONDS ?? sized(size, 10, 1)),
    warmup: sized(size, 2000, 200),
  };
  const child = fork(new URL("./http-server.ts", import.meta.url), {
    env: {
      ...process.env,
      BENCH_TARGET: JSON.stringify(target),
      BENCH_DATA_DIR: dataDir,
      BENCH_SIZE: size,
    },
    // The young generation capped as `npm start` caps it (see the README's Server section).
    execArgv: ["--import", "tsx", "--expose-gc", "--max-semi-space-size=16"],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once("message", (message) => resolve(message as Ready));
      child.once("exit", (code) => reject(new Error(`bench server exited with ${String(code)}`)));
    });
    const endpoints: HttpEndpoint[] = [];
    for (const name of ["readiness", "controls"] as const) {
      const path = ready.paths[name];
      const attest = await load(child, `${ready.attestUrl}${path}`, ready.cookie, timing);
      const bare = await load(child, `${ready.bareUrl}${path}`, ready.cookie, timing);
      const lookup = await load(child, `${ready.lookupUrl}${path}`, ready.cookie, timing);
      endpoints.push({
        name,
        bytes: ready.sizes[name] ?? 0,
        attest,
        bare,
        lookup,
        ratio: share(attest, bare),
        lookupRatio: share(attest, lookup),
      });
    }
    const memory = await ask<{ rssMb: number; heapUsedMb: number; heapTotalMb: number }>(
      child,
      "memory",
    );
    return {
      connections: CONNECTIONS,
      endpoints,
      serverRssMb: memory.rssMb,
      serverHeapUsedMb: memory.heapUsedMb,
      serverHeapTotalMb: memory.heapTotalMb,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

/** Targets from issue 11: against the lookup route, and latency at 50 connections. */
const LOOKUP_TARGET = 0.7;
const P99_TARGET_MS = 50;
const RSS_TARGET_MB = 250;

export function formatHttpBench(engine: string, h: HttpBench): string {
  const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
  const figure = (l: Load) =>
    `${l.requestsPerSecond} req/s p99 ${l.p99Ms} ms (${l.cpuUsPerRequest} µs CPU each)`;
  const lines = h.endpoints.map((e) => {
    const meets = e.lookupRatio >= LOOKUP_TARGET && e.attest.p99Ms < P99_TARGET_MS;
    const errors = e.attest.errors + e.bare.errors + e.lookup.errors;
    return (
      `[${engine}] http ${e.name} (${e.bytes} bytes, ${h.connections} connections): ` +
      `Attest ${figure(e.attest)}; bare Fastify ${figure(e.bare)}; two raw lookups ` +
      `${figure(e.lookup)}: ratio ${e.ratio} to bare, ${e.lookupRatio} to lookups ` +
      `(target >= ${LOOKUP_TARGET} with p99 < ${P99_TARGET_MS} ms: ${verdict(meets)}); ` +
      `errors ${errors}`
    );
  });
  lines.push(
    `[${engine}] http server memory after the load: ${h.serverRssMb} MB RSS, heap ` +
      `${h.serverHeapUsedMb} MB live of ${h.serverHeapTotalMb} MB held ` +
      `(target < ${RSS_TARGET_MB} MB: ${verdict(h.serverRssMb < RSS_TARGET_MB)})`,
  );
  return lines.join("\n");
}
