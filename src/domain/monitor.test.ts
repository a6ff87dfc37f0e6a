import { describe, expect, it } from "vitest";
import {
  endpointProblems,
  isDue,
  judgeAnswer,
  monthBounds,
  monthsToFile,
  uptimePercent,
} from "./monitor.ts";
import type { MonitorEndpoint } from "./monitor.ts";

const endpoint: MonitorEndpoint = {
  id: "e1",
  ref: "M-1",
  number: 1,
  name: "API",
  url: "https://api.acme.test/health",
  expectedStatus: 204,
  intervalMinutes: 5,
  timeoutSeconds: 10,
  targetPercent: 99.9,
  state: "up",
  stateSince: "2026-11-01T00:00:00.000Z",
  lastProbeAt: "2026-11-30T12:00:00.000Z",
  lastStatus: 204,
  lastLatencyMs: 40,
  lastError: null,
  createdBy: "Olivia",
  createdAt: "2026-11-01T00:00:00.000Z",
};

describe("the monitor's rules", () => {
  it("judges an answer against the expected status, and no answer as down", () => {
    expect(judgeAnswer(204, { status: 204, latencyMs: 12 })).toEqual({
      up: true,
      status: 204,
      latencyMs: 12,
      error: null,
    });
    expect(judgeAnswer(204, { status: 200, latencyMs: 12 }).error).toBe(
      "answered 200, expected 204",
    );
    expect(judgeAnswer(200, { error: "no answer within 10 s", latencyMs: null })).toMatchObject({
      up: false,
      status: null,
    });
  });

  it("is due when never probed or once its interval has passed", () => {
    expect(isDue({ ...endpoint, lastProbeAt: null }, new Date("2026-11-30T12:00:00Z"))).toBe(true);
    expect(isDue(endpoint, new Date("2026-11-30T12:04:59Z"))).toBe(false);
    expect(isDue(endpoint, new Date("2026-11-30T12:05:00Z"))).toBe(true);
  });

  it("counts uptime to two decimals, rounding down so 99.899 % does not pass 99.9 %", () => {
    expect(uptimePercent(0, 0)).toBeNull();
    expect(uptimePercent(99_899, 100_000)).toBe(99.89);
    expect(uptimePercent(3, 4)).toBe(75);
  });

  it("files finished months only, once, oldest first; knows a month's last day", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(
      monthsToFile(["2026-12", "2026-10", "2026-11", "2026-11"], new Set(["2026-10"]), now),
    ).toEqual(["2026-11"]);
    expect(monthBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("names an endpoint down now and a month under target", () => {
    const down = {
      ...endpoint,
      state: "down" as const,
      stateSince: "2026-11-30T11:55:00.000Z",
      lastError: "answered 503, expected 204",
    };
    expect(
      endpointProblems(down, [
        { month: "2026-10", probes: 100, up: 100, percent: 100 },
        { month: "2026-11", probes: 1000, up: 990, percent: 99 },
      ]),
    ).toEqual([
      "M-1 API is down since 2026-11-30 11:55 UTC (answered 503, expected 204)",
      "M-1 API was up 99 % in 2026-11, under its target of 99.9 %",
    ]);
    expect(endpointProblems(endpoint, [])).toEqual([]);
  });
});
