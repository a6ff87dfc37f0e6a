/**
 * Routes of src/server/routes/checks.ts: connectors, checks, runs, replay, exceptions, and a
 * population pulled through a connector. The connectors point at one fake GitHub API
 * (test/support/fake-github.ts) shared by the worlds of the test file, closed after it.
 */
import { afterAll } from "vitest";
import { compliantState, startFakeGitHub } from "../../support/fake-github.ts";
import type { FakeGitHub } from "../../support/fake-github.ts";
import { TYPE2_PERIOD, base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

let fake: Promise<FakeGitHub> | undefined;

/** The fake API, started on first use: one merged pull request in the worlds' Type 2 period. */
function fakeGitHub(): Promise<FakeGitHub> {
  if (fake === undefined) {
    const state = compliantState();
    const day = TYPE2_PERIOD.from.slice(0, 8) + "15";
    state.repositories[0]!.pulls = [
      {
        number: 1,
        title: "A reviewed change",
        author: "alice",
        createdAt: `${day}T09:00:00Z`,
        updatedAt: `${day}T12:00:00Z`,
        closedAt: `${day}T12:00:00Z`,
        mergedAt: `${day}T12:00:00Z`,
        reviews: [{ reviewer: "bob", state: "APPROVED", submittedAt: `${day}T11:00:00Z` }],
      },
    ];
    fake = startFakeGitHub({ state });
  }
  return fake;
}

afterAll(async () => {
  if (fake !== undefined) await (await fake).close();
});

const CHECK = "github.branch-requires-review";

async function connectorBody(world: World, label: string) {
  return {
    kind: "github",
    name: `GitHub ${label} ${world.next()}`,
    settings: { organization: "acme", repositories: "all", apiUrl: (await fakeGitHub()).url },
    credentials: { token: compliantState().token },
  };
}

/** A fresh connector of the world's organization (its id). */
async function newConnector(world: World, label: string): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request(
      "POST",
      `${base(world)}/connectors`,
      await connectorBody(world, label),
    ),
    201,
    "add connector",
  );
  return created.json<{ id: string }>().id;
}

/** A fresh exception (its id), on a resource id of its own. */
async function newException(world: World, label: string): Promise<string> {
  const created = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/checks/exceptions`, {
      check: CHECK,
      resource: `${world.prefix}/${label}-${world.next()}`,
      reason: "A scratch repository the matrix excepts.",
      until: "2026-12-31",
    }),
    201,
    "add exception",
  );
  return created.json<{ id: string }>().id;
}

/** The world's connector, a run of it (its id), and an exception (its id). */
export async function worldChecks(
  world: World,
): Promise<{ connector: string; checkRun: string; checkException: string }> {
  const connector = await newConnector(world, "world");
  const runs = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/checks/runs`, { connector }),
    201,
    "run checks",
  );
  const run = runs.json<{ items: { run: string }[] }>().items[0]?.run ?? "";
  const shown = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/checks/runs/${run}`),
    200,
    "show run",
  );
  return {
    connector,
    // The uuid: refs (CR-1) are numbered per organization, so another's CR-1 exists too.
    checkRun: shown.json<{ id: string }>().id,
    checkException: await newException(world, "world"),
  };
}

export const CHECK_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/connectors/kinds", action: "check:read", status: 200, prepare: none },
  { method: "GET", path: "/connectors", action: "check:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/connectors",
    action: "connector:manage",
    status: 201,
    prepare: async (world, role) => ({ params: {}, body: await connectorBody(world, role) }),
  },
  {
    method: "GET",
    path: "/connectors/:connector",
    action: "check:read",
    status: 200,
    resources: { connector: "connector" },
    prepare: async (world) => ({ params: { connector: world.ids.connector } }),
  },
  {
    method: "PATCH",
    path: "/connectors/:connector",
    action: "connector:manage",
    status: 200,
    resources: { connector: "connector" },
    prepare: async (world) => ({
      params: { connector: world.ids.connector },
      body: { intervalMinutes: 60 + (world.next() % 60) },
    }),
  },
  {
    method: "POST",
    path: "/connectors/:connector/test",
    action: "connector:manage",
    status: 200,
    resources: { connector: "connector" },
    prepare: async (world) => ({ params: { connector: world.ids.connector } }),
  },
  {
    method: "DELETE",
    path: "/connectors/:connector",
    action: "connector:manage",
    status: 200,
    resources: { connector: "connector" },
    prepare: async (world, role) => ({
      params: { connector: await newConnector(world, `remove-${role}`) },
    }),
  },
  { method: "GET", path: "/checks", action: "check:read", status: 200, prepare: none },
  { method: "GET", path: "/checks/runs", action: "check:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/checks/runs",
    action: "check:run",
    status: 201,
    prepare: async (world) => ({ params: {}, body: { connector: world.ids.connector } }),
  },
  {
    method: "GET",
    path: "/checks/runs/:run",
    action: "check:read",
    status: 200,
    resources: { run: "check-run" },
    prepare: async (world) => ({ params: { run: world.ids.checkRun } }),
  },
  {
    method: "GET",
    path: "/checks/runs/:run/replay",
    action: "check:read",
    status: 200,
    resources: { run: "check-run" },
    prepare: async (world) => ({ params: { run: world.ids.checkRun } }),
  },
  { method: "GET", path: "/checks/exceptions", action: "check:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/checks/exceptions",
    action: "check:except",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: {
        check: CHECK,
        resource: `${world.prefix}/except-${role}-${world.next()}`,
        reason: "Excepted by the role matrix test.",
        until: "2026-12-31",
      },
    }),
  },
  {
    method: "POST",
    path: "/checks/exceptions/:exception/revoke",
    action: "check:except",
    status: 200,
    resources: { exception: "check-exception" },
    prepare: async (world, role) => ({
      params: { exception: await newException(world, `revoke-${role}`) },
      body: { reason: "Revoked by the role matrix test." },
    }),
  },
  {
    method: "GET",
    path: "/checks/:check",
    action: "check:read",
    status: 200,
    prepare: async () => ({ params: { check: CHECK } }),
  },
  {
    method: "POST",
    path: "/engagements/:id/populations/:control/pull",
    action: "check:run",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.sampledEngagement, control: "CM-02" },
      body: {
        connector: world.ids.connector,
        population: "github.merged-pull-requests",
        reason: "A fresh pull made by the role matrix test.",
      },
    }),
  },
];
