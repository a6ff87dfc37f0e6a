/**
 * How many occurrences of a control an auditor inspects in a Type 2, and which ones.
 *
 * The sizes follow the common practice table in DOMAIN.md ("Control testing in a Type 2").
 * The draw is deterministic from a seed that is recorded with the sample, so anyone (the
 * auditor above all) can re-derive the selection from the population and the seed, and see
 * that nobody picked the convenient items.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ControlAutomation, ControlFrequency } from "../catalog/types.ts";
import { invalidField } from "./errors.ts";

/** The sizes a sample steps through when a prior exception calls for a larger one. */
export const SAMPLE_SIZE_LADDER = [1, 2, 5, 8, 15, 25, 40, 60] as const;

export interface SampleSizeInput {
  frequency: ControlFrequency;
  /** Occurrences in the period: calendar windows, or recorded events for event-driven. */
  population: number;
  automation: ControlAutomation;
  /** A deviation was found in this control in the prior engagement. */
  priorException: boolean;
  /**
   * For an automated control: the IT general controls (refs) its test of one relies on, given
   * only when the auditor recorded them as tested without exceptions in the period. Without
   * it an automated control is sized like a manual one of its frequency.
   */
  itgcReliedOn?: readonly string[];
  /**
   * Set when the period runs past the day of the draw: the population holds only the
   * occurrences ended by this date (the organization's today), and the basis says so.
   */
  populationTo?: string;
}

export interface SampleSizeDecision {
  size: number;
  /** The reasoning in words, for the workpapers. */
  basis: string;
}

const SIZE_BY_FREQUENCY: Record<Exclude<ControlFrequency, "event-driven">, number> = {
  annual: 1,
  quarterly: 2,
  monthly: 2,
  weekly: 5,
  daily: 25,
  // A control that runs all the time is inspected at points in the period (its population is
  // the quarters), like a quarterly one, unless its test of one is earned.
  continuous: 2,
};

