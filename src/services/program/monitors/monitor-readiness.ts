/**
 * The readiness signals the availability monitor gives its control (BC-01). Kept apart from
 * the monitor's services so that readiness loads no probing or alerting code.
 */
import { listEndpoints, monthlyUptime } from "../../../db/monitors.repo.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { MONITOR_CONTROL, endpointProblems, monthsBack } from "../../../domain/monitor.ts";
import type { ControlSignal } from "../../../domain/readiness.ts";
import type { OrganizationDay } from "../../platform/organization-day.ts";

/**
 * Readiness signals on BC-01 once an endpoint is monitored: each endpoint down now, and each
 * month of this one and the last under its target, is a reason; otherwise one ok signal.
 */
export async function loadMonitorSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const endpoints = await listEndpoints(tx, scopeOf(actor));
  if (endpoints.length === 0) return new Map();
  const months = await monthlyUptime(tx, scopeOf(actor), monthsBack(day.now, 2));
  const problems = endpoints.flatMap((e) => endpointProblems(e, months.get(e.id) ?? []));
  const signals: ControlSignal[] =
    problems.length === 0
      ? [
          {
            source: "monitor",
            ok: true,
            reason: `${endpoints.length} monitored endpoint(s) up and within their uptime targets`,
          },
        ]
      : problems.map((reason) => ({ source: "monitor", ok: false, reason }));
  return new Map([[MONITOR_CONTROL, signals]]);
}
