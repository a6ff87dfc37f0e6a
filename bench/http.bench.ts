/**
 * HTTP load (autocannon, 50 connections): the readiness endpoint and the controls list of an
 * organization with 1,000 controls, each next to two yardsticks serving the same bytes in the
 * same run: a bare Fastify route that does no work, and one that makes the two indexed
 * lookups every Attest request makes (session with user, membership with organization and
 * audit head) through the raw driver. Attest's share of each is the figure, taken in rounds
 * that turn about between the three routes; then the server's memory.
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
  /** Attest's requests per second as a share of the bare route's (median over rounds). */
  ratio: number;
  /** Attest's requests per second as a share of the lookup route's (median over rounds). */
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

/** One timed run against one route: what autocannon and the server's CPU clock say. */
interface Round {
  requests: number;
  seconds: number;
  p99Ms: number;
  errors: number;
  cpuMicros: number;
}

async function warm(url: string, cookie: string, amount: number): Promise<void> {
  // Unmeasured: compiling the hot code and collecting the seeding's garbage belong to
  // whichever server happens to run first.
  await autocannon({ url, connections: CONNECTIONS, amount, headers: { cookie } });
}

async function round(
  child: ChildProcess,
  url: string,
  cookie: string,
  seconds: number,
): Promise<Round> {
  const cpuBefore = await cpuMicros(child);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie },
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMicros: (await cpuMicros(child)) - cpuBefore,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** A route's rounds together: throughput and CPU over all of them, the median round's p99. */
function summarize(rounds: Round[]): Load {
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requestsPerSecond: Math.round(requests / Math.max(seconds, 1e-9)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuUsPerRequest: Math.round(
      rounds.reduce((sum, r) => sum + r.cpuMicros, 0) / Math.max(1, requests),
    ),
  };
}

/** Attest's share of a yardstick: the median over rounds, each taken side by side. */
const roundShare = (part: Round[], whole: Round[]) =>
  Math.round(
    median(
      part.map((r, i) => {
        const other = whole[i];
        if (other === undefined || other.requests === 0) return 0;
        return r.requests / r.seconds / (other.requests / other.seconds);
      }),
    ) * 100,
  ) / 100;

export async function benchHttp(
  target: DatabaseTarget,
  dataDir: string,
  size: BenchSize = "full",
): Promise<HttpBench> {
  // Turn about, round by round, as the CLI benchmark does: a slow spell on a shared machine
  // then falls on all three routes alike instead of on whichever ran during it.
  const rounds = sized(size, 5, 1);
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? sized(size, 10, 1)) / rounds;
  const warmup = sized(size, 2000, 200);
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
      const urls = {
        attest: `${ready.attestUrl}${path}`,
        bare: `${ready.bareUrl}${path}`,
        lookup: `${ready.lookupUrl}${path}`,
      };
      for (const url of Object.values(urls)) await warm(url, ready.cookie, warmup);
      const timed = { attest: [] as Round[], bare: [] as Round[], lookup: [] as Round[] };
      for (let i = 0; i < rounds; i += 1) {
        for (const route of ["attest", "bare", "lookup"] as const) {
          timed[route].push(await round(child, urls[route], ready.cookie, seconds));
        }
      }
      endpoints.push({
        name,
        bytes: ready.sizes[name] ?? 0,
        attest: summarize(timed.attest),
        bare: summarize(timed.bare),
        lookup: summarize(timed.lookup),
        ratio: roundShare(timed.attest, timed.bare),
        lookupRatio: roundShare(timed.attest, timed.lookup),
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
