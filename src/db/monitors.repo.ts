/** All SQL of the availability monitor; every function is scoped to one organization. */
import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { monitorRef, uptimePercent } from "../domain/monitor.ts";
import type {
  MonitorEndpoint,
  MonitorProbe,
  MonitorState,
  MonthUptime,
} from "../domain/monitor.ts";
import type { MonitorEndpointsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

type EndpointRow = Selectable<MonitorEndpointsTable> & {
  state: string | null;
  state_since: string | null;
  last_probe_at: string | null;
  last_status: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
};

function toEndpoint(row: EndpointRow): MonitorEndpoint {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: monitorRef(number),
    number,
    name: row.name,
    url: row.url,
    expectedStatus: Number(row.expected_status),
    intervalMinutes: Number(row.interval_minutes),
    timeoutSeconds: Number(row.timeout_seconds),
    targetPercent: Number(row.target_basis_points) / 100,
    // No status row yet: never probed.
    state: (row.state ?? "unknown") as MonitorState,
    stateSince: row.state_since ?? row.created_at,
    lastProbeAt: row.last_probe_at,
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastLatencyMs: row.last_latency_ms === null ? null : Number(row.last_latency_ms),
    lastError: row.last_error,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function endpoints(tx: Tx, scope: OrgScope) {
  return tx
    .selectFrom("monitor_endpoints as e")
    .leftJoin("monitor_status as s", "s.endpoint_id", "e.id")
    .selectAll("e")
    .select([
      "s.state",
      "s.state_since",
      "s.last_probe_at",
      "s.last_status",
      "s.last_latency_ms",
      "s.last_error",
    ])
    .where("e.organization_id", "=", scope.organizationId)
    .where("e.removed_at", "is", null);
}

/** The endpoints not removed, by number. */
export async function listEndpoints(tx: Tx, scope: OrgScope): Promise<MonitorEndpoint[]> {
  const rows = await endpoints(tx, scope).orderBy("e.number").execute();
  return rows.map(toEndpoint);
}

export async function findEndpoint(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<MonitorEndpoint | undefined> {
  const query = endpoints(tx, scope);
  const row = await (
    "number" in key ? query.where("e.number", "=", key.number) : query.where("e.id", "=", key.id)
  ).executeTakeFirst();
  return row === undefined ? undefined : toEndpoint(row);
}

/** Removed endpoints keep their numbers, so a ref is never reused. */
export async function nextEndpointNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("monitor_endpoints")
    .select((eb) => eb.fn.max("number").as("last"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertEndpoint(
  tx: Tx,
  scope: OrgScope,
  endpoint: Omit<
    MonitorEndpoint,
    "ref" | "state" | "stateSince" | "lastProbeAt" | "lastStatus" | "lastLatencyMs" | "lastError"
  >,
): Promise<void> {
  await tx
    .insertInto("monitor_endpoints")
    .values({
      id: endpoint.id,
      organization_id: scope.organizationId,
      number: endpoint.number,
      name: endpoint.name,
      url: endpoint.url,
      expected_status: endpoint.expectedStatus,
      interval_minutes: endpoint.intervalMinutes,
      timeout_seconds: endpoint.timeoutSeconds,
      target_basis_points: Math.round(endpoint.targetPercent * 100),
      created_by: endpoint.createdBy,
      created_at: endpoint.createdAt,
      removed_at: null,
    })
    .execute();
}

export async function removeEndpoint(
  tx: Tx,
  scope: OrgScope,
  id: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("monitor_endpoints")
    .set({ removed_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .execute();
}

/** Keeps a probe and moves the endpoint's last answer (and its state, when it changed). */
export async function recordProbe(
  tx: Tx,
  scope: OrgScope,
  endpoint: MonitorEndpoint,
  probe: MonitorProbe,
): Promise<void> {
  await tx
    .insertInto("monitor_probes")
    .values({
      id: probe.id,
      organization_id: scope.organizationId,
      endpoint_id: endpoint.id,
      probed_at: probe.probedAt,
      up: probe.up ? 1 : 0,
      status: probe.status,
      latency_ms: probe.latencyMs,
      error: probe.error,
    })
    .execute();
  const state: MonitorState = probe.up ? "up" : "down";
  const status = {
    state,
    state_since: state === endpoint.state ? endpoint.stateSince : probe.probedAt,
    last_probe_at: probe.probedAt,
    last_status: probe.status,
    last_latency_ms: probe.latencyMs,
    last_error: probe.error,
  };
  await tx
    .insertInto("monitor_status")
    .values({ endpoint_id: endpoint.id, organization_id: scope.organizationId, ...status })
    .onConflict((oc) => oc.column("endpoint_id").doUpdateSet(status))
    .execute();
}

export async function listProbes(
  tx: Tx,
  scope: OrgScope,
  endpointId: string,
  limit: number,
): Promise<MonitorProbe[]> {
  const rows = await tx
    .selectFrom("monitor_probes")
    .select(["id", "probed_at", "up", "status", "latency_ms", "error"])
    .where("organization_id", "=", scope.organizationId)
    .where("endpoint_id", "=", endpointId)
    .orderBy("probed_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    probedAt: r.probed_at,
    up: Number(r.up) === 1,
    status: r.status === null ? null : Number(r.status),
    latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
    error: r.error,
  }));
}

/**
 * Probes and those up per endpoint and UTC month (ISO times sort and cut the same on both
 * engines), from `sinceMonth` on when given. One grouped query for every endpoint.
 */
export async function monthlyUptime(
  tx: Tx,
  scope: OrgScope,
  sinceMonth: string | null = null,
): Promise<Map<string, MonthUptime[]>> {
  const month = sql<string>`substr(probed_at, 1, 7)`;
  let query = tx
    .selectFrom("monitor_probes")
    .select((eb) => [
      "endpoint_id",
      month.as("month"),
      eb.fn.countAll().as("probes"),
      eb.fn.sum("up").as("up"),
    ])
    .where("organization_id", "=", scope.organizationId)
    .groupBy(["endpoint_id", month])
    .orderBy("endpoint_id")
    .orderBy(month);
  if (sinceMonth !== null) query = query.where("probed_at", ">=", `${sinceMonth}-01`);
  const rows = await query.execute();
  const byEndpoint = new Map<string, MonthUptime[]>();
  for (const row of rows) {
    const probes = Number(row.probes);
    const up = Number(row.up ?? 0);
    const list = byEndpoint.get(row.endpoint_id) ?? [];
    list.push({ month: row.month, probes, up, percent: uptimePercent(up, probes) });
    byEndpoint.set(row.endpoint_id, list);
  }
  return byEndpoint;
}

export async function filedMonths(
  tx: Tx,
  scope: OrgScope,
  endpointId: string,
): Promise<Set<string>> {
  const rows = await tx
    .selectFrom("monitor_months")
    .select("month")
    .where("organization_id", "=", scope.organizationId)
    .where("endpoint_id", "=", endpointId)
    .execute();
  return new Set(rows.map((r) => r.month));
}

export async function insertFiledMonth(
  tx: Tx,
  scope: OrgScope,
  row: {
    endpointId: string;
    month: string;
    probes: number;
    up: number;
    evidenceId: string | null;
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto("monitor_months")
    .values({
      organization_id: scope.organizationId,
      endpoint_id: row.endpointId,
      month: row.month,
      probes: row.probes,
      up: row.up,
      evidence_id: row.evidenceId,
      filed_at: row.at,
    })
    .execute();
}

/** Many probes at once (the demo's history), 500 rows per insert. */
export async function insertProbes(
  tx: Tx,
  scope: OrgScope,
  endpointId: string,
  probes: readonly MonitorProbe[],
): Promise<void> {
  for (let start = 0; start < probes.length; start += 500) {
    await tx
      .insertInto("monitor_probes")
      .values(
        probes.slice(start, start + 500).map((p) => ({
          id: p.id,
          organization_id: scope.organizationId,
          endpoint_id: endpointId,
          probed_at: p.probedAt,
          up: p.up ? 1 : 0,
          status: p.status,
          latency_ms: p.latencyMs,
          error: p.error,
        })),
      )
      .execute();
  }
}
