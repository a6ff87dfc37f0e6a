/**
 * The availability monitor's rules, pure: what an endpoint is, when it is due, how a probe's
 * answer is judged, and how a month's uptime is counted and compared with its target. Months
 * are UTC calendar months, so the same probes give the same uptime wherever it is read. The
 * input schema is in services/program/monitors/monitor-input.ts: readiness reads this module.
 */
export const MONITOR_CONTROL = "BC-01";
export const MONITOR_STATES = ["unknown", "up", "down"] as const;
export type MonitorState = (typeof MONITOR_STATES)[number];
export const MONITOR_REF_PATTERN = /^M-(\d+)$/i;

export const DEFAULT_INTERVAL_MINUTES = 5;
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_TARGET_PERCENT = 99.9;

export function monitorRef(number: number): string {
  return `M-${number}`;
}

export interface MonitorEndpoint {
  id: string;
  ref: string;
  number: number;
  name: string;
  url: string;
  expectedStatus: number;
  intervalMinutes: number;
  timeoutSeconds: number;
  /** Percent, to two decimals (99.9). */
  targetPercent: number;
  state: MonitorState;
  stateSince: string;
  lastProbeAt: string | null;
  lastStatus: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ProbeOutcome {
  up: boolean;
  /** The HTTP status, or null when nothing answered. */
  status: number | null;
  latencyMs: number | null;
  /** Why it is down, in words that carry no secret ("answered 503, expected 200"). */
  error: string | null;
}

export interface MonitorProbe extends ProbeOutcome {
  id: string;
  probedAt: string;
}

/** An answer (or none) judged against what the endpoint should say. */
export function judgeAnswer(
  expectedStatus: number,
  answer: { status: number; latencyMs: number } | { error: string; latencyMs: number | null },
): ProbeOutcome {
  if ("error" in answer) {
    return { up: false, status: null, latencyMs: answer.latencyMs, error: answer.error };
  }
  const up = answer.status === expectedStatus;
  return {
    up,
    status: answer.status,
    latencyMs: answer.latencyMs,
    error: up ? null : `answered ${answer.status}, expected ${expectedStatus}`,
  };
}

/** Due when never probed, or when its interval has passed since the last probe. */
export function isDue(endpoint: MonitorEndpoint, now: Date): boolean {
  if (endpoint.lastProbeAt === null) return true;
  return now.getTime() - Date.parse(endpoint.lastProbeAt) >= endpoint.intervalMinutes * 60_000;
}

/** "2026-11" for an instant, in UTC. */
export function monthOf(instant: Date | string): string {
  return (typeof instant === "string" ? instant : instant.toISOString()).slice(0, 7);
}

export function monthBounds(month: string): { from: string; to: string } {
  const [year = 0, m = 1] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export interface MonthUptime {
  month: string;
  probes: number;
  up: number;
  /** Percent to two decimals; null without probes. */
  percent: number | null;
}

export function uptimePercent(up: number, probes: number): number | null {
  if (probes === 0) return null;
  return Math.floor((up / probes) * 10_000) / 100;
}

export function meetsTarget(uptime: MonthUptime, targetPercent: number): boolean {
  return uptime.percent === null || uptime.percent >= targetPercent;
}

/** The months before `now`'s month that have probes and are not filed yet, oldest first. */
export function monthsToFile(
  probedMonths: readonly string[],
  filed: ReadonlySet<string>,
  now: Date,
): string[] {
  const current = monthOf(now);
  return [...new Set(probedMonths)].filter((m) => m < current && !filed.has(m)).sort();
}

/** What readiness says about BC-01 from one endpoint: ok, or the reason it is not. */
export function endpointProblems(
  endpoint: MonitorEndpoint,
  months: readonly MonthUptime[],
): string[] {
  const problems: string[] = [];
  if (endpoint.state === "down") {
    problems.push(
      `${endpoint.ref} ${endpoint.name} is down since ${endpoint.stateSince.slice(0, 16).replace("T", " ")} UTC` +
        (endpoint.lastError === null ? "" : ` (${endpoint.lastError})`),
    );
  }
  for (const month of months) {
    if (!meetsTarget(month, endpoint.targetPercent)) {
      problems.push(
        `${endpoint.ref} ${endpoint.name} was up ${month.percent} % in ${month.month}, under its target of ${endpoint.targetPercent} %`,
      );
    }
  }
  return problems;
}

/** The first month (YYYY-MM, UTC) of the `count` months up to and including now's. */
export function monthsBack(now: Date, count: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1), 1));
  return monthOf(d);
}
