/**
 * The availability monitor as people use it: endpoints added and removed (audited), the list
 * with each one's state and monthly uptime, one endpoint with its recent probes, a probe on
 * demand. Its readiness signals are in monitor-readiness.ts.
 */
import {
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  listProbes,
  monthlyUptime,
  nextEndpointNumber,
  removeEndpoint,
} from "../../../db/monitors.repo.ts";
import { newId } from "../../../db/portable.ts";
import { inOrgTransaction, read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { notFound } from "../../../domain/errors.ts";
import { MONITOR_REF_PATTERN, monthsBack } from "../../../domain/monitor.ts";
import type { MonitorEndpoint, MonitorProbe, MonthUptime } from "../../../domain/monitor.ts";
import { monitorInput } from "./monitor-input.ts";
import type { MonitorInput } from "./monitor-input.ts";
import { authorize } from "../../../domain/permissions.ts";
import { recordEvent } from "../../platform/audit.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseInput } from "../../platform/validation.ts";
import { probeAndRecord } from "./monitor-runs.ts";

/** An endpoint with the uptime of its last months, newest first. */
export interface MonitorView extends MonitorEndpoint {
  months: MonthUptime[];
}

/** How many months the list and readiness look back (the current one included). */
const MONTHS_SHOWN = 12;

function withMonths(
  endpoint: MonitorEndpoint,
  byEndpoint: Map<string, MonthUptime[]>,
): MonitorView {
  return { ...endpoint, months: [...(byEndpoint.get(endpoint.id) ?? [])].reverse() };
}

export async function loadMonitor(tx: Tx, actor: Actor, key: string): Promise<MonitorEndpoint> {
  const trimmed = key.trim();
  const match = MONITOR_REF_PATTERN.exec(trimmed);
  const found =
    match !== null
      ? await findEndpoint(tx, scopeOf(actor), { number: Number(match[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? await findEndpoint(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : undefined;
  if (found === undefined) throw notFound("monitor", key);
  return found;
}

export async function addMonitor(
  ctx: ServiceContext,
  actor: Actor,
  input: MonitorInput,
): Promise<MonitorView> {
  authorize(actor, "monitor:manage");
  const values = parseInput(monitorInput, input);
  const at = ctx.now().toISOString();
  const endpoint = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const number = await nextEndpointNumber(tx, scopeOf(actor));
    const row = {
      id: newId(),
      number,
      ...values,
      targetPercent: Math.round(values.targetPercent * 100) / 100,
      createdBy: actor.name,
      createdAt: at,
    };
    await insertEndpoint(tx, scopeOf(actor), row);
    const created = await loadMonitor(tx, actor, String(row.id));
    await recordEvent(
      tx,
      actor,
      "monitor.added",
      created.ref,
      {
        name: created.name,
        url: created.url,
        expectedStatus: created.expectedStatus,
        intervalMinutes: created.intervalMinutes,
        timeoutSeconds: created.timeoutSeconds,
        targetPercent: created.targetPercent,
      },
      new Date(at),
    );
    return created;
  });
  return { ...endpoint, months: [] };
}

export async function listMonitors(ctx: ServiceContext, actor: Actor): Promise<MonitorView[]> {
  authorize(actor, "monitor:read");
  const since = monthsBack(ctx.now(), MONTHS_SHOWN);
  return read(ctx.db, async (tx) => {
    const endpoints = await listEndpoints(tx, scopeOf(actor));
    const months = await monthlyUptime(tx, scopeOf(actor), since);
    return endpoints.map((e) => withMonths(e, months));
  });
}

export async function showMonitor(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<{ monitor: MonitorView; probes: MonitorProbe[] }> {
  authorize(actor, "monitor:read");
  const since = monthsBack(ctx.now(), MONTHS_SHOWN);
  return read(ctx.db, async (tx) => {
    const endpoint = await loadMonitor(tx, actor, key);
    const months = await monthlyUptime(tx, scopeOf(actor), since);
    return {
      monitor: withMonths(endpoint, months),
      probes: await listProbes(tx, scopeOf(actor), endpoint.id, 50),
    };
  });
}

export async function removeMonitor(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<MonitorEndpoint> {
  authorize(actor, "monitor:manage");
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const endpoint = await loadMonitor(tx, actor, key);
    await removeEndpoint(tx, scopeOf(actor), endpoint.id, at.toISOString());
    await recordEvent(
      tx,
      actor,
      "monitor.removed",
      endpoint.ref,
      { name: endpoint.name, url: endpoint.url },
      at,
    );
    return endpoint;
  });
}

/** Probes one endpoint now, whatever its interval: records it, alerts on a change of state. */
export async function probeMonitor(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<{ monitor: MonitorEndpoint; probe: MonitorProbe }> {
  authorize(actor, "monitor:manage");
  const endpoint = await read(ctx.db, (tx) => loadMonitor(tx, actor, key));
  const probe = await probeAndRecord(ctx, actor, endpoint);
  const monitor = await read(ctx.db, (tx) => loadMonitor(tx, actor, endpoint.ref));
  return { monitor, probe };
}
