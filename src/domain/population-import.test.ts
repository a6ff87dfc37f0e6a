import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import {
  canonicalRows,
  importedPopulationItems,
  parsePopulation,
  populationRowsSha256,
} from "./population-import.ts";
import { compareKeys } from "./sampling.ts";

const PERIOD = { from: "2026-01-01", to: "2026-06-30" };

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parsing a population file", () => {
  it("reads quoted labels with commas, doubled quotes and line breaks, keeping line numbers", () => {
    const text =
      '\uFEFFkey,date,label\r\nPR-1,2026-03-02,"Fix, then ""ship"""\r\n' +
      'PR-2,2026-03-03,"Two\nlines"\r\nPR-3,2026-03-04,  Plain   label  \r\n\r\n';
    expect(parsePopulation(text, "csv", PERIOD)).toEqual([
      { line: 2, key: "PR-1", date: "2026-03-02", label: 'Fix, then "ship"' },
      { line: 3, key: "PR-2", date: "2026-03-03", label: "Two lines" },
      { line: 5, key: "PR-3", date: "2026-03-04", label: "Plain label" },
    ]);
  });

  it("refuses a file without the exact header, without rows, or with an open quote", () => {
    expect(
      refusal(() => parsePopulation("key,label,date\nA,x,2026-01-02", "csv", PERIOD)).message,
    ).toContain('header "key,date,label"');
    expect(refusal(() => parsePopulation("key,date,label\n", "csv", PERIOD)).message).toContain(
      "no rows",
    );
    expect(
      refusal(() => parsePopulation('key,date,label\nA,2026-01-02,"open', "csv", PERIOD)).message,
    ).toContain("line 2: a quoted field is never closed");
    expect(refusal(() => parsePopulation("{}", "json", PERIOD)).message).toContain("JSON array");
  });

  it("names rows outside the period by their JSON position", () => {
    const rows = [
      { key: "a", date: "2026-01-01", label: "first day" },
      { key: "b", date: "2026-07-01", label: "after" },
    ];
    const error = refusal(() => parsePopulation(JSON.stringify(rows), "json", PERIOD));
    expect(error.fieldErrors).toEqual([
      {
        field: "rows.2.date",
        message: "row 2: date 2026-07-01 is outside the period 2026-01-01 to 2026-06-30",
      },
    ]);
  });
});

describe("the canonical rows and their hash", () => {
  it("sorts by code point and hashes the canonical JSON, whatever the input order", () => {
    const rows = [
      { key: "b", date: "2026-01-02", label: "B" },
      { key: "\u{1F600}", date: "2026-01-03", label: "emoji" },
      { key: "\uFF21", date: "2026-01-04", label: "fullwidth A" },
      { key: "a", date: "2026-01-01", label: 'quote " and é' },
    ];
    expect(canonicalRows(rows).map((r) => r.key)).toEqual(["a", "b", "\uFF21", "\u{1F600}"]);
    const bytes = Buffer.from(
      JSON.stringify(
        canonicalRows(rows).map((r) => ({ date: r.date, key: r.key, label: r.label })),
      ),
    );
    expect(populationRowsSha256(rows)).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(populationRowsSha256([...rows].reverse())).toBe(populationRowsSha256(rows));
  });

  it("compares keys in code-point order, as UTF-8 bytes do", () => {
    const keys = ["\uFF21", "\u{1F600}", "z", "\uD7FF", "a", "\uE000", "ab"];
    const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareKeys)).toEqual(byBytes);
  });

  it("labels each occurrence with its date in words", () => {
    expect(
      importedPopulationItems([
        { key: "PR-4105", date: "2026-03-02", label: "Pull request #4105" },
      ]),
    ).toEqual([
      {
        key: "PR-4105",
        label: "Pull request #4105 (2 March 2026)",
        from: "2026-03-02",
        to: "2026-03-02",
        evidence: [],
      },
    ]);
  });
});
