/**
 * The availability monitor against a real local HTTPS server (self-signed, trusted through the
 * context's monitorCa): probes, outages and recoveries with their task, alert and audit event,
 * monthly uptime filed as BC-01 evidence once, readiness reasons, and who may do what.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../../test/support/database.ts";
import type { TestContext } from "../../../../test/support/database.ts";
import { as, createOrg, expectAppError } from "../../../../test/support/fixtures.ts";
import { addMember } from "../../../../test/support/members.ts";
import { startHttpsEndpoint, testCertificate } from "../../../../test/support/https-endpoint.ts";
import type { HttpsEndpoint } from "../../../../test/support/https-endpoint.ts";
import type { Actor } from "../../../domain/actor.ts";
import { addWebhook } from "../../notifications/channels.service.ts";
import { setPreferences } from "../../notifications/preferences.service.ts";
import { listAuditLog } from "../../platform/audit-log.service.ts";
import { updateControl } from "../controls.service.ts";
import { listEvidence } from "../evidence.service.ts";
import { getReadiness } from "../readiness.service.ts";
import { listTasks } from "../tasks.service.ts";
import { fileMonthlyUptime, probeDueEndpoints } from "./monitor-runs.ts";
import {
  addMonitor,
  listMonitors,
  probeMonitor,
  removeMonitor,
  showMonitor,
} from "./monitors.service.ts";

const MINUTE = 60_000;
let t: TestContext;
let owner: Actor;
let site: HttpsEndpoint;
let received: { type: string; state: string; monitor: { ref: string } }[];
let receiver: http.Server;
let receiverUrl: string;

beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-30T23:00:00Z"), {
    monitorCa: testCertificate().certPem,
  });
  owner = await createOrg(t.ctx, { categories: ["security", "availability"] });
  await updateControl(t.ctx, owner, "BC-01", { owner: "ops@acme.test", status: "implemented" });
  site = await startHttpsEndpoint(200);
  received = [];
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push(JSON.parse(body) as (typeof received)[number]);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterEach(async () => {
  await site.close();
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

const add = (extra: Record<string, unknown> = {}) =>
  addMonitor(t.ctx, owner, { name: "API", url: site.url, ...extra });

async function reasonsFor(criterion: string): Promise<string> {
  const report = await getReadiness(t.ctx, owner);
  return report.criteria.find((c) => c.id === criterion)?.reasons.join("\n") ?? "";
}

describe("adding endpoints", () => {
  it("refuses plain http and bad values, naming the field", async () => {
    const plain = await expectAppError(
      () => add({ url: "http://api.acme.test/health" }),
      "VALIDATION_FAILED",
    );
    expect(plain.message).toBe("url: must be an https:// URL (plain http is not probed)");
    const slow = await expectAppError(() => add({ timeoutSeconds: 600 }), "VALIDATION_FAILED");
    expect(slow.message).toContain("timeoutSeconds");
    expect(await listMonitors(t.ctx, owner)).toEqual([]);
  });

  it("numbers them M-1, M-2, with defaults, and records who added them", async () => {
    const first = await add();
    const second = await add({ name: "Web", intervalMinutes: 1, targetPercent: 99.5 });
    expect([first.ref, second.ref]).toEqual(["M-1", "M-2"]);
    expect(first).toMatchObject({
      expectedStatus: 200,
      intervalMinutes: 5,
      timeoutSeconds: 10,
      targetPercent: 99.9,
      state: "unknown",
    });
    const events = (await listAuditLog(t.ctx, owner, {})).items.filter(
      (e) => e.action === "monitor.added",
    );
    expect(events.map((e) => e.target.id)).toEqual(["M-2", "M-1"]);
    await removeMonitor(t.ctx, owner, "M-1");
    expect((await listMonitors(t.ctx, owner)).map((m) => m.ref)).toEqual(["M-2"]);
    // A removed endpoint's ref is never reused.
    expect((await add({ name: "Again" })).ref).toBe("M-3");
  });
});

describe("probing", () => {
  it("finds the endpoint up over HTTPS, with its status and latency", async () => {
    await add();
    const { monitor, probe } = await probeMonitor(t.ctx, owner, "M-1");
    expect(probe).toMatchObject({ up: true, status: 200, error: null });
    expect(probe.latencyMs).toBeGreaterThanOrEqual(0);
    expect(monitor.state).toBe("up");
    expect(site.hits).toBe(1);
  });

  it("refuses a certificate nobody vouches for, and says so", async () => {
    await t.close();
    t = await createTestContext(new Date("2026-11-30T23:00:00Z"));
    owner = await createOrg(t.ctx, { categories: ["security", "availability"] });
    await add();
    const { probe } = await probeMonitor(t.ctx, owner, "M-1");
    expect(probe.up).toBe(false);
    expect(probe.error).toMatch(/^the TLS certificate was refused \(/);
  });

  it("times out a silent endpoint after its timeout", async () => {
    await add({ timeoutSeconds: 1 });
    site.answer = "silent";
    const { probe } = await probeMonitor(t.ctx, owner, "M-1");
    expect(probe).toMatchObject({ up: false, status: null, error: "no answer within 1 s" });
  });

  it("probes only what is due", async () => {
    await add({ intervalMinutes: 5 });
    expect(await probeDueEndpoints(t.ctx, owner)).toEqual({ probed: 1, down: 0 });
    t.advance(4 * MINUTE);
    expect(await probeDueEndpoints(t.ctx, owner)).toEqual({ probed: 0, down: 0 });
    t.advance(MINUTE);
    expect(await probeDueEndpoints(t.ctx, owner)).toEqual({ probed: 1, down: 0 });
  });
});

describe("an outage and its recovery", () => {
  it("opens a task for BC-01's owner and alerts; recovery closes the task and alerts again", async () => {
    await addWebhook(t.ctx, owner, { url: receiverUrl });
    await add();
    await probeDueEndpoints(t.ctx, owner);
    expect(received).toEqual([]); // the first probe finding it up is not news
    site.answer = 503;
    t.advance(5 * MINUTE);
    expect(await probeDueEndpoints(t.ctx, owner)).toEqual({ probed: 1, down: 1 });
    const tasks = (await listTasks(t.ctx, owner, { mine: false })).filter(
      (k) => k.source === "monitor-down",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      title: "Restore M-1 API",
      reason: "down since 2026-11-30 23:05 UTC: answered 503, expected 200",
      assignee: { email: "ops@acme.test" },
    });
    expect(received.map((r) => [r.type, r.monitor.ref, r.state])).toEqual([
      ["monitor-alert", "M-1", "down"],
    ]);
    expect(await reasonsFor("A1.1")).toContain(
      "M-1 API is down since 2026-11-30 23:05 UTC (answered 503, expected 200)",
    );

    // Still down: no second alert.
    t.advance(5 * MINUTE);
    await probeDueEndpoints(t.ctx, owner);
    expect(received).toHaveLength(1);

    site.answer = 200;
    t.advance(5 * MINUTE);
    await probeDueEndpoints(t.ctx, owner);
    expect(
      (await listTasks(t.ctx, owner, { mine: false })).filter((k) => k.source === "monitor-down"),
    ).toEqual([]);
    expect(received.map((r) => r.state)).toEqual(["down", "up"]);
    const changes = (await listAuditLog(t.ctx, owner, {})).items.filter(
      (e) => e.action === "monitor.state-changed",
    );
    expect(changes).toHaveLength(2);
    const shown = await showMonitor(t.ctx, owner, "M-1");
    expect(shown.probes.map((p) => p.up)).toEqual([true, false, false, true]);
  });
  it("alerts webhooks while any member still wants monitor alerts there, and not once none does", async () => {
    const ivy = await addMember(t, owner, "admin", "ivy@acme.test");
    const jon = await addMember(t, owner, "control-owner", "jon@acme.test");
    const off = { preferences: [{ channel: "webhook", kind: "monitor-alert", enabled: false }] };
    await addWebhook(t.ctx, owner, { url: receiverUrl });
    await setPreferences(t.ctx, ivy, off);
    await add();
    await probeDueEndpoints(t.ctx, owner);
    site.answer = 503;
    t.advance(5 * MINUTE);
    await probeDueEndpoints(t.ctx, owner);
    expect(received.map((r) => r.state)).toEqual(["down"]); // jon still wants them
    await setPreferences(t.ctx, jon, off);
    site.answer = 200;
    t.advance(5 * MINUTE);
    await probeDueEndpoints(t.ctx, owner);
    expect(received.map((r) => r.state)).toEqual(["down"]); // the recovery reached no webhook
  });
});

describe("monthly uptime", () => {
  it("files each finished month once as BC-01 evidence, and readiness reads it against the target", async () => {
    await add({ intervalMinutes: 1, targetPercent: 99 });
    // November: 3 probes up, 1 down (75 %).
    for (const answer of [200, 200, 503, 200]) {
      site.answer = answer;
      await probeDueEndpoints(t.ctx, owner);
      t.advance(MINUTE);
    }
    expect(await fileMonthlyUptime(t.ctx, owner)).toEqual([]); // November is not over
    const [listed] = await listMonitors(t.ctx, owner);
    expect(listed?.months).toEqual([{ month: "2026-11", probes: 4, up: 3, percent: 75 }]);
    expect(await reasonsFor("A1.1")).toContain(
      "M-1 API was up 75 % in 2026-11, under its target of 99 %",
    );

    t.advance(24 * 60 * MINUTE); // into December
    const filed = await fileMonthlyUptime(t.ctx, owner);
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({
      title: "Uptime of M-1 API, 2026-11: 75 % (target 99 %, missed)",
      controls: ["BC-01"],
      forFrom: "2026-11-01",
      forTo: "2026-11-30",
      recordKind: "monitor-uptime",
    });
    expect(await fileMonthlyUptime(t.ctx, owner)).toEqual([]);
    const evidence = await listEvidence(t.ctx, owner, { control: "BC-01" });
    expect(evidence.map((e) => e.title)).toEqual([
      "Uptime of M-1 API, 2026-11: 75 % (target 99 %, missed)",
    ]);
  });
});

describe("who may", () => {
  it("lets control owners read, not manage; employees and auditors neither", async () => {
    await add();
    const controlOwner = as(owner, "control-owner", "u-co");
    expect(await listMonitors(t.ctx, controlOwner)).toHaveLength(1);
    await expectAppError(
      () => addMonitor(t.ctx, controlOwner, { name: "X", url: site.url }),
      "FORBIDDEN",
    );
    await expectAppError(() => probeMonitor(t.ctx, controlOwner, "M-1"), "FORBIDDEN");
    await expectAppError(() => removeMonitor(t.ctx, controlOwner, "M-1"), "FORBIDDEN");
    await expectAppError(() => listMonitors(t.ctx, as(owner, "employee", "u-e")), "FORBIDDEN");
    await expectAppError(() => listMonitors(t.ctx, as(owner, "auditor", "u-a")), "FORBIDDEN");
    expect((await probeMonitor(t.ctx, as(owner, "admin", "u-ad"), "M-1")).probe.up).toBe(true);
  });
});
