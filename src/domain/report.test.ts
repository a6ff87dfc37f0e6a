import { describe, expect, it } from "vitest";
import { descriptionGaps, emptyDescription, monthsSince, reportAge } from "./report.ts";

describe("report age", () => {
  it("counts whole months, a short month's last day completing one", () => {
    expect(monthsSince("2025-08-31", "2026-02-27")).toBe(5);
    expect(monthsSince("2025-08-31", "2026-02-28")).toBe(6);
    expect(monthsSince("2024-12-31", "2026-06-30")).toBe(18);
    expect(monthsSince("2026-01-15", "2026-02-14")).toBe(0);
    expect(monthsSince("2026-01-15", "2026-02-15")).toBe(1);
    expect(monthsSince("2026-06-30", "2026-06-01")).toBe(0);
  });

  it("is current below 10 months, renew-soon to 12, aging to 18, then expired", () => {
    const end = "2025-06-30";
    expect(reportAge(end, "2026-04-29").status).toBe("current");
    expect(reportAge(end, "2026-04-30")).toEqual({ months: 10, status: "renew-soon" });
    expect(reportAge(end, "2026-06-30")).toEqual({ months: 12, status: "aging" });
    expect(reportAge(end, "2026-12-29").status).toBe("aging");
    expect(reportAge(end, "2026-12-30")).toEqual({ months: 18, status: "expired" });
  });
});

describe("description gaps", () => {
  const facts = { type: 2 as const, criteriaWithoutControls: [], exclusionsWithoutReason: [] };

  it("accepts an explicit none for incidents, CUECs, subservice organizations and changes", () => {
    const gaps = descriptionGaps(emptyDescription(), facts).map((g) => g.criterion);
    expect(new Set(gaps)).toEqual(new Set(["DC1", "DC2", "DC3", "DC4", "DC6", "DC7", "DC9"]));
    const stated = {
      ...emptyDescription(),
      noIncidents: true,
      noCuecs: true,
      noSubservices: true,
      noChanges: true,
    };
    const left = new Set(descriptionGaps(stated, facts).map((g) => g.criterion));
    expect(left).toEqual(new Set(["DC1", "DC2", "DC3"]));
  });

  it("names the criteria without controls, a carved-out vendor without CSOCs, and Type 1 skips DC9", () => {
    const d = {
      ...emptyDescription(),
      subservices: [{ name: "AWS", services: "Hosting", method: "carve-out" as const, csocs: [] }],
    };
    const gaps = descriptionGaps(d, { ...facts, type: 1, criteriaWithoutControls: ["CC9.2"] });
    expect(gaps).toContainEqual({ criterion: "DC5", missing: "map a control to CC9.2" });
    expect(gaps).toContainEqual({
      criterion: "DC7",
      missing: "list the controls expected of AWS (CSOCs)",
    });
    expect(gaps.some((g) => g.criterion === "DC9")).toBe(false);
  });
});
