import { NOT_IMPLEMENTED_WORDING, NO_OCCURRENCES_WORDING } from "./test-results.ts";
import { describe, expect, it } from "vitest";
import {
  descriptionGaps,
  emptyDescription,
  monthsSince,
  periodPhrase,
  reportAge,
  resultSentence,
} from "./report.ts";
import { dateInWords } from "./words.ts";

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

describe("section IV's result sentence", () => {
  it("says '1 item', never '1 items', and no sample size on a clean result", () => {
    const clean = { conclusion: "operating-effectively", deviations: 0, sampleSize: 1 } as const;
    expect(resultSentence(2, clean)).toBe("No exceptions noted.");
    const one = { conclusion: "exception-noted", deviations: 1, sampleSize: 1 } as const;
    expect(resultSentence(2, one)).toBe("1 deviation in 1 item.");
    const two = { conclusion: "exception-noted", deviations: 2, sampleSize: 8 } as const;
    expect(resultSentence(2, two)).toBe("2 deviations in 8 items.");
    expect(resultSentence(1, clean)).toBe("");
    // A control not in place, or with nothing to test, never reads as a clean result.
    const absent = { conclusion: "not-implemented" as const, deviations: 0, sampleSize: 0 };
    expect(resultSentence(2, { ...absent, note: NOT_IMPLEMENTED_WORDING })).toBe(
      NOT_IMPLEMENTED_WORDING,
    );
    const none = { conclusion: "no-occurrences" as const, deviations: 0, sampleSize: 0 };
    expect(resultSentence(2, { ...none, note: NO_OCCURRENCES_WORDING })).toBe(
      NO_OCCURRENCES_WORDING,
    );
  });
});

describe("dates in words", () => {
  it("writes a calendar date or a timestamp as '2 March 2026', and the period with it", () => {
    expect(dateInWords("2026-03-02")).toBe("2 March 2026");
    expect(dateInWords("2026-12-31T23:30:00.000Z")).toBe("31 December 2026");
    expect(dateInWords("not a date")).toBe("not a date");
    const engagement = {
      type: 2,
      asOf: null,
      periodFrom: "2026-01-01",
      periodTo: "2026-06-30",
    } as const;
    expect(periodPhrase(engagement, dateInWords)).toBe(
      "for the period 1 January 2026 to 30 June 2026",
    );
    expect(periodPhrase(engagement)).toBe("for the period 2026-01-01 to 2026-06-30");
  });
});
