import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import {
  addMonths,
  longerThanMonths,
  expectedOccurrences,
  isCalendarDate,
  localDate,
  occurrenceForDate,
  periodLengthInMonths,
  zonedMidnight,
} from "./periods.ts";
import type { Occurrence } from "./periods.ts";

const HOUR = 3_600_000;
const UTC = "UTC";
const NEW_YORK = "America/New_York";
const PARIS = "Europe/Paris";

function hours(occurrence: Occurrence | undefined): number {
  if (occurrence === undefined) throw new Error("no occurrence");
  return (Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / HOUR;
}

function keys(occurrences: readonly Occurrence[]): string[] {
  return occurrences.map((o) => o.key);
}

function windows(occurrences: readonly Occurrence[]): string[] {
  return occurrences.map((o) => `${o.key} ${o.from}..${o.to}`);
}

/** Calls fn and returns the AppError it throws, so tests can check code and field. */
function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

describe("expectedOccurrences across month ends", () => {
  const period = { from: "2026-01-30", to: "2026-02-02" };

  it("has one daily occurrence per local date, crossing into the next month", () => {
    expect(keys(expectedOccurrences("daily", period, UTC))).toEqual([
      "2026-01-30",
      "2026-01-31",
      "2026-02-01",
      "2026-02-02",
    ]);
  });

  it("clips ISO weeks to the period and labels them by their Monday", () => {
    const weeks = expectedOccurrences("weekly", period, UTC);
    expect(windows(weeks)).toEqual([
      "2026-W05 2026-01-30..2026-02-01",
      "2026-W06 2026-02-02..2026-02-02",
    ]);
    expect(weeks.map((w) => w.label)).toEqual([
      "week of 26 January 2026",
      "week of 2 February 2026",
    ]);
  });

  it("splits monthly occurrences at the month end and clips both ends", () => {
    const months = expectedOccurrences("monthly", period, UTC);
    expect(windows(months)).toEqual([
      "2026-01 2026-01-30..2026-01-31",
      "2026-02 2026-02-01..2026-02-02",
    ]);
    expect(months.map((m) => m.label)).toEqual(["January 2026", "February 2026"]);
  });

  it("ends a full month on its last day, 30 or 31", () => {
    const months = expectedOccurrences("monthly", { from: "2026-04-01", to: "2026-05-31" }, UTC);
    expect(windows(months)).toEqual([
      "2026-04 2026-04-01..2026-04-30",
      "2026-05 2026-05-01..2026-05-31",
    ]);
  });
});

describe("expectedOccurrences for quarters, years and the whole period", () => {
  it("uses calendar quarters, clipped to the period", () => {
    const quarters = expectedOccurrences(
      "quarterly",
      { from: "2026-02-15", to: "2026-10-01" },
      UTC,
    );
    expect(windows(quarters)).toEqual([
      "2026-Q1 2026-02-15..2026-03-31",
      "2026-Q2 2026-04-01..2026-06-30",
      "2026-Q3 2026-07-01..2026-09-30",
      "2026-Q4 2026-10-01..2026-10-01",
    ]);
    expect(quarters.map((q) => q.label)).toEqual(["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]);
  });

  it("uses calendar years for an annual control, so a period across New Year has two", () => {
    const years = expectedOccurrences("annual", { from: "2026-07-01", to: "2027-06-30" }, UTC);
    expect(windows(years)).toEqual(["2026 2026-07-01..2026-12-31", "2027 2027-01-01..2027-06-30"]);
  });

  it("gives a continuous control exactly one occurrence covering the period", () => {
    const period = { from: "2026-01-01", to: "2026-12-31" };
    const [only, ...rest] = expectedOccurrences("continuous", period, NEW_YORK);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      key: "period",
      from: "2026-01-01",
      to: "2026-12-31",
      startsAt: "2026-01-01T05:00:00.000Z",
      endsAt: "2027-01-01T05:00:00.000Z",
    });
  });

  it("gives an event-driven control no calendar occurrences", () => {
    expect(
      expectedOccurrences("event-driven", { from: "2026-01-01", to: "2026-12-31" }, UTC),
    ).toEqual([]);
  });
});

describe("expectedOccurrences over six months (2026-01-01..2026-06-30)", () => {
  const period = { from: "2026-01-01", to: "2026-06-30" };
  it.each([
    ["daily", 181],
    ["weekly", 27],
    ["monthly", 6],
    ["quarterly", 2],
    ["annual", 1],
    ["continuous", 1],
    ["event-driven", 0],
  ] as const)("expects %s controls to run %i times", (frequency, count) => {
    expect(expectedOccurrences(frequency, period, NEW_YORK)).toHaveLength(count);
  });

  it("counts 27 weeks because the period starts on a Thursday and ends on a Tuesday", () => {
    const weeks = expectedOccurrences("weekly", period, NEW_YORK);
    expect(weeks[0]).toMatchObject({ key: "2026-W01", from: "2026-01-01", to: "2026-01-04" });
    expect(weeks.at(-1)).toMatchObject({ key: "2026-W27", from: "2026-06-29", to: "2026-06-30" });
  });

  it("leaves no gap and no overlap between consecutive windows", () => {
    for (const frequency of ["daily", "weekly", "monthly", "quarterly"] as const) {
      const occurrences = expectedOccurrences(frequency, period, NEW_YORK);
      for (let i = 1; i < occurrences.length; i += 1) {
        expect(occurrences[i]!.startsAt).toBe(occurrences[i - 1]!.endsAt);
      }
    }
  });
});

describe("leap years", () => {
  it("includes 29 February 2028 as a day", () => {
    const days = expectedOccurrences("daily", { from: "2028-02-27", to: "2028-03-01" }, UTC);
    expect(keys(days)).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("ends February 2028 on the 29th and February 2026 on the 28th", () => {
    const leap = expectedOccurrences("monthly", { from: "2028-01-01", to: "2028-03-31" }, UTC);
    expect(leap[1]).toMatchObject({ key: "2028-02", from: "2028-02-01", to: "2028-02-29" });
    const common = expectedOccurrences("monthly", { from: "2026-01-01", to: "2026-03-31" }, UTC);
    expect(common[1]).toMatchObject({ key: "2026-02", from: "2026-02-01", to: "2026-02-28" });
  });

  it("accepts 2028-02-29 and rejects 2026-02-29", () => {
    expect(() =>
      expectedOccurrences("daily", { from: "2028-02-29", to: "2028-02-29" }, UTC),
    ).not.toThrow();
    const error = rejection(() =>
      expectedOccurrences("daily", { from: "2026-02-29", to: "2026-03-01" }, UTC),
    );
    expect(error.fieldErrors[0]?.field).toBe("from");
  });
});

describe("daylight saving time", () => {
  const day = (date: string, timeZone: string) =>
    expectedOccurrences("daily", { from: date, to: date }, timeZone)[0];

  it("makes the New York spring-forward day 23 hours and the fall-back day 25", () => {
    expect(day("2026-03-08", NEW_YORK)).toMatchObject({
      startsAt: "2026-03-08T05:00:00.000Z",
      endsAt: "2026-03-09T04:00:00.000Z",
    });
    expect(hours(day("2026-03-08", NEW_YORK))).toBe(23);
    expect(hours(day("2026-11-01", NEW_YORK))).toBe(25);
    expect(hours(day("2026-03-09", NEW_YORK))).toBe(24);
  });

  it("makes the Paris change days 23 and 25 hours", () => {
    expect(hours(day("2026-03-29", PARIS))).toBe(23);
    expect(hours(day("2026-10-25", PARIS))).toBe(25);
    expect(day("2026-03-29", PARIS)).toMatchObject({
      startsAt: "2026-03-28T23:00:00.000Z",
      endsAt: "2026-03-29T22:00:00.000Z",
    });
  });

  it("makes a week holding a change 167 or 169 hours", () => {
    const spring = expectedOccurrences(
      "weekly",
      { from: "2026-03-02", to: "2026-03-15" },
      NEW_YORK,
    );
    // 2026-03-08 is a Sunday, so the short day ends the week of 2 March.
    expect(spring.map(hours)).toEqual([167, 168]);
    const autumn = expectedOccurrences("weekly", { from: "2026-10-19", to: "2026-10-25" }, PARIS);
    expect(autumn.map(hours)).toEqual([169]);
  });

  it("finds local midnight on either side of a change", () => {
    expect(zonedMidnight("2026-03-08", NEW_YORK).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(zonedMidnight("2026-03-09", NEW_YORK).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(zonedMidnight("2026-10-26", PARIS).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(zonedMidnight("2026-07-01", "Asia/Kolkata").toISOString()).toBe(
      "2026-06-30T18:30:00.000Z",
    );
  });

  it("handles a zone east of UTC whose offset changes between UTC and local midnight", () => {
    // Sydney's clocks change at 02:00 local, after UTC midnight of the same date has passed.
    const sydney = "Australia/Sydney";
    expect(day("2026-10-04", sydney)).toMatchObject({
      startsAt: "2026-10-03T14:00:00.000Z",
      endsAt: "2026-10-04T13:00:00.000Z",
    });
    expect(hours(day("2026-04-05", sydney))).toBe(25);
  });

  it("starts a day at 01:00 when the clocks jump over midnight (Santiago, 2022-09-11)", () => {
    expect(zonedMidnight("2022-09-11", "America/Santiago").toISOString()).toBe(
      "2022-09-11T04:00:00.000Z",
    );
    expect(localDate(new Date("2022-09-11T04:00:00.000Z"), "America/Santiago")).toBe("2022-09-11");
    expect(localDate(new Date("2022-09-11T03:59:59.999Z"), "America/Santiago")).toBe("2022-09-10");
  });

  it("starts a day at its first midnight when the clocks fall back over midnight (Havana)", () => {
    // Cuba leaves DST at 01:00, back to 00:00, so 00:00 happens at 04:00Z and again at 05:00Z.
    expect(zonedMidnight("2026-11-01", "America/Havana").toISOString()).toBe(
      "2026-11-01T04:00:00.000Z",
    );
  });

  it("gives a day a zone skipped entirely zero length (Samoa, 2011-12-30)", () => {
    const days = expectedOccurrences(
      "daily",
      { from: "2011-12-29", to: "2011-12-31" },
      "Pacific/Apia",
    );
    expect(days.map(hours)).toEqual([24, 0, 24]);
  });
});

describe("localDate", () => {
  it("reads the date on the zone's wall clock just after and before local midnight", () => {
    // 00:00:01 local on the spring-forward day is still EST (UTC-5).
    expect(localDate(new Date("2026-03-08T05:00:01.000Z"), NEW_YORK)).toBe("2026-03-08");
    expect(localDate(new Date("2026-03-08T04:59:59.999Z"), NEW_YORK)).toBe("2026-03-07");
    // The day after, midnight is EDT (UTC-4): 04:00:01Z is already the 9th.
    expect(localDate(new Date("2026-03-09T04:00:01.000Z"), NEW_YORK)).toBe("2026-03-09");
    expect(localDate(new Date("2026-03-09T03:59:59.000Z"), NEW_YORK)).toBe("2026-03-08");
    // After the autumn change Paris is UTC+1 again.
    expect(localDate(new Date("2026-10-25T23:00:01.000Z"), PARIS)).toBe("2026-10-26");
    expect(localDate(new Date("2026-10-25T22:59:59.000Z"), PARIS)).toBe("2026-10-25");
  });

  it("round-trips with zonedMidnight", () => {
    for (const date of ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01", "2028-02-29"]) {
      for (const zone of [NEW_YORK, PARIS, "Pacific/Auckland", UTC]) {
        expect(localDate(zonedMidnight(date, zone), zone)).toBe(date);
      }
    }
  });

  it("rejects an invalid Date", () => {
    expect(rejection(() => localDate(new Date("nope"), UTC)).fieldErrors[0]?.field).toBe("instant");
  });
});

describe("ISO week-year at year boundaries", () => {
  const weekOf = (date: string) =>
    expectedOccurrences("weekly", { from: date, to: date }, UTC)[0]?.key;

  it("puts 2026-12-31 and 2027-01-01 in 2026-W53, and 2025-12-29 in 2026-W01", () => {
    expect(weekOf("2026-12-31")).toBe("2026-W53");
    expect(weekOf("2027-01-01")).toBe("2026-W53");
    expect(weekOf("2027-01-03")).toBe("2026-W53");
    expect(weekOf("2027-01-04")).toBe("2027-W01");
    expect(weekOf("2025-12-29")).toBe("2026-W01");
    expect(weekOf("2025-12-28")).toBe("2025-W52");
    expect(weekOf("2026-03-02")).toBe("2026-W10");
  });

  it("keeps one week whole across New Year rather than splitting it by calendar year", () => {
    const weeks = expectedOccurrences("weekly", { from: "2026-12-28", to: "2027-01-10" }, UTC);
    expect(windows(weeks)).toEqual([
      "2026-W53 2026-12-28..2027-01-03",
      "2027-W01 2027-01-04..2027-01-10",
    ]);
  });
});

describe("periodLengthInMonths", () => {
  it.each([
    ["2026-01-01", "2026-06-30", 6],
    ["2026-01-15", "2026-07-14", 6],
    ["2026-01-01", "2026-06-29", 5],
    ["2026-01-15", "2026-07-13", 5],
    ["2026-01-01", "2026-12-31", 12],
    ["2026-07-01", "2027-06-30", 12],
    ["2026-03-10", "2026-03-20", 0],
    ["2026-03-01", "2026-03-31", 1],
    ["2026-08-31", "2027-02-28", 6],
    ["2026-08-31", "2027-02-27", 5],
    ["2027-08-31", "2028-02-28", 5],
    ["2027-08-31", "2028-02-29", 6],
  ])("counts %s..%s as %i months", (from, to, months) => {
    expect(periodLengthInMonths({ from, to })).toBe(months);
  });

  it("validates the period", () => {
    const error = rejection(() => periodLengthInMonths({ from: "2026-07-01", to: "2026-06-30" }));
    expect(error.fieldErrors[0]?.field).toBe("to");
  });
});

describe("occurrenceForDate", () => {
  const months = expectedOccurrences("monthly", { from: "2026-01-15", to: "2026-04-15" }, UTC);

  it("finds the window a local date falls in, including its first and last days", () => {
    expect(occurrenceForDate(months, "2026-01-15")?.key).toBe("2026-01");
    expect(occurrenceForDate(months, "2026-02-28")?.key).toBe("2026-02");
    expect(occurrenceForDate(months, "2026-03-01")?.key).toBe("2026-03");
    expect(occurrenceForDate(months, "2026-04-15")?.key).toBe("2026-04");
  });

  it("finds nothing outside the period", () => {
    expect(occurrenceForDate(months, "2026-01-14")).toBeUndefined();
    expect(occurrenceForDate(months, "2026-04-16")).toBeUndefined();
    expect(occurrenceForDate([], "2026-02-01")).toBeUndefined();
  });

  it("rejects a malformed date", () => {
    expect(rejection(() => occurrenceForDate(months, "2026-2-1")).fieldErrors[0]?.field).toBe(
      "date",
    );
  });
});

describe("input validation", () => {
  it.each([
    [{ from: "2026-02-30", to: "2026-03-31" }, "from"],
    [{ from: "2026-13-01", to: "2026-12-31" }, "from"],
    [{ from: "26-01-01", to: "2026-12-31" }, "from"],
    [{ from: "2026-01-01", to: "2026-06-31" }, "to"],
    [{ from: "2026-01-01", to: "2026-06-30T00:00:00Z" }, "to"],
    [{ from: "2026-01-01", to: "" }, "to"],
    [{ from: "2026-07-01", to: "2026-06-30" }, "to"],
  ])("rejects %j naming field %s", (period, field) => {
    const error = rejection(() => expectedOccurrences("monthly", period, UTC));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors.map((e) => e.field)).toEqual([field]);
  });

  it("accepts a one-day period", () => {
    expect(
      expectedOccurrences("monthly", { from: "2026-06-30", to: "2026-06-30" }, UTC),
    ).toHaveLength(1);
  });

  it.each(["Mars/Olympus", "", "New York"])("rejects the time zone %j", (timeZone) => {
    const period = { from: "2026-01-01", to: "2026-01-31" };
    for (const frequency of ["daily", "event-driven"] as const) {
      const error = rejection(() => expectedOccurrences(frequency, period, timeZone));
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.fieldErrors.map((e) => e.field)).toEqual(["timeZone"]);
    }
    expect(rejection(() => zonedMidnight("2026-01-01", timeZone)).fieldErrors[0]?.field).toBe(
      "timeZone",
    );
    expect(rejection(() => localDate(new Date(), timeZone)).fieldErrors[0]?.field).toBe("timeZone");
  });

  it("rejects a malformed date given to zonedMidnight", () => {
    expect(rejection(() => zonedMidnight("2026-02-29", UTC)).fieldErrors[0]?.field).toBe("date");
  });
});

describe("isCalendarDate", () => {
  it.each(["2026-01-31", "2028-02-29", "2026-12-31", "0001-01-01"])("accepts %s", (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(["2026-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "0000-01-01", "2026-1-01"])(
    "rejects %s",
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it("rejects values that are not strings", () => {
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });
});

describe("months added and periods longer than a number of months", () => {
  it("adds months, a missing day becoming the first of the next month", () => {
    expect(addMonths("2026-01-15", 12)).toBe("2027-01-15");
    expect(addMonths("2026-08-31", 1)).toBe("2026-10-01");
    expect(addMonths("2026-03-31", -1)).toBe("2026-03-01");
  });

  it("counts a period past twelve months from the day after a full year", () => {
    expect(longerThanMonths({ from: "2025-01-01", to: "2025-12-31" }, 12)).toBe(false);
    expect(longerThanMonths({ from: "2025-01-01", to: "2026-01-01" }, 12)).toBe(true);
    expect(longerThanMonths({ from: "2025-07-01", to: "2027-06-30" }, 24)).toBe(false);
    expect(longerThanMonths({ from: "2025-07-01", to: "2027-07-01" }, 24)).toBe(true);
  });
});

describe("UTC without ICU", () => {
  // "Etc/UTC" is the same zone under another name, so it takes the Intl path.
  const instants = [
    "1969-12-31T23:59:59.999Z",
    "2000-02-29T12:00:00Z",
    "2026-03-29T00:59:59Z",
    "2026-12-31T23:59:59.999Z",
    "2027-01-01T00:00:00Z",
  ].map((text) => new Date(text));

  it("reads the same dates as the zone's Intl formatter", () => {
    for (const instant of instants) {
      expect(localDate(instant, "UTC")).toBe(localDate(instant, "Etc/UTC"));
    }
  });

  it("starts each day at the same instant as the Intl path", () => {
    for (const date of ["1970-01-01", "2028-02-29", "2026-10-25"]) {
      expect(zonedMidnight(date, "UTC")).toEqual(zonedMidnight(date, "Etc/UTC"));
    }
  });
});
