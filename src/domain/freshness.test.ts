import { describe, expect, it } from "vitest";
import { computeFreshness } from "./freshness.ts";

const on = (date: string) => [{ from: date, to: date }];

describe("computeFreshness", () => {
  it("says missing when there is no evidence", () => {
    expect(computeFreshness("monthly", [], "2026-03-02")).toMatchObject({
      state: "missing",
      reason: "it has no evidence yet",
    });
  });

  it("makes a monthly control's next evidence due by the end of the following month", () => {
    const evidence = on("2026-01-20");
    expect(computeFreshness("monthly", evidence, "2026-02-28")).toMatchObject({
      state: "current",
      dueBy: "2026-02-28",
    });
    const late = computeFreshness("monthly", evidence, "2026-03-01");
    expect(late).toMatchObject({ state: "overdue", dueBy: "2026-02-28" });
    expect(late.reason).toBe(
      "its evidence is overdue: the latest is for 2026-01-20, and February 2026 was due by 2026-02-28",
    );
  });

  it("uses the end of a period of evidence, calendar quarters, ISO weeks and leap days", () => {
    const quarter = [{ from: "2025-10-01", to: "2025-12-31" }];
    expect(computeFreshness("quarterly", quarter, "2026-03-31").state).toBe("current");
    expect(computeFreshness("quarterly", quarter, "2026-04-01").state).toBe("overdue");
    // 2026-01-01 is a Thursday: its ISO week runs 2025-12-29..2026-01-04; next is due 01-11.
    expect(computeFreshness("weekly", on("2026-01-01"), "2026-01-11").dueBy).toBe("2026-01-11");
    expect(computeFreshness("daily", on("2028-02-28"), "2028-02-29").state).toBe("current");
    expect(computeFreshness("daily", on("2028-02-28"), "2028-03-01").state).toBe("overdue");
    expect(computeFreshness("annual", on("2025-06-30"), "2026-06-30").state).toBe("current");
    expect(computeFreshness("annual", on("2025-06-30"), "2026-07-01")).toMatchObject({
      state: "overdue",
      dueBy: "2026-06-30",
    });
  });

  it("refreshes continuous controls quarterly and never schedules event-driven ones", () => {
    expect(computeFreshness("continuous", on("2026-01-15"), "2026-06-30").state).toBe("current");
    expect(computeFreshness("continuous", on("2026-01-15"), "2026-07-01").state).toBe("overdue");
    const events = computeFreshness("event-driven", on("2024-01-15"), "2026-07-01");
    expect(events).toMatchObject({ state: "current", dueBy: null });
  });

  it("takes the latest of several items", () => {
    const evidence = [
      ...on("2026-02-10"),
      ...on("2025-11-01"),
      { from: "2026-01-01", to: "2026-01-31" },
    ];
    expect(computeFreshness("monthly", evidence, "2026-03-20")).toMatchObject({
      state: "current",
      lastEvidenceFor: "2026-02-10",
      dueBy: "2026-03-31",
    });
  });
});
