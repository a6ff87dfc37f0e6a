/**
 * The server side of the HTTP benchmark, in its own process so the load generator does not
 * share its event loop: Attest's app with an organization of 1,000 controls (60 at smoke
 * size), and beside it two yardsticks serving the very bytes Attest answered: a bare Fastify
 * route that does no work, and one that first makes the two indexed lookups every Attest
 * request makes, through the raw driver. Talks to the bench over IPC.
 */
import { hash } from "node:crypto";
import SQLite from "better-sqlite3";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.ts";
import { completeSetup, issueSetupToken } from "../src/services/access/auth.service.ts";
import { openContext } from "../src/services/platform/context.ts";
import type { DatabaseTarget } from "../src/db/connect.ts";
import { sized } from "./measure.ts";
import type { BenchSize } from "./measure.ts";
import { seedLargeOrganization } from "./readiness.bench.ts";

const SESSION = /(?:^|;\s*)attest_session=([^;]+)/;

/** The same SQL text as findLiveSessionWithUser and findOrganizationForMember. */
const SESSION_SQL = `select s.*, u.email as user_email, u.name as user_name,
  u.totp_enabled_at as user_totp_enabled_at, u.created_at as user_created_at
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2`;
const MEMBER_SQL = `select o.*, m.role as role
  from organizations o join memberships m on m.organization_id = o.id
  where (o.slug = $1 or o.id = $2) and m.user_id = $3`;

type Row = Record<string, unknown>;

interface RawLookups {
  session(tokenHash: string, now: string): Promise<{ user_id: string } | undefined>;
  member(handle: string, userId: string): Promise<Row | undefined>;
}

/**
 * The two lookups as a hand-written route would make them: on PostgreSQL through a pg pool
 * sized like Attest's, on SQLite through statements prepared once on a second connection.
 */
function rawLookups(database: DatabaseTarget): RawLookups {
  if (database.engine === "postgres") {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 10,
      ...(database.schema === undefined ? {} : { options: `-c search_path=${database.schema}` }),
    });
    return {
      session: async (tokenHash, now) =>
        (await pool.query<{ user_id: string }>(SESSION_SQL, [tokenHash, now])).rows[0],
      member: async (handle, userId) =>
        (await pool.query<Row>(MEMBER_SQL, [handle, handle, userId])).rows[0],
    };
  }
  const sqlite = new SQLite(database.file, { readonly: true });
  const positional = (text: string) => text.replace(/\$\d/g, "?");
  const session = sqlite.prepare<[string, string], { user_id: string }>(positional(SESSION_SQL));
  const member = sqlite.prepare<[string, string, string], Row>(positional(MEMBER_SQL));
  return {
    session: async (tokenHash, now) => session.get(tokenHash, now),
    member: async (handle, userId) => member.get(handle, handle, userId),
  };
}

const target = JSON.parse(process.env.BENCH_TARGET ?? "null") as DatabaseTarget;
const size = (process.env.BENCH_SIZE ?? "full") as BenchSize;
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
await seedLargeOrganization(ctx, principal, "Bench HTTP", sized(size, 1000, 60));
const slug = "bench-http";

const app = await buildApp({ ctx, logLevel: "warn" });
const cookie = `attest_session=${issued.token}`;
const paths = {
  readiness: `/api/v1/orgs/${slug}/readiness`,
  controls: `/api/v1/orgs/${slug}/controls`,
};
const bytes: Record<string, string> = {};
for (const [name, path] of Object.entries(paths)) {
  const response = await app.inject({ method: "GET", url: path, headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  bytes[name] = response.body;
}
await app.listen({ host: "127.0.0.1", port: 0 });

// The yardsticks send bytes encoded once, as a route serving a prepared answer would.
const bare = Fastify();
for (const [name, path] of Object.entries(paths)) {
  const body = Buffer.from(bytes[name] ?? "");
  bare.get(path, async (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(body),
  );
}
await bare.listen({ host: "127.0.0.1", port: 0 });

const lookup = Fastify();
const lookups = rawLookups(target);
for (const [name, path] of Object.entries(paths)) {
  const body = Buffer.from(bytes[name] ?? "");
  lookup.get(path, async (request, reply) => {
    const token = SESSION.exec(request.headers.cookie ?? "")?.[1];
    const found =
      token === undefined
        ? undefined
        : await lookups.session(hash("sha256", token, "hex"), new Date().toISOString());
    if (found === undefined) return reply.status(401).send();
    const member = await lookups.member(slug, found.user_id);
    if (member === undefined) return reply.status(404).send();
    return reply.type("application/json; charset=utf-8").send(body);
  });
}
await lookup.listen({ host: "127.0.0.1", port: 0 });

const url = (server: FastifyInstance) => {
  const address = server.server.address();
  return typeof address === "object" && address !== null ? `http://127.0.0.1:${address.port}` : "";
};
process.send?.({
  ready: true,
  attestUrl: url(app),
  bareUrl: url(bare),
  lookupUrl: url(lookup),
  cookie,
  paths,
  sizes: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, Buffer.byteLength(v)])),
});
process.on("message", (message) => {
  // A clean exit lets --cpu-prof write its profile when someone profiles this server.
  if (message === "exit") process.exit(0);
  // CPU time is less disturbed than throughput when other work shares the machine.
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  if (message === "memory") {
    global.gc?.();
    // The heap beside the RSS: what is live after a full collection, and what V8 holds for it.
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    process.send?.({ rssMb: mb(rss), heapUsedMb: mb(heapUsed), heapTotalMb: mb(heapTotal) });
  }
});
