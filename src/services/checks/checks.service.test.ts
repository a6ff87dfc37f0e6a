/**
 * The checks framework end to end against the fake GitHub API (test/support/fake-github.ts):
 * connectors saved only when they connect, credentials sealed, runs giving a result for every
 * check, a failing check opening a task that the next scheduled run closes, replay, exceptions,
 * evidence once a day or on change, connector errors that never pass a check, and key rotation.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compliantState, startFakeGitHub } from "../../../test/support/fake-github.ts";
import type { FakeGitHub } from "../../../test/support/fake-github.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, operator, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { githubConnector } from "../../integrations/github/connector.ts";
import { checksJob } from "../jobs/catalog.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { rotateSecretKey } from "../platform/secrets-at-rest.ts";
import { addWebhook } from "../notifications/channels.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { listEvidence } from "../program/evidence.service.ts";
import { getReadiness } from "../program/readiness.service.ts";
import { listTasks } from "../program/tasks.service.ts";
import {
  addConnector,
  listConnectorsOf,
  removeConnector,
  showConnector,
  testConnector,
  updateConnectorOf,
} from "./connectors.service.ts";
import { addException, revokeException } from "./exceptions.service.ts";
import { listCheckStatuses, replay, showCheck } from "./results.service.ts";
import { runChecks } from "./runs.service.ts";

let t: TestContext;
let owner: Actor;
let fake: FakeGitHub;
useOrganization((setup) => ({ t, owner } = setup));

beforeEach(async () => {
  fake = await startFakeGitHub({ state: compliantState() });
});
afterEach(async () => {
  await fake.close();
});

const HOUR = 60 * 60 * 1000;
const TOKEN = "github_pat_test_token";
const ALL_CHECKS = githubConnector.checks.map((c) => c.id).sort();

function add(overrides: { token?: string; settings?: Record<string, unknown> } = {}) {
  return addConnector(t.ctx, owner, {
    kind: "github",
    name: "GitHub acme",
    settings: {
      organization: "acme",
      repositories: "all",
      apiUrl: fake.url,
      ...overrides.settings,
    },
    credentials: { token: overrides.token ?? TOKEN },
  });
}

function withoutReviews(name: string): void {
  const repo = fake.state.repositories.find((r) => r.name === name);
  if (repo?.protection) repo.protection.requiredPullRequestReviews = null;
}

function restoreReviews(name: string): void {
  const repo = fake.state.repositories.find((r) => r.name === name);
  if (repo?.protection) {
    repo.protection.requiredPullRequestReviews = {
      requiredApprovingReviewCount: 1,
      dismissStaleReviews: true,
      requireLastPushApproval: true,
    };
  }
}

async function checkTasks() {
  return (await listTasks(t.ctx, owner, { mine: false })).filter((task) => task.source === "check");
}

async function statusOf(id: string) {
  return (await listCheckStatuses(t.ctx, owner)).find((c) => c.id === id);
}

describe("connectors", () => {
  it("are saved after a test connection, listed without credentials, with the token sealed", async () => {
    const view = await add();
    expect(view).toMatchObject({ ref: "CN-1", kind: "github", name: "GitHub acme" });
    expect(view.settings).toMatchObject({ organization: "acme", repositories: "all" });
    expect(JSON.stringify(await listConnectorsOf(t.ctx, owner))).not.toContain(TOKEN);
    const raw = await sql<{ credentials: string }>`select credentials from connectors`.execute(
      t.ctx.db.kysely,
    );
    expect(raw.rows[0]?.credentials).toMatch(/^enc:v1:/);
    expect(raw.rows[0]?.credentials).not.toContain(TOKEN);
    expect(await testConnector(t.ctx, owner, "CN-1")).toEqual({ connector: "CN-1", ok: true });
    const events = (await listAuditLog(t.ctx, owner, {})).items.map((e) => e.action);
    expect(events).toContain("connector.added");
    expect(JSON.stringify(await listAuditLog(t.ctx, owner, {}))).not.toContain(TOKEN);
  });

  it("are refused with the connector's error when the test connection fails, writing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const refused = await expectAppError(() => add({ token: "wrong" }), "VALIDATION_FAILED");
    expect(refused.fieldErrors[0]?.field).toBe("credentials");
    expect(refused.message).toContain("unauthorized");
    const bad = await expectAppError(
      () => add({ settings: { organization: "not a login!" } }),
      "VALIDATION_FAILED",
    );
    expect(bad.fieldErrors[0]?.field).toBe("settings.organization");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("are updated, re-tested on new credentials, and removed; only owners and admins manage them", async () => {
    await add();
    const updated = await updateConnectorOf(t.ctx, owner, "GitHub acme", { intervalMinutes: 240 });
    expect(updated.intervalMinutes).toBe(240);
    await expectAppError(
      () => updateConnectorOf(t.ctx, owner, "CN-1", { credentials: { token: "stale" } }),
      "VALIDATION_FAILED",
    );
    await expectAppError(() => add(), "VALIDATION_FAILED");
    // A connector named by anything but text is refused by name, not failed on in SQL.
    const oddName = await expectAppError(
      () => runChecks(t.ctx, owner, { connector: { ref: "CN-1" } as unknown as string }),
      "VALIDATION_FAILED",
    );
    expect(oddName.fieldErrors[0]?.field).toBe("connector");
    for (const role of ["control-owner", "employee", "auditor"] as const) {
      await expectAppError(() => removeConnector(t.ctx, as(owner, role), "CN-1"), "FORBIDDEN");
      await expectAppError(() => runChecks(t.ctx, as(owner, role)), "FORBIDDEN");
    }
    expect((await showConnector(t.ctx, as(owner, "control-owner"), "CN-1")).ref).toBe("CN-1");
    await expectAppError(() => showConnector(t.ctx, as(owner, "employee"), "CN-1"), "FORBIDDEN");
    await expectAppError(() => showConnector(t.ctx, as(owner, "auditor"), "CN-1"), "FORBIDDEN");
    await removeConnector(t.ctx, as(owner, "admin"), "CN-1");
    expect(await listConnectorsOf(t.ctx, owner)).toEqual([]);
  });

  it("have their credentials sealed again when the key is rotated", async () => {
    await add();
    const read = async () =>
      (
        await sql<{ credentials: string }>`select credentials from connectors`.execute(
          t.ctx.db.kysely,
        )
      ).rows[0]?.credentials ?? "";
    const before = await read();
    const rotation = await rotateSecretKey(t.ctx, operator, null);
    expect(rotation.connectorCredentials).toBe(1);
    const after = await read();
    expect(after).toMatch(new RegExp(`^enc:v1:${rotation.keyId}:`));
    expect(after).not.toBe(before);
    // Still opens: the connector still connects with the token it was given.
    expect((await testConnector(t.ctx, owner, "CN-1")).ok).toBe(true);
  });
});

describe("running checks", () => {
  it("gives a result for every GitHub check, all passing on a compliant organization", async () => {
    await add();
    const [summary] = await runChecks(t.ctx, owner);
    expect(summary?.outcome).toBe("ok");
    expect(summary?.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary?.results.map((r) => r.checkId).sort()).toEqual(ALL_CHECKS);
    expect(summary?.results.filter((r) => r.status === "fail")).toEqual([]);
    expect((await showConnector(t.ctx, owner, "CN-1")).lastRun?.ref).toBe(summary?.run);
  });

  it("fails review on a repository without required reviews, opens a task for CM-03's owner, and the next scheduled run closes it", async () => {
    await updateControl(t.ctx, owner, "CM-03", {
      owner: "dev-lead@acme.test",
      status: "implemented",
    });
    // A webhook receiver: told at once when a check starts failing.
    const bodies: string[] = [];
    const receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        bodies.push(body);
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    await addWebhook(t.ctx, owner, { url: `http://127.0.0.1:${port}/hook` });
    await add();
    withoutReviews("web");
    const [summary] = await runChecks(t.ctx, owner);
    expect(summary?.startedFailing).toContain("github.branch-requires-review");
    receiver.close();
    const notice = bodies.map((b) => JSON.parse(b) as { type: string; checks: { id: string }[] });
    expect(notice).toHaveLength(1);
    expect(notice[0]?.type).toBe("check-failing");
    expect(notice[0]?.checks.map((c) => c.id)).toContain("github.branch-requires-review");
    expect(bodies[0]).toContain("acme/web");
    const check = await showCheck(t.ctx, owner, "github.branch-requires-review");
    expect(check.status).toBe("fail");
    const failing = check.results[0]?.resources.filter((r) => r.status === "fail") ?? [];
    expect(failing.map((r) => r.resourceName)).toEqual(["acme/web"]);
    expect(failing[0]?.reason).toContain("acme/web");
    expect(check.source).toMatch(/^src\/integrations\/github\/checks\/.+\.ts$/);

    const tasks = await checkTasks();
    const task = tasks.find(
      (x) => x.subject === "CM-03" && x.id.includes("branch-requires-review"),
    );
    expect(task?.assignee?.email).toBe("dev-lead@acme.test");
    expect(task?.reason).toContain("acme/web");
    const readiness = await getReadiness(t.ctx, owner);
    expect(readiness.criteria.flatMap((c) => c.reasons).join("\n")).toContain("acme/web");

    // Compliant again; the scheduled job runs the connector once its hour is up.
    restoreReviews("web");
    t.advance(30 * 60 * 1000);
    await checksJob.run({ ctx: t.ctx, data: {}, attempt: 1 } as never);
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("fail");
    t.advance(31 * 60 * 1000);
    const outcome = await checksJob.run({ ctx: t.ctx, data: {}, attempt: 1 } as never);
    expect(outcome).toMatchObject({ runs: 1, failed: 0 });
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("pass");
    expect((await checkTasks()).filter((x) => x.id.includes("branch-requires-review"))).toEqual([]);
  });

  it("replays every stored result of a run in agreement, and shows a difference when a result was altered", async () => {
    await add();
    withoutReviews("api");
    const [summary] = await runChecks(t.ctx, owner);
    const run = summary?.run ?? "";
    const replayed = await replay(t.ctx, owner, { run });
    expect(replayed.agrees).toBe(true);
    expect(replayed.results.map((r) => r.checkId).sort()).toEqual(ALL_CHECKS);
    const one = await replay(t.ctx, owner, { result: `${run}:github.branch-requires-review` });
    expect(one.agrees).toBe(true);

    await sql`update check_results set resources = replace(resources, '"fail"', '"pass"')
      where check_id = 'github.branch-requires-review'`.execute(t.ctx.db.kysely);
    const altered = await replay(t.ctx, owner, { result: `${run}:github.branch-requires-review` });
    expect(altered.agrees).toBe(false);
    expect(altered.results[0]?.differences).toEqual([
      expect.objectContaining({
        resourceId: expect.stringContaining("api"),
        stored: expect.objectContaining({ status: "pass" }),
        replayed: expect.objectContaining({ status: "fail" }),
      }),
    ]);
  });

  it("counts an excepted failing resource as excepted until its expiry, and revoking it fails the check again", async () => {
    await add();
    withoutReviews("web");
    await runChecks(t.ctx, owner);
    const failing = (await showCheck(t.ctx, owner, "github.branch-requires-review")).results[0];
    const resource = failing?.resources.find((r) => r.status === "fail")?.resourceId ?? "";
    await expectAppError(
      () =>
        addException(t.ctx, as(owner, "control-owner"), {
          check: "github.branch-requires-review",
          resource,
          reason: "a scratch repository nobody deploys",
          until: "2026-03-31",
        }),
      "FORBIDDEN",
    );
    const exception = await addException(t.ctx, owner, {
      check: "github.branch-requires-review",
      resource,
      reason: "a scratch repository nobody deploys",
      until: "2026-03-10",
    });
    expect(exception).toMatchObject({ ref: "CE-1", inForce: true });
    // Applied at once to the latest result, and to the next run.
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("pass");
    const [next] = await runChecks(t.ctx, owner);
    const result = next?.results.find((r) => r.checkId === "github.branch-requires-review");
    expect(result).toMatchObject({ status: "pass", excepted: 1, failing: 0 });
    const reviewTasks = async () =>
      (await checkTasks()).filter((x) => x.id.includes(":github.branch-requires-review:"));
    expect(await reviewTasks()).toEqual([]);
    // After its expiry day, the resource fails again.
    t.advance(9 * 24 * HOUR);
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("fail");
    t.advance(-9 * 24 * HOUR);
    await revokeException(t.ctx, owner, "CE-1", { reason: "the repository holds real code now" });
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("fail");
    // One per control it supports: CM-03 and CM-02.
    expect(await reviewTasks()).toHaveLength(2);
    const actions = (await listAuditLog(t.ctx, owner, {})).items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["check-exception.added", "check-exception.revoked", "check.ran"]),
    );
  });

  it("files evidence when a result changes and otherwise at most once a day", async () => {
    await add();
    const automated = async () =>
      (await listEvidence(t.ctx, owner, {})).filter((e) => e.title.startsWith("Check "));
    await runChecks(t.ctx, owner);
    const first = (await automated()).length;
    expect(first).toBeGreaterThan(0);
    const record = (await automated())[0];
    expect(record?.recordKind).toBe("automated-check");
    t.advance(HOUR);
    await runChecks(t.ctx, owner);
    expect((await automated()).length).toBe(first);
    withoutReviews("web");
    t.advance(HOUR);
    await runChecks(t.ctx, owner);
    // Three checks read the review settings: each changed, each filed.
    expect((await automated()).length).toBe(first + 3);
    t.advance(24 * HOUR);
    await runChecks(t.ctx, owner);
    expect((await automated()).length).toBe(2 * first + 3);
  });
});

describe("connector errors", () => {
  const cases = [
    {
      name: "401",
      failure: "unauthorized",
      breakIt: () => {
        fake.state.token = "rotated-elsewhere";
      },
    },
    {
      name: "403",
      failure: "forbidden",
      breakIt: () => {
        fake.state.failure = {
          kind: "status",
          status: 403,
          body: { message: "Resource not accessible by personal access token" },
        };
      },
    },
    {
      name: "429",
      failure: "rate-limited",
      breakIt: () => {
        fake.state.failure = {
          kind: "status",
          status: 429,
          headers: { "retry-after": "900" },
          body: { message: "API rate limit exceeded" },
        };
      },
    },
    {
      name: "timeout",
      failure: "timeout",
      breakIt: () => {
        fake.state.failure = { kind: "hang" };
      },
    },
  ] as const;

  for (const c of cases) {
    it(`records ${c.name} as ${c.failure} with no result, never passing a check, and retries with backoff`, async () => {
      await add({ settings: { timeoutSeconds: 0.3 } });
      c.breakIt();
      const [summary] = await runChecks(t.ctx, owner);
      expect(summary).toMatchObject({ outcome: c.failure, results: [], snapshotSha256: null });
      const connector = await showConnector(t.ctx, owner, "CN-1");
      expect(connector.error?.failure).toBe(c.failure);
      expect(connector.consecutiveFailures).toBe(1);
      const wait = Date.parse(connector.nextRunAt) - t.ctx.now().getTime();
      expect(wait).toBe(c.failure === "rate-limited" ? 900_000 : 5 * 60 * 1000);
      expect((await listCheckStatuses(t.ctx, owner)).every((s) => s.status === null)).toBe(true);
      await expectAppError(
        () => replay(t.ctx, owner, { run: summary?.run ?? "" }),
        "INVALID_STATE",
      );
      // A second failure waits longer.
      await runChecks(t.ctx, owner);
      expect((await showConnector(t.ctx, owner, "CN-1")).consecutiveFailures).toBe(2);
    });
  }

  it("keeps the last good results when a later run fails, and passes nothing new", async () => {
    await add();
    withoutReviews("web");
    await runChecks(t.ctx, owner);
    restoreReviews("web");
    fake.state.token = "revoked";
    t.advance(HOUR);
    const [failed] = await runChecks(t.ctx, owner);
    expect(failed?.outcome).toBe("unauthorized");
    expect((await statusOf("github.branch-requires-review"))?.status).toBe("fail");
    // A check that passed before the connector failed is no longer counted as passing.
    const passed = await statusOf("github.branch-protected");
    expect(passed?.results[0]?.connectorFailing?.failure).toBe("unauthorized");
    await updateControl(t.ctx, owner, "CM-03", { status: "implemented" });
    const reasons = (await getReadiness(t.ctx, owner)).criteria.flatMap((c) => c.reasons);
    expect(reasons.join("\n")).toContain("the connector has failed since");
  });
});
