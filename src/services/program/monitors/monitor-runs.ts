/**
 * The monitor's own work, for the job and for a probe on demand: probing the endpoints that
 * are due, recording each probe (and a change of state as an audit event, with alerts once it
 * is committed), and filing each finished month's uptime as evidence for BC-01, once.
 */
import { findControlByRef } from "../../../db/controls.repo.ts";
import {
  filedMonths,
  findEndpoint,
  insertFiledMonth,
  listEndpoints,
  monthlyUptime,
  recordProbe,
} from "../../../db/monitors.repo.ts";
import { newId } from "../../../db/portable.ts";
import { inOrgTransaction, read } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import type { EvidenceItem } from "../../../domain/evidence.ts";
import {
  MONITOR_CONTROL,
  isDue,
  meetsTarget,
  monthBounds,
  monthOf,
  monthsToFile,
} from "../../../domain/monitor.ts";
import type { MonitorEndpoint, MonitorProbe } from "../../../domain/monitor.ts";
import { authorize } from "../../../domain/permissions.ts";
import { recordEvent } from "../../platform/audit.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { prepareContent, storeEvidence } from "../evidence.service.ts";
import { alertStateChange } from "./monitor-alerts.ts";
import { probeEndpoint } from "./probe.ts";

/** Probes, records, and alerts when the endpoint went down or came back. */
export async function probeAndRecord(
  ctx: ServiceContext,
  actor: Actor,
  endpoint: MonitorEndpoint,
): Promise<MonitorProbe> {
  const outcome = await probeEndpoint(endpoint, {
    allowPrivate: ctx.allowPrivateWebhooks,
    ca: ctx.monitorCa,
  });
  const at = ctx.now();
  const probe: MonitorProbe = { id: newId(), probedAt: at.toISOString(), ...outcome };
  const change = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    // Read again under the organization's lock: another probe may have moved the state.
    const fresh = await findEndpoint(tx, scopeOf(actor), { id: endpoint.id });
    if (fresh === undefined) return null; // removed while it was being probed
    await recordProbe(tx, scopeOf(actor), fresh, probe);
    const to = outcome.up ? "up" : "down";
    // An outage and a recovery are events; the first probe finding it up is not news.
    if (fresh.state === to || (fresh.state === "unknown" && to === "up")) return null;
    await recordEvent(
      tx,
      actor,
      "monitor.state-changed",
      fresh.ref,
      { from: fresh.state, to, status: outcome.status, error: outcome.error },
      at,
    );
    return fresh;
  });
  if (change !== null) await alertStateChange(ctx, actor, change, outcome, at);
  return probe;
}

/** Every endpoint whose interval has passed, one after the other. */
export async function probeDueEndpoints(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ probed: number; down: number }> {
  authorize(actor, "monitor:manage");
  const now = ctx.now();
  const due = (await read(ctx.db, (tx) => listEndpoints(tx, scopeOf(actor)))).filter((e) =>
    isDue(e, now),
  );
  let down = 0;
  for (const endpoint of due) {
    if (!(await probeAndRecord(ctx, actor, endpoint)).up) down += 1;
  }
  return { probed: due.length, down };
}

/**
 * Files each finished month's uptime per endpoint as an evidence record on BC-01 (when the
 * organization has it), together with the month's row in one transaction, so a month is
 * filed exactly once however often (or concurrently) this runs.
 */
export async function fileMonthlyUptime(
  ctx: ServiceContext,
  actor: Actor,
): Promise<EvidenceItem[]> {
  authorize(actor, "monitor:manage");
  authorize(actor, "evidence:create");
  const scope = scopeOf(actor);
  const now = ctx.now();
  // The last twelve finished months: the job runs every minute, so anything older was filed
  // long ago (or the server was off for a year), and counting all probes each time would grow.
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1));
  const { endpoints, months } = await read(ctx.db, async (tx) => ({
    endpoints: await listEndpoints(tx, scope),
    months: await monthlyUptime(tx, scope, monthOf(since)),
  }));
  const filed: EvidenceItem[] = [];
  for (const endpoint of endpoints) {
    const uptimes = months.get(endpoint.id) ?? [];
    const already = await read(ctx.db, (tx) => filedMonths(tx, scope, endpoint.id));
    for (const month of monthsToFile(
      uptimes.map((u) => u.month),
      already,
      now,
    )) {
      const uptime = uptimes.find((u) => u.month === month);
      if (uptime === undefined) continue;
      const { from, to } = monthBounds(month);
      const met = meetsTarget(uptime, endpoint.targetPercent);
      const prepared = await prepareContent(ctx, {
        kind: "record",
        record: {
          kind: "monitor-uptime",
          data: {
            monitor: endpoint.ref,
            name: endpoint.name,
            url: endpoint.url,
            month,
            probes: uptime.probes,
            up: uptime.up,
            uptimePercent: uptime.percent,
            targetPercent: endpoint.targetPercent,
            metTarget: met,
          },
        },
      });
      const item = await inOrgTransaction(ctx.db, scope, async (tx) => {
        if ((await filedMonths(tx, scope, endpoint.id)).has(month)) return null;
        const control = await findControlByRef(tx, scope, MONITOR_CONTROL);
        const evidence = await storeEvidence(
          tx,
          actor,
          prepared,
          {
            title:
              `Uptime of ${endpoint.ref} ${endpoint.name}, ${month}: ${uptime.percent} % ` +
              `(target ${endpoint.targetPercent} %${met ? ", met" : ", missed"})`,
            source: "automated",
            from,
            to,
          },
          control === undefined ? [] : [control],
          now,
        );
        await insertFiledMonth(tx, scope, {
          endpointId: endpoint.id,
          month,
          probes: uptime.probes,
          up: uptime.up,
          evidenceId: evidence.id,
          at: now.toISOString(),
        });
        return evidence;
      });
      if (item !== null) filed.push(item);
    }
  }
  return filed;
}
