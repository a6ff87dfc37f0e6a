import { describe, expect, it } from "vitest";
import { buildPopulation, dueOccurrences, eventKey } from "./population.ts";

const ev = (id: string, from: string, to = from) => ({ id, title: id, from, to });
const h1 = { from: "2026-01-01", to: "2026-06-30" };

describe("dueOccurrences", () => {
  it("leaves out a window the period's end cuts short, keeps one cut at its start", () => {
    const quarters = dueOccurrences("quarterly", { from: "2026-02-15", to: "2026-10-31" }, "UTC");
    expect(quarters.map((q) => [q.key, q.from, q.to])).toEqual([
      ["2026-Q1", "2026-02-15", "2026-03-31"],
      ["2026-Q2", "2026-04-01", "2026-06-30"],
      ["2026-Q3", "2026-07-01", "2026-09-30"],
    ]);
  });

  it("expects a yearly control once per twelve months of the period, across New Year", () => {
    const straddling = dueOccurrences("annual", { from: "2025-07-01", to: "2026-06-30" }, "UTC");
    expect(straddling.map((o) => [o.key, o.from, o.to])).toEqual([
      ["year-1", "2025-07-01", "2026-06-30"],
    ]);
    const short = dueOccurrences("annual", h1, "UTC");
    expect(short.map((o) => [o.from, o.to])).toEqual([["2026-01-01", "2026-06-30"]]);
    const long = dueOccurrences("annual", { from: "2024-02-29", to: "2026-03-15" }, "UTC");
    expect(long.map((o) => [o.from, o.to])).toEqual([
      ["2024-02-29", "2025-02-28"],
      ["2025-03-01", "2026-02-28"],
    ]);
  });

  it("gives a yearly window DST-correct instants in the organization's zone", () => {
    const [year] = dueOccurrences("annual", h1, "America/New_York");
    expect(year?.startsAt).toBe("2026-01-01T05:00:00.000Z");
    expect(year?.endsAt).toBe("2026-07-01T04:00:00.000Z");
  });
});

describe("buildPopulation", () => {
  it("attaches evidence to the windows it falls in and lists the ones without", () => {
    const population = buildPopulation("monthly", h1, "UTC", [
      ev("a", "2026-01-31"),
      ev("b", "2026-03-01"),
      ev("c", "2026-03-15"),
    ]);
    expect(population.items.map((i) => [i.key, i.evidence])).toEqual([
      ["2026-01", ["a"]],
      ["2026-02", []],
      ["2026-03", ["b", "c"]],
      ["2026-04", []],
      ["2026-05", []],
      ["2026-06", []],
    ]);
    expect(population.missing).toEqual(["2026-02", "2026-04", "2026-05", "2026-06"]);
  });

  it("lets a weekly report evidence each of its days, but not a blanket over months", () => {
    const weekly = buildPopulation("daily", { from: "2026-03-02", to: "2026-03-10" }, "UTC", [
      ev("w", "2026-03-02", "2026-03-08"),
    ]);
    expect(weekly.missing).toEqual(["2026-03-09", "2026-03-10"]);
    const blanket = buildPopulation("daily", h1, "UTC", [ev("all", "2026-01-01", "2026-06-30")]);
    expect(blanket.missing).toHaveLength(181);
    const yearly = buildPopulation("annual", h1, "UTC", [ev("all", "2026-01-01", "2026-06-30")]);
    expect(yearly.missing).toEqual([]);
  });

  it("takes an event-driven population from the events recorded inside the period", () => {
    const population = buildPopulation("event-driven", h1, "UTC", [
      ev("0b6f0c2e-aaaa-4bbb-8ccc-000000000002", "2026-05-01"),
      ev("0b6f0c2e-aaaa-4bbb-8ccc-000000000001", "2026-02-01"),
      ev("0b6f0c2e-aaaa-4bbb-8ccc-000000000003", "2025-12-31"),
    ]);
    expect(population.items.map((i) => [i.key, i.from])).toEqual([
      [eventKey("0b6f0c2e-aaaa-4bbb-8ccc-000000000001"), "2026-02-01"],
      [eventKey("0b6f0c2e-aaaa-4bbb-8ccc-000000000002"), "2026-05-01"],
    ]);
    expect(eventKey("0b6f0c2e-aaaa-4bbb-8ccc-000000000001")).toBe("ev-0b6f0c2eaaaa");
    expect(population.missing).toEqual([]);
  });

  it("holds, in a period running past today, only the occurrences ended by today", () => {
    const year = { from: "2026-01-01", to: "2026-12-31" };
    const today = "2026-03-11";
    const days = buildPopulation("daily", year, "UTC", [], today);
    expect(days.items).toHaveLength(70);
    expect(days.items.at(-1)?.key).toBe("2026-03-11");
    expect(days.missing).toHaveLength(70);
    // The ISO week of today (9–15 March) has not ended: it is not in the population yet.
    const weeks = buildPopulation("weekly", year, "UTC", [], today);
    expect(weeks.items.every((w) => w.to <= today)).toBe(true);
    expect(weeks.items.at(-1)?.to).toBe("2026-03-08");
    const quarters = buildPopulation("quarterly", year, "UTC", [], today);
    expect(quarters.items).toEqual([]);
    const yearly = buildPopulation("annual", year, "UTC", [], today);
    expect(yearly.items).toEqual([]);
    // A continuous control is inspected at points: its quarters, none ended yet.
    expect(buildPopulation("continuous", year, "UTC", [], today).items).toEqual([]);
    const running = buildPopulation("continuous", year, "UTC", [], "2026-07-01");
    expect(running.items.map((q) => q.key)).toEqual(["2026-Q1", "2026-Q2"]);
    const events = buildPopulation(
      "event-driven",
      year,
      "UTC",
      [ev("0b6f0c2e-aaaa-4bbb-8ccc-000000000001", "2026-03-11"), ev("later", "2026-04-01")],
      today,
    );
    expect(events.items.map((i) => i.from)).toEqual(["2026-03-11"]);
    // A period that has ended is unchanged by today.
    expect(buildPopulation("weekly", h1, "UTC", [], "2026-11-20")).toEqual(
      buildPopulation("weekly", h1, "UTC", []),
    );
  });
});
