import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ControlAutomation, ControlFrequency } from "../catalog/types.ts";
import { AppError } from "./errors.ts";
import { SAMPLE_SIZE_LADDER, drawSample, newSeed, sampleSize } from "./sampling.ts";

function size(
  frequency: ControlFrequency,
  population: number,
  options: {
    automation?: ControlAutomation;
    priorException?: boolean;
    itgcReliedOn?: string[];
  } = {},
) {
  return sampleSize({
    frequency,
    population,
    automation: options.automation ?? "manual",
    priorException: options.priorException ?? false,
    ...(options.itgcReliedOn === undefined ? {} : { itgcReliedOn: options.itgcReliedOn }),
  });
}

const ITGCS = ["AC-02", "CM-02", "CM-03"];

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

function keyed(count: number): { key: string }[] {
  return Array.from({ length: count }, (_, i) => ({ key: `k${String(i).padStart(2, "0")}` }));
}

function keysOf(items: readonly { key: string }[]): string[] {
  return items.map((item) => item.key);
}

/**
 * The documented algorithm written out as plainly as possible, independently of sampling.ts,
 * for ASCII keys: if the two disagree, the code no longer does what its comment promises.
 */
function referenceDraw(keys: readonly string[], n: number, seed: string, controlId: string) {
  const a = [...keys].sort();
  let c = 0;
  const draw = () => {
    const hex = createHash("sha256").update(`${seed}:${controlId}:${c}`).digest("hex");
    c += 1;
    return BigInt(`0x${hex.slice(0, 16)}`);
  };
  for (let i = 0; i < n; i += 1) {
    const m = BigInt(a.length - i);
    const limit = 2n ** 64n - (2n ** 64n % m);
    let x = draw();
    while (x >= limit) x = draw();
    const j = i + Number(x % m);
    const swap = a[i]!;
    a[i] = a[j]!;
    a[j] = swap;
  }
  return a.slice(0, n).sort();
}

describe("sampleSize by frequency", () => {
  it.each([
    ["annual", 1],
    ["quarterly", 2],
    ["monthly", 2],
    ["weekly", 5],
    ["daily", 25],
    ["continuous", 2],
  ] as const)("tests a manual %s control with %i item(s)", (frequency, expected) => {
    const decision = size(frequency, 365);
    expect(decision.size).toBe(expected);
    expect(decision.basis).toContain(`${frequency} control`);
  });

  it("words the basis for people", () => {
    expect(size("monthly", 12).basis).toBe("monthly control: 2 items");
    expect(size("annual", 1).basis).toBe("annual control: 1 item");
  });

  it("treats an IT-dependent manual control like a manual one", () => {
    expect(size("daily", 250, { automation: "it-dependent-manual" }).size).toBe(25);
    expect(size("event-driven", 40, { automation: "it-dependent-manual" }).size).toBe(8);
  });
});

describe("sampleSize for event-driven controls", () => {
  it.each([
    [1, 1],
    [10, 10],
    [11, 8],
    [50, 8],
    [51, 15],
    [250, 15],
    [251, 25],
    [10_000, 25],
  ])("with a population of %i tests %i", (population, expected) => {
    expect(size("event-driven", population).size).toBe(expected);
  });

  it("names the band in the basis", () => {
    expect(size("event-driven", 37).basis).toBe("event-driven, population 37 (11–50): 8 items");
    expect(size("event-driven", 7).basis).toBe("event-driven, population 7 (10 or fewer): all 7");
    expect(size("event-driven", 300).basis).toBe(
      "event-driven, population 300 (over 250): 25 items",
    );
  });
});

describe("sampleSize for automated controls", () => {
  it.each([
    "annual",
    "quarterly",
    "monthly",
    "weekly",
    "daily",
    "continuous",
    "event-driven",
  ] as const)(
    "tests one instance of an automated %s control relying on tested ITGCs",
    (frequency) => {
      const decision = size(frequency, 500, { automation: "automated", itgcReliedOn: ITGCS });
      expect(decision.size).toBe(1);
      expect(decision.basis).toContain(
        "a test of one, relying on the IT general controls AC-02, CM-02, CM-03, tested without " +
          "exceptions in the period",
      );
    },
  );

  it("tests one instance even of a small event-driven population", () => {
    const decision = size("event-driven", 4, { automation: "automated", itgcReliedOn: ITGCS });
    expect(decision.size).toBe(1);
  });

  it.each([
    ["daily", 25],
    ["monthly", 2],
    ["continuous", 2],
  ] as const)(
    "sizes an automated %s control by frequency when its ITGCs are not recorded as tested",
    (frequency, expected) => {
      for (const itgcReliedOn of [undefined, []]) {
        const decision = size(frequency, 500, {
          automation: "automated",
          ...(itgcReliedOn === undefined ? {} : { itgcReliedOn }),
        });
        expect(decision.size).toBe(expected);
        expect(decision.basis).toBe(
          "automated, but no IT general controls it relies on are recorded as tested without " +
            `exceptions, so sized by frequency: ${frequency} control: ${expected} items`,
        );
      }
    },
  );

  it("sizes an automated event-driven control by its population without ITGC reliance", () => {
    expect(size("event-driven", 30, { automation: "automated" }).size).toBe(8);
  });
});

