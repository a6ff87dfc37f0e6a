/**
 * HTTP load (autocannon, 50 connections): the readiness endpoint and the controls list of an
 * organization with 1,000 controls, each next to a bare Fastify route serving the same bytes
 * in the same run. The ratio of requests per second is the figure; then the server's memory.
 */
import { fork } from "node:child_process";
import autocannon from "autocannon";
import type { DatabaseTarget } from "../src/db/connect.ts";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);

interface Ready {
  attestUrl: string;
  bareUrl: string;
  cookie: string;
  paths: Record<"readiness" | "controls", string>;
  sizes: Record<string, number>;
}

export interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

export interface HttpBench {
  endpoints: { name: string; bytes: number; attest: Load; bare: Load; ratio: number }[];
  serverRssMb: number;
}

async function load(url: string, cookie: string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: non2xx,
  };
}

export async function benchHttp(target: DatabaseTarget, dataDir: string): Promise<HttpBench> {
  const child = fork(new URL("./http-server.ts", import.meta.url), {
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target), BENCH_DATA_DIR: dataDir },
    execArgv: ["--import", "tsx", "--expose-gc"],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once("message", (message) => resolve(message as Ready));
      child.once("exit", (code) => reject(new Error(`bench server exited with ${String(code)}`)));
    });
    const endpoints: HttpBench["endpoints"] = [];
    for (const name of ["readiness", "controls"] as const) {
      const path = ready.paths[name];
      const attest = await load(`${ready.attestUrl}${path}`, ready.cookie);
      const bare = await load(`${ready.bareUrl}${path}`, ready.cookie);
      const ratio = Math.round((attest.requestsPerSecond / bare.requestsPerSecond) * 100) / 100;
      endpoints.push({ name, bytes: ready.sizes[name] ?? 0, attest, bare, ratio });
    }
    child.send("memory");
    const memory = await new Promise<{ rssMb: number }>((resolve) => {
      child.once("message", (message) => resolve(message as { rssMb: number }));
    });
    return { endpoints, serverRssMb: memory.rssMb };
  } finally {
    child.kill("SIGTERM");
  }
}
