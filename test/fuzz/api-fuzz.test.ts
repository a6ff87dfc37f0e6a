/**
 * A bounded, seeded fuzz of every operation in the OpenAPI document: odd path parameters,
 * unknown and ill-typed query values, bodies of the wrong shape, broken JSON, multipart and
 * headers. Whatever arrives, the answer is never a 5xx, every refusal is problem+json, and a
 * 422 names the fields at fault. Run with FUZZ_SEED=<n> to replay a failure it printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestContext } from "../support/database.ts";
import { createTestContext } from "../support/database.ts";
import { TEST_PASSWORD, client, createApi, setupOwner } from "../support/http.ts";
import type { Api, Client } from "../support/http.ts";
import { buildWorld } from "../rbac/routes/index.ts";
import type { World } from "../rbac/routes/index.ts";
import {
  arbitraryBody,
  arbitraryHeaders,
  arbitraryQuery,
  arbitraryText,
  encode,
} from "./arbitrary.ts";
import type { JsonSchema } from "./arbitrary.ts";
import { Random } from "./random.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Requests per operation: a few thousand in all, still a short test. */
const TRIES = Number(process.env.FUZZ_TRIES ?? 24);

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  body: JsonSchema | undefined;
}

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let t: TestContext;
let api: Api;
let owner: Client;
let world: World;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestContext();
  api = await createApi(t);
  owner = await setupOwner(t, api);
  world = await buildWorld(api, owner, "Fuzz Corp", "fuzz");
  const document = (await owner.request("GET", "/api/v1/openapi.json")).json<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
  }>();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (spec.parameters as Operation["parameters"] | undefined) ?? [],
      body: (spec.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.["application/json"]?.schema,
    })),
  );
}, 120_000);

afterAll(async () => {
  await api?.close();
  await t?.close();
});

const OWNER_EMAIL = "olivia@acme.example";

/**
 * Signs the owner in again after a fuzzed request ended their session (logout, a revoked
 * session) or locked them out (wrong current passwords count toward the lockout).
 */
async function signInAgain(): Promise<Client> {
  const fresh = client(api);
  const login = () =>
    fresh.request("POST", "/api/v1/auth/login", { email: OWNER_EMAIL, password: TEST_PASSWORD });
  let response = await login();
  if (response.statusCode === 429) {
    t.advance(16 * 60_000);
    response = await login();
  }
  if (response.statusCode !== 200) throw new Error(`cannot sign in again: ${response.body}`);
  fresh.session = response.json<{ session: NonNullable<Client["session"]> }>().session;
  return fresh;
}

/** Real values for path parameters half the time, so requests get past the lookups. */
function pathValue(random: Random, name: string): string {
  if (name === "org") return random.chance(0.8) ? world.ids.organization : arbitraryText(random);
  if (random.chance(0.5)) return arbitraryText(random);
  return random.pick(Object.values(world.ids));
}

function buildUrl(random: Random, operation: Operation): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encode(pathValue(random, name)),
  );
  const names = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const query = arbitraryQuery(random, names);
  return query === "" ? path : `${path}?${query}`;
}

describe("fuzzing every API operation", () => {
  it(`never answers 5xx, and refuses with problem+json naming fields (seed ${SEED})`, async () => {
    const random = new Random(SEED);
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      if (operation.path.startsWith("/api/v1/docs")) continue;
      for (let i = 0; i < TRIES; i += 1) {
        const url = buildUrl(random, operation);
        const { payload, headers } = arbitraryBody(random, operation.body);
        const extra = arbitraryHeaders(random);
        const response = await owner.request(operation.method as "GET", url, payload, {
          ...headers,
          ...extra,
        });
        sent += 1;
        if (response.statusCode === 401 && !("authorization" in extra)) {
          const alive = await owner.request("GET", "/api/v1/auth/session");
          if (alive.statusCode === 401) owner = await signInAgain();
        }
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const where = `${operation.method} ${url} → ${response.statusCode}`;
        if (response.statusCode >= 500) {
          failures.push(
            `${where}: ${response.body.slice(0, 300)} (body ${String(payload).slice(0, 200)})`,
          );
          continue;
        }
        if (response.statusCode < 400) continue;
        if (!String(response.headers["content-type"]).startsWith("application/problem+json")) {
          failures.push(`${where}: not problem+json (${String(response.headers["content-type"])})`);
          continue;
        }
        const problem = response.json<Problem>();
        if (response.statusCode === 422 && (problem.errors ?? []).length === 0) {
          failures.push(`${where}: 422 without field errors ("${problem.detail}")`);
        }
      }
    }
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzz seed ${SEED}: ${sent} requests over ${operations.length} operations: ${tally.join(" ")}`,
    );
    if (failures.length > 0) {
      console.error(
        `FUZZ_SEED=${SEED}: ${failures.length} of ${sent} failed\n${failures.join("\n")}`,
      );
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  }, 600_000);
});