describe("sampleSize after an exception in the prior engagement", () => {
  it.each([
    ["annual", 1, 2],
    ["quarterly", 2, 5],
    ["monthly", 2, 5],
    ["weekly", 5, 8],
    ["daily", 25, 40],
    ["continuous", 2, 5],
  ] as const)("raises a %s control from %i to %i", (frequency, from, to) => {
    const decision = size(frequency, 1000, { priorException: true });
    expect(decision.size).toBe(to);
    expect(decision.basis).toContain(
      `raised from ${from} to ${to} after an exception in the prior engagement`,
    );
  });

  it.each([
    [37, 8, 15],
    [200, 15, 25],
    [251, 25, 40],
  ])("raises an event-driven population of %i from %i to %i", (population, from, to) => {
    const decision = size("event-driven", population, { priorException: true });
    expect(decision.size).toBe(to);
    expect(decision.basis).toContain(`raised from ${from} to ${to}`);
  });

  it("keeps testing every item of a small event-driven population", () => {
    const decision = size("event-driven", 9, { priorException: true });
    expect(decision.size).toBe(9);
    expect(decision.basis).toContain("every item is tested");
  });

  it("raises an automated control from 1 to 2", () => {
    const decision = size("daily", 181, {
      automation: "automated",
      priorException: true,
      itgcReliedOn: ITGCS,
    });
    expect(decision.size).toBe(2);
    expect(decision.basis).toContain("raised from 1 to 2");
  });

  it("always moves to the next step of the ladder", () => {
    for (let i = 0; i < SAMPLE_SIZE_LADDER.length - 1; i += 1) {
      expect(SAMPLE_SIZE_LADDER[i]!).toBeLessThan(SAMPLE_SIZE_LADDER[i + 1]!);
    }
  });
});

describe("sampleSize caps at the population", () => {
  it("tests every occurrence when there are fewer than the table asks for", () => {
    expect(size("daily", 20)).toEqual({
      size: 20,
      basis: "daily control: 25 items; capped at the population of 20",
    });
    expect(size("quarterly", 1).size).toBe(1);
    expect(size("weekly", 3).size).toBe(3);
  });

  it("caps after raising for a prior exception", () => {
    expect(size("monthly", 3, { priorException: true })).toEqual({
      size: 3,
      basis:
        "monthly control: 2 items; raised from 2 to 5 after an exception in the prior engagement; " +
        "capped at the population of 3",
    });
    expect(size("annual", 1, { priorException: true }).size).toBe(1);
  });

  it("does not mention a cap when none applies", () => {
    expect(size("monthly", 2).basis).not.toContain("capped");
  });

  it("samples nothing from an empty population", () => {
    for (const automation of ["manual", "automated"] as const) {
      expect(size("event-driven", 0, { automation, priorException: true })).toEqual({
        size: 0,
        basis: "no occurrences in the period",
      });
    }
  });

  it.each([-1, 2.5, Number.NaN])("rejects a population of %s", (population) => {
    const error = rejection(() => size("monthly", population));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors[0]?.field).toBe("population");
  });
});