function items(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

interface BaseSize {
  size: number;
  basis: string;
  /** Every item is already tested, so no exception can call for more. */
  all: boolean;
}

function baseSize(
  frequency: ControlFrequency,
  population: number,
  automated: boolean,
  itgcReliedOn: readonly string[] | undefined,
): BaseSize {
  if (automated && itgcReliedOn !== undefined && itgcReliedOn.length > 0) {
    return {
      size: 1,
      basis:
        `automated ${frequency} control: ${items(1)} (a test of one, relying on the IT general ` +
        `controls ${itgcReliedOn.join(", ")}, tested without exceptions in the period)`,
      all: false,
    };
  }
  const unearned = automated
    ? "automated, but no IT general controls it relies on are recorded as tested without " +
      "exceptions, so sized by frequency: "
    : "";
  if (frequency !== "event-driven") {
    const size = SIZE_BY_FREQUENCY[frequency];
    return { size, basis: `${unearned}${frequency} control: ${items(size)}`, all: false };
  }
  const prefix = `${unearned}event-driven, population ${population}`;
  if (population <= 10) {
    return { size: population, basis: `${prefix} (10 or fewer): all ${population}`, all: true };
  }
  const [band, size] =
    population <= 50 ? ["11–50", 8] : population <= 250 ? ["51–250", 15] : ["over 250", 25];
  return { size, basis: `${prefix} (${band}): ${items(size)}`, all: false };
}

/** The next size on the ladder above `size`, or undefined past its top. */
export function nextLarger(size: number): number | undefined {
  return SAMPLE_SIZE_LADDER.find((step) => step > size);
}

/** The sample size for a control's test of operating effectiveness, and why. */
export function sampleSize(input: SampleSizeInput): SampleSizeDecision {
  const { frequency, population, automation, priorException, populationTo, itgcReliedOn } = input;
  if (!Number.isSafeInteger(population) || population < 0) {
    throw invalidField("population", `${population} is not a whole number of occurrences`);
  }
  const upTo =
    populationTo === undefined
      ? []
      : [
          `the population runs to today (${populationTo}): occurrences not ended by then are ` +
            "not in it yet",
        ];
  if (population === 0) {
    return {
      size: 0,
      basis: [
        populationTo === undefined ? "no occurrences in the period" : "no occurrences yet",
        ...upTo,
      ].join("; "),
    };
  }
  const base = baseSize(frequency, population, automation === "automated", itgcReliedOn);
  let size = base.size;
  const basis = [base.basis];
  if (priorException) {
    const raised = base.all ? undefined : nextLarger(size);
    if (raised === undefined) {
      basis.push("an exception in the prior engagement changes nothing: every item is tested");
    } else {
      basis.push(`raised from ${size} to ${raised} after an exception in the prior engagement`);
      size = raised;
    }
  }
  if (size > population) {
    basis.push(`capped at the population of ${population}`);
    size = population;
  }
  basis.push(...upTo);
  return { size, basis: basis.join("; ") };
}

/**
 * A UTF-16 unit's rank in code-point order: a surrogate (half of a code point above U+FFFF)
 * ranks above every other unit, which is the only place UTF-16 order and code-point order part.
 */
function unitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/**
 * Code-point order, which is also UTF-8 byte order, so other languages can sort the same way
 * without emulating JavaScript's UTF-16 comparison. For ASCII keys every ordering agrees.
 * Compared unit by unit without copying the strings: a population of 100,000 rows sorts fast.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(i);
    if (left !== right) return unitRank(left) - unitRank(right);
  }
  return a.length - b.length;
}

const TWO_TO_64 = 1n << 64n;

/**
 * A reproducible random sample of `size` items from the population.
 *
 * The algorithm, precisely, so it can be re-derived in any language:
 *
 * 1. Sort the population by `key`, comparing keys by Unicode code point (the same as comparing
 *    their UTF-8 bytes). Keys must be unique. Call the sorted list `a`, with n items, indexed
 *    from 0. The input order therefore never matters.
 * 2. Keep a counter `c`, starting at 0. To draw a random number, take the SHA-256 digest of the
 *    UTF-8 string `${seed}:${controlId}:${c}` (c written in decimal, no padding), read its
 *    first 8 bytes as an unsigned big-endian 64-bit integer `x`, then add 1 to `c`.
 * 3. To pick a uniform integer in [0, m): let `limit = 2^64 − (2^64 mod m)`. Draw `x`; while
 *    `x ≥ limit`, draw again (rejection sampling, so no value is favoured). The result is
 *    `x mod m`.
 * 4. For i = 0, 1, …, size − 1 (a partial Fisher–Yates shuffle): pick r uniform in
 *    [0, n − i) as in step 3, and swap `a[i]` with `a[i + r]`. A number is drawn at every
 *    step, even when n − i is 1.
 * 5. The sample is `a[0] … a[size − 1]`, sorted by key again as in step 1.
 *
 * Rejection happens with probability below m / 2^64, so in practice the i-th draw is step i.
 *
 * Extension: the picks are a prefix. Step 4 at i uses only the counter's numbers and the
 * order left by steps 0 … i − 1, never `size`, so for the same population, seed and control
 * id, `drawSample(…, k′)` runs the same first k steps as `drawSample(…, k)` for k < k′, and its
 * sample is the k items of the smaller draw plus k′ − k more. An auditor who extends a
 * control's sample after a deviation therefore keeps every item already tested (with its
 * result), and anyone re-derives the extended sample by drawing again at the larger size. The
 * rule holds only while the population's keys are the same: one occurrence added or removed
 * changes the sorted list of step 1 and so every pick.
 */
export function drawSample<T extends { key: string }>(
  population: readonly T[],
  size: number,
  seed: string,
  controlId: string,
): T[] {
  if (!Number.isSafeInteger(size) || size < 0 || size > population.length) {
    throw invalidField("size", `${size} is not a whole number from 0 to ${population.length}`);
  }
  if (seed.length === 0) throw invalidField("seed", "must not be empty");
  const sorted = [...population].sort((a, b) => compareKeys(a.key, b.key));
  // With a repeated key the sort order, and so the sample, would depend on the input order.
  const repeated = sorted.find((item, i) => i > 0 && item.key === sorted[i - 1]?.key);
  if (repeated !== undefined) {
    throw invalidField("population", `the key "${repeated.key}" appears more than once`);
  }
  let counter = 0;
  const draw = (): bigint => {
    const digest = createHash("sha256").update(`${seed}:${controlId}:${counter}`, "utf8").digest();
    counter += 1;
    return digest.readBigUInt64BE(0);
  };
  const uniformBelow = (bound: number): number => {
    const m = BigInt(bound);
    const limit = TWO_TO_64 - (TWO_TO_64 % m);
    let x = draw();
    while (x >= limit) x = draw();
    return Number(x % m);
  };
  // Shuffling indices into the sorted list makes step 5 a numeric sort.
  const order = sorted.map((_, index) => index);
  for (let i = 0; i < size; i += 1) {
    const j = i + uniformBelow(order.length - i);
    const picked = order[j] ?? j;
    order[j] = order[i] ?? i;
    order[i] = picked;
  }
  return order
    .slice(0, size)
    .sort((a, b) => a - b)
    .flatMap((index) => sorted.slice(index, index + 1));
}

/**
 * A fresh seed for a new sample: 16 hex characters (64 bits) from the operating system's
 * random source. This is the one impure function in the domain layer, on purpose: the seed
 * must be unpredictable when the sample is drawn (so nobody can steer which items are tested),
 * and is then recorded, after which the draw itself is fully reproducible.
 */
export function newSeed(): string {
  return randomBytes(8).toString("hex");
}
