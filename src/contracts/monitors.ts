/** Answers of the availability monitor's routes: endpoints with their state and uptime, probes. */
import { z } from "zod";
import { MONITOR_STATES } from "../domain/monitor.ts";
import { instant } from "./common.ts";

export const monthUptime = z.object({
  month: z.string().describe("a UTC calendar month, 2026-11"),
  probes: z.number().int(),
  up: z.number().int(),
  percent: z.number().nullable().describe("up ÷ probes, in percent to two decimals"),
});

export const monitor = z.object({
  id: z.string(),
  ref: z.string().describe("M-1, M-2, … per organization; how paths name the endpoint"),
  number: z.number().int(),
  name: z.string(),
  url: z.string().describe("an https:// URL"),
  expectedStatus: z.number().int(),
  intervalMinutes: z.number().int(),
  timeoutSeconds: z.number().int(),
  targetPercent: z.number().describe("the monthly uptime it should reach, 99.9"),
  state: z.enum(MONITOR_STATES).describe("unknown until the first probe"),
  stateSince: instant,
  lastProbeAt: instant.nullable(),
  lastStatus: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdBy: z.string(),
  createdAt: instant,
  months: z.array(monthUptime).describe("the last 12 months that had probes, newest first"),
});
export type Monitor = z.output<typeof monitor>;

export const monitorProbe = z.object({
  id: z.string(),
  probedAt: instant,
  up: z.boolean(),
  status: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type MonitorProbe = z.output<typeof monitorProbe>;

export const monitorList = z.object({ items: z.array(monitor) });
export type MonitorList = z.output<typeof monitorList>;

export const monitorDetail = z.object({ monitor, probes: z.array(monitorProbe) });
export type MonitorDetail = z.output<typeof monitorDetail>;

export const monitorProbeOutcome = z.object({
  monitor: monitor.omit({ months: true }),
  probe: monitorProbe,
});
export type MonitorProbeOutcome = z.output<typeof monitorProbeOutcome>;
