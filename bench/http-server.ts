/**
 * The server side of the HTTP benchmark, in its own process so the load generator does not
 * share its event loop: Attest's app with an organization of 1,000 controls, and beside it a
 * bare Fastify serving the very bytes Attest answered. Talks to the bench over IPC.
 */
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/server/app.ts";
import { completeSetup, issueSetupToken } from "../src/services/auth.service.ts";
import { openContext } from "../src/services/context.ts";
import type { DatabaseTarget } from "../src/db/connect.ts";
import { seedLargeOrganization } from "./readiness.bench.ts";

const target = JSON.parse(process.env.BENCH_TARGET ?? "null") as DatabaseTarget;
const ctx = await openContext({ database: target, dataDir: process.env.BENCH_DATA_DIR ?? "." });

const setupToken = await issueSetupToken(ctx);
const issued = await completeSetup(
  ctx,
  {
    token: setupToken ?? "",
    email: "bench@bench.example",
    name: "Bench Owner",
    password: "bench password for load tests",
  },
  { address: null, userAgent: null },
);
const principal = { kind: "user" as const, id: issued.view.user.id, name: "Bench Owner" };
await seedLargeOrganization(ctx, principal, "Bench HTTP");

const app = await buildApp({ ctx, logLevel: "warn" });
const cookie = `attest_session=${issued.token}`;
const paths = {
  readiness: "/api/v1/orgs/bench-http/readiness",
  controls: "/api/v1/orgs/bench-http/controls",
};
const bytes: Record<string, string> = {};
for (const [name, path] of Object.entries(paths)) {
  const response = await app.inject({ method: "GET", url: path, headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  bytes[name] = response.body;
}
await app.listen({ host: "127.0.0.1", port: 0 });

const bare = Fastify();
for (const [name, path] of Object.entries(paths)) {
  const body = bytes[name] ?? "";
  bare.get(path, async (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(body),
  );
}
await bare.listen({ host: "127.0.0.1", port: 0 });

const url = (server: FastifyInstance) => {
  const address = server.server.address();
  return typeof address === "object" && address !== null ? `http://127.0.0.1:${address.port}` : "";
};
process.send?.({
  ready: true,
  attestUrl: url(app),
  bareUrl: url(bare),
  cookie,
  paths,
  sizes: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, Buffer.byteLength(v)])),
});
process.on("message", (message) => {
  // A clean exit lets --cpu-prof write its profile when someone profiles this server.
  if (message === "exit") process.exit(0);
  if (message === "memory") {
    global.gc?.();
    process.send?.({ rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) });
  }
});
