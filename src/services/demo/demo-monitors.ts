/**
 * The demo's availability monitor: Northwind's app and API health checks, probed hourly since
 * the start of last month, with a three-hour API outage last month that took it under its
 * 99.9 % target (a readiness reason on A1.1) and last month's uptime filed as BC-01 evidence.
 * The history is written as the probes would have left it; the endpoints' names are
 * fictional, so once `attest serve` runs the job, their next probes find them down.
 */
import { newId } from "../../db/portable.ts";
import { insertProbes, recordProbe, findEndpoint } from "../../db/monitors.repo.ts";
import { inTransaction } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { MonitorProbe } from "../../domain/monitor.ts";
import type { ServiceContext } from "../platform/context.ts";
import { fileMonthlyUptime } from "../program/monitors/monitor-runs.ts";
import { addMonitor } from "../program/monitors/monitors.service.ts";

export interface DemoMonitors {
  endpoints: number;
  probes: number;
  filed: number;
}

const HOUR = 60 * 60 * 1000;

function history(now: Date, outage: { from: Date; hours: number } | null): MonitorProbe[] {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const probes: MonitorProbe[] = [];
  for (let at = start; at < now.getTime(); at += HOUR) {
    const down =
      outage !== null &&
      at >= outage.from.getTime() &&
      at < outage.from.getTime() + outage.hours * HOUR;
    probes.push({
      id: newId(),
      probedAt: new Date(at).toISOString(),
      up: !down,
      status: down ? 503 : 200,
      latencyMs: down ? 30 : 80 + ((at / HOUR) % 40),
      error: down ? "answered 503, expected 200" : null,
    });
  }
  return probes;
}

export async function loadDemoMonitors(ctx: ServiceContext, owner: Actor): Promise<DemoMonitors> {
  const now = ctx.now();
  const app = await addMonitor(ctx, owner, {
    name: "Web app",
    url: "https://app.northwind-analytics.example/healthz",
  });
  const apiEndpoint = await addMonitor(ctx, owner, {
    name: "Public API",
    url: "https://api.northwind-analytics.example/v1/health",
    intervalMinutes: 1,
  });
  const outage = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 12, 2));
  let probes = 0;
  for (const [endpoint, probeList] of [
    [app, history(now, null)],
    [apiEndpoint, history(now, { from: outage, hours: 3 })],
  ] as const) {
    probes += probeList.length;
    const last = probeList.at(-1);
    // Bookkeeping tables only (probes and status): no audit event, as for the job's probes.
    await inTransaction(ctx.db, async (tx) => {
      await insertProbes(tx, scopeOf(owner), endpoint.id, probeList.slice(0, -1));
      const fresh = await findEndpoint(tx, scopeOf(owner), { id: endpoint.id });
      if (last !== undefined && fresh !== undefined)
        await recordProbe(tx, scopeOf(owner), fresh, last);
    });
  }
  const filed = await fileMonthlyUptime(ctx, owner);
  return { endpoints: 2, probes, filed: filed.length };
}
