/** The availability monitor: endpoints (add, list, show, remove) and a probe on demand. */
import { z } from "zod";
import {
  monitor,
  monitorDetail,
  monitorList,
  monitorProbeOutcome,
} from "../../contracts/monitors.ts";
import { monitorInput } from "../../services/program/monitors/monitor-input.ts";
import {
  addMonitor,
  listMonitors,
  probeMonitor,
  removeMonitor,
  showMonitor,
} from "../../services/program/monitors/monitors.service.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const monitorParam = { monitor: z.string().min(1).max(40) };

export function registerMonitorRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/monitors",
    tag: "monitors",
    summary: "Monitored HTTPS endpoints, with their current state and monthly uptime",
    response: monitorList,
    handler: async ({ actor }) => ({ items: await listMonitors(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/monitors",
    tag: "monitors",
    summary: "Monitor an HTTPS endpoint (expected status, interval, timeout, uptime target)",
    body: monitorInput,
    response: monitor,
    status: 201,
    handler: async ({ actor, body }) => addMonitor(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/monitors/:monitor",
    tag: "monitors",
    summary: "One endpoint with its last 50 probes",
    params: monitorParam,
    response: monitorDetail,
    handler: async ({ actor, params }) => showMonitor(ctx, actor, params.monitor),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/monitors/:monitor",
    tag: "monitors",
    summary: "Stop monitoring an endpoint (its probes and filed months are kept)",
    params: monitorParam,
    status: 204,
    handler: async ({ actor, params }) => {
      await removeMonitor(ctx, actor, params.monitor);
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/monitors/:monitor/probe",
    tag: "monitors",
    summary: "Probe an endpoint now, whatever its interval",
    params: monitorParam,
    response: monitorProbeOutcome,
    handler: async ({ actor, params }) => probeMonitor(ctx, actor, params.monitor),
  });
}
