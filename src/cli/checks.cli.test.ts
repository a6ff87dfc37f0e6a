/**
 * `attest connectors` and `attest checks` against the fake GitHub API: add (the token from an
 * environment variable, never argv), run with a result for every GitHub check, show with the
 * source file, replay a run, except a resource, and pull merged pull requests as a population.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { compliantState, startFakeGitHub } from "../../test/support/fake-github.ts";
import type { FakeGitHub } from "../../test/support/fake-github.ts";
import { githubConnector } from "../integrations/github/connector.ts";

let database: TestDatabase;
let fake: FakeGitHub;
let env: Record<string, string>;
const TOKEN = "github_pat_test_token";

beforeEach(async () => {
  database = await createTestDatabase();
  fake = await startFakeGitHub({ state: compliantState() });
  env = { ...database.env, ATTEST_GITHUB_TOKEN: TOKEN };
  expect((await cli(env, "init", "--name", "Acme")).code).toBe(0);
});
afterEach(async () => {
  await fake.close();
  await database.drop();
});

async function ok(...argv: string[]) {
  const result = await cli(env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

const addGitHub = (...extra: string[]) => [
  "connectors",
  "add",
  "github",
  "--name",
  "GitHub acme",
  "--setting",
  "organization=acme",
  "--setting",
  "repositories=all",
  "--setting",
  `apiUrl=${fake.url}`,
  ...extra,
];

interface Summary {
  run: string;
  outcome: string;
  results: { checkId: string; status: string; ref: string }[];
}

describe("attest connectors and attest checks", () => {
  it("adds GitHub, runs a result for every GitHub check, shows, replays and excepts", async () => {
    const refused = await cli({ ...env, ATTEST_GITHUB_TOKEN: "wrong" }, ...addGitHub());
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("unauthorized");
    const added = json<{ ref: string }>(await ok(...addGitHub("--json")));
    expect(added.ref).toBe("CN-1");
    const listed = await ok("connectors", "list");
    expect(listed.out).toContain("GitHub acme");
    expect(listed.out).not.toContain(TOKEN);
    expect((await ok("connectors", "show", "CN-1", "--json")).out).not.toContain(TOKEN);

    fake.state.repositories[1]!.protection!.requiredPullRequestReviews = null;
    const [summary] = json<Summary[]>(await ok("checks", "run", "--json"));
    expect(summary?.outcome).toBe("ok");
    expect(summary?.results.map((r) => r.checkId).sort()).toEqual(
      githubConnector.checks.map((c) => c.id).sort(),
    );
    const review = summary?.results.find((r) => r.checkId === "github.branch-requires-review");
    expect(review?.status).toBe("fail");

    const catalog = json<{ id: string; controls: string[] }[]>(
      await ok("checks", "list", "--json"),
    );
    expect(catalog.find((c) => c.id === "github.branch-requires-review")?.controls).toContain(
      "CM-03",
    );
    const shown = await ok("checks", "show", "github.branch-requires-review");
    expect(shown.out).toMatch(/Source +src\/integrations\/github\/checks\/\S+\.ts/);
    expect(shown.out).toContain("CM-03");
    const detail = await ok("checks", "show", "github.branch-requires-review", "--results");
    expect(detail.out).toContain("acme/web");

    const replayed = json<{ agrees: boolean; results: unknown[] }>(
      await ok("checks", "replay", "--run", summary?.run ?? "", "--json"),
    );
    expect(replayed.agrees).toBe(true);
    expect(replayed.results).toHaveLength(githubConnector.checks.length);
    expect((await ok("checks", "replay", review?.ref ?? "")).out).toContain("agree");

    const failing = json<{ results: { resources: { resourceId: string; status: string }[] }[] }>(
      await ok("checks", "show", "github.branch-requires-review", "--results", "--json"),
    );
    const resource =
      failing.results[0]?.resources.find((r) => r.status === "fail")?.resourceId ?? "";
    const excepted = await ok(
      "checks",
      "except",
      "github.branch-requires-review",
      resource,
      "--reason",
      "a scratch repository, nothing deploys from it",
      "--until",
      "2026-06-30",
    );
    expect(excepted.out).toContain("CE-1");
    const [again] = json<Summary[]>(await ok("checks", "run", "--connector", "CN-1", "--json"));
    expect(again?.results.find((r) => r.checkId === "github.branch-requires-review")?.status).toBe(
      "pass",
    );
  });

  it("records a connector error on the connector and passes nothing", async () => {
    await ok(...addGitHub());
    fake.state.token = "revoked-since";
    const [summary] = json<Summary[]>(await ok("checks", "run", "--json"));
    expect(summary).toMatchObject({ outcome: "unauthorized", results: [] });
    const shown = await ok("connectors", "show", "GitHub acme");
    expect(shown.out).toContain("unauthorized");
  });

  it("pulls merged pull requests for an engagement's period as CM-02's population", async () => {
    await ok(...addGitHub());
    fake.state.repositories[0]!.pulls = [1, 2, 3].map((n) => ({
      number: n,
      title: `Change ${n}`,
      author: "alice",
      createdAt: `2025-0${n}-01T10:00:00Z`,
      updatedAt: `2025-0${n}-02T10:00:00Z`,
      closedAt: `2025-0${n}-02T10:00:00Z`,
      mergedAt: `2025-0${n}-02T10:00:00Z`,
      reviews: [{ reviewer: "bob", state: "APPROVED", submittedAt: `2025-0${n}-02T09:00:00Z` }],
    }));
    await ok(
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--firm",
      "Ledger",
    );
    for (let i = 0; i < 3; i += 1) await ok("engagement", "advance", "E-1");
    const pulled = json<{
      current: { rowCount: number; source: { system: string; query: string | null } };
    }>(
      await ok(
        "engagement",
        "population",
        "pull",
        "E-1",
        "--control",
        "CM-02",
        "--connector",
        "GitHub acme",
        "--population",
        "github.merged-pull-requests",
        "--json",
      ),
    );
    expect(pulled.current.rowCount).toBe(3);
    expect(pulled.current.source.system).toContain("GitHub");
    expect(pulled.current.source.query).not.toBeNull();
  });
});
