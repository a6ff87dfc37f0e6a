import { describe, expect, it } from "vitest";
import { itemInWords } from "./words.ts";
import { resultFromAttributes, reviseSteps } from "./workpaper.ts";

describe("sampled items in words", () => {
  it("reads each kind of item as people name it, with the year when a report asks", () => {
    const week = {
      key: "2026-W12",
      label: "week of 16 March 2026",
      from: "2026-03-16",
      to: "2026-03-22",
    };
    expect(
      itemInWords({ key: "2026-03", label: "March 2026", from: "2026-03-01", to: "2026-03-31" }),
    ).toBe("March 2026");
    expect(itemInWords(week)).toBe("week 12 (16–22 March)");
    expect(itemInWords(week, { year: true })).toBe("week 12 (16–22 March 2026)");
    expect(itemInWords({ key: "2026-W14", label: "", from: "2026-03-30", to: "2026-04-05" })).toBe(
      "week 14 (30 March – 5 April)",
    );
    const event = {
      key: "ev-00f833dc6426",
      label: "Pull request #4105 (2026-03-02)",
      from: "2026-03-02",
      to: "2026-03-02",
    };
    expect(itemInWords(event)).toBe("Pull request #4105 (2 March)");
    expect(itemInWords(event, { year: true })).toBe("Pull request #4105 (2 March 2026)");
    expect(
      itemInWords({ key: "2026-03-02", label: "", from: "2026-03-02", to: "2026-03-02" }),
    ).toBe("2 March 2026");
    expect(
      itemInWords({ key: "2026-Q1", label: "Q1 2026", from: "2026-01-01", to: "2026-03-31" }),
    ).toBe("Q1 2026 (January to March)");
    expect(itemInWords({ key: "year-1", label: "", from: "2025-07-01", to: "2026-06-30" })).toBe(
      "the year (1 July 2025 – 30 June 2026)",
    );
    expect(itemInWords({ key: "period", label: "", from: "2026-01-01", to: "2026-06-30" })).toBe(
      "the whole period (1 January – 30 June 2026)",
    );
    // An imported row and a person carry their day in full; within the period, the day reads
    // without its year, and a label that merely ends in brackets is left as it is.
    const row = {
      key: "PR-4105",
      label: "Pull request #4105 (2 March 2026)",
      from: "2026-03-02",
      to: "2026-03-02",
    };
    expect(itemInWords(row)).toBe("Pull request #4105 (2 March)");
    expect(itemInWords(row, { year: true })).toBe("Pull request #4105 (2 March 2026)");
    const hire = { key: "hire-1", label: "Hire: Ana Ruiz (4 May 2026)", from: "2026-05-04" };
    expect(itemInWords({ ...hire, to: "2026-05-04" })).toBe("Hire: Ana Ruiz (4 May)");
    const other = {
      key: "T-9",
      label: "Ticket T-9 (urgent)",
      from: "2026-05-04",
      to: "2026-05-04",
    };
    expect(itemInWords(other)).toBe("Ticket T-9 (urgent)");
  });
});

describe("attribute results", () => {
  const steps = [
    { id: 1, text: "Approved by another engineer" },
    { id: 2, text: "Approved before merge" },
  ];
  it("makes an item with an attribute not met an exception naming it, and the note follows", () => {
    expect(
      resultFromAttributes(steps, { "1": "met", "2": "not-met" }, "Approved after merge."),
    ).toEqual({
      result: "exception",
      description: "Attribute not met: 2. Approved before merge. Approved after merge.",
    });
    expect(resultFromAttributes(steps, { "1": "met", "2": "not-applicable" }, null)).toEqual({
      result: "pass",
      description: null,
    });
    expect(
      resultFromAttributes(steps, { "1": "not-applicable", "2": "not-applicable" }, null),
    ).toBeNull();
  });
  it("keeps a kept step's id and gives a new one the next", () => {
    const { steps: revised, dropped } = reviseSteps(steps, ["New check", "Approved before merge"]);
    expect(revised).toEqual([
      { id: 3, text: "New check" },
      { id: 2, text: "Approved before merge" },
    ]);
    expect(dropped).toEqual([steps[0]]);
  });
});