describe("drawSample", () => {
  const population = keyed(20);

  it("draws the pinned sample for k00..k19, seed abc, CM-01, size 5", () => {
    expect(keysOf(drawSample(population, 5, "abc", "CM-01"))).toEqual([
      "k00",
      "k06",
      "k11",
      "k13",
      "k14",
    ]);
  });

  it("matches a plain re-implementation of the documented algorithm", () => {
    const keys = keysOf(population);
    expect(referenceDraw(keys, 5, "abc", "CM-01")).toEqual(["k00", "k06", "k11", "k13", "k14"]);
    for (const seed of ["abc", "0123456789abcdef", "seed with spaces"]) {
      for (const n of [0, 1, 2, 8, 19, 20]) {
        expect(keysOf(drawSample(population, n, seed, "AC-04"))).toEqual(
          referenceDraw(keys, n, seed, "AC-04"),
        );
      }
    }
  });

  it("gives the same sample for the same seed and population", () => {
    const first = drawSample(population, 8, "5f1c2e9a0b7d4c63", "CM-01");
    const second = drawSample(population, 8, "5f1c2e9a0b7d4c63", "CM-01");
    expect(keysOf(second)).toEqual(keysOf(first));
  });

  it("gives a different sample for a different seed or control", () => {
    const big = keyed(100);
    const base = keysOf(drawSample(big, 25, "abc", "CM-01"));
    expect(keysOf(drawSample(big, 25, "abd", "CM-01"))).not.toEqual(base);
    expect(keysOf(drawSample(big, 25, "abc", "CM-02"))).not.toEqual(base);
  });

  it("ignores the order in which the population is given", () => {
    const reversed = [...population].reverse();
    const interleaved = [
      ...population.filter((_, i) => i % 2 === 1),
      ...population.filter((_, i) => i % 2 === 0),
    ];
    const expected = keysOf(drawSample(population, 5, "abc", "CM-01"));
    expect(keysOf(drawSample(reversed, 5, "abc", "CM-01"))).toEqual(expected);
    expect(keysOf(drawSample(interleaved, 5, "abc", "CM-01"))).toEqual(expected);
  });

  it("returns distinct members of the population, sorted by key", () => {
    for (let n = 0; n <= population.length; n += 1) {
      const sample = drawSample(population, n, `seed-${n}`, "OP-03");
      const keys = keysOf(sample);
      expect(sample).toHaveLength(n);
      expect(new Set(keys).size).toBe(n);
      expect(sample.every((item) => population.includes(item))).toBe(true);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("returns the whole population when the size equals it", () => {
    expect(keysOf(drawSample([...population].reverse(), 20, "abc", "CM-01"))).toEqual(
      keysOf(population),
    );
  });

  it("orders keys by code point, not by UTF-16 unit, so other languages sort the same", () => {
    // U+FF01 sorts before U+1F600 by code point; JavaScript's default sort puts it after.
    const items = [{ key: "\u{1F600}" }, { key: "\uFF01" }];
    expect(keysOf(drawSample(items, 2, "abc", "CM-01"))).toEqual(["\uFF01", "\u{1F600}"]);
  });

  it.each([
    [-1, "size"],
    [21, "size"],
    [1.5, "size"],
  ])("rejects a size of %s", (n, field) => {
    expect(rejection(() => drawSample(population, n, "abc", "CM-01")).fieldErrors[0]?.field).toBe(
      field,
    );
  });

  it("rejects a repeated key and an empty seed", () => {
    const twice = [...population, { key: "k03" }];
    expect(rejection(() => drawSample(twice, 2, "abc", "CM-01")).fieldErrors[0]?.field).toBe(
      "population",
    );
    expect(rejection(() => drawSample(population, 2, "", "CM-01")).fieldErrors[0]?.field).toBe(
      "seed",
    );
  });
});

describe("newSeed", () => {
  it("returns 16 hex characters, fresh each time", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => newSeed()));
    expect(seeds.size).toBe(20);
    for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("a population cut at today", () => {
  it("says in the basis that the population runs to today, however it is sized", () => {
    const base = { frequency: "daily", automation: "manual", priorException: false } as const;
    const running = sampleSize({ ...base, population: 70, populationTo: "2026-03-11" });
    expect(running).toEqual({
      size: 25,
      basis:
        "daily control: 25 items; the population runs to today (2026-03-11): occurrences " +
        "not ended by then are not in it yet",
    });
    const none = sampleSize({
      ...base,
      frequency: "quarterly",
      population: 0,
      populationTo: "2026-03-11",
    });
    expect(none.size).toBe(0);
    expect(none.basis).toContain("no occurrences yet; the population runs to today (2026-03-11)");
    expect(sampleSize({ ...base, population: 70 }).basis).toBe("daily control: 25 items");
  });
});

describe("drawSample at a larger size (sample extension)", () => {
  it("keeps every item of the smaller draw, for any seed, population and pair of sizes", () => {
    for (const n of [2, 9, 26, 181]) {
      const population = keyed(n);
      for (const seed of ["a", "northwind-demo", "7f3a9c"]) {
        let previous: string[] = [];
        for (const k of [...SAMPLE_SIZE_LADDER, n].filter((step) => step <= n)) {
          const drawn = keysOf(drawSample(population, k, seed, "CM-02"));
          expect(drawn).toHaveLength(k);
          expect(drawn.filter((key) => !previous.includes(key))).toHaveLength(k - previous.length);
          expect(
            previous.every((key) => drawn.includes(key)),
            `${n} ${seed} ${k}`,
          ).toBe(true);
          previous = drawn;
        }
      }
    }
  });

  it("no longer holds once the population's keys change", () => {
    const before = keysOf(drawSample(keyed(30), 8, "seed", "CM-02"));
    const grown = [...keyed(30), { key: "k00a" }];
    const after = keysOf(drawSample(grown, 15, "seed", "CM-02"));
    // The sorted list moved under the shuffle: some earlier pick is gone.
    expect(before.every((key) => after.includes(key))).toBe(false);
  });
});
