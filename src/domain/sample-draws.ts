/**
 * A sample as a sequence of draws, each from one slice of a control's population: the first
 * draw (of the whole period, or an interim draw while it still runs), then roll-forward draws
 * of the occurrences recorded or ended since, and extensions that continue a draw's shuffle
 * after a deviation. Each draw's items are `drawSample(slice rows, size, seed, stream)`, so
 * the whole sample can be re-derived from what it records (domain/sampling.ts).
 */
import { canonicalJson } from "./audit-chain.ts";
import { sha256Hex } from "./digest.ts";
import type {
  ControlDraw,
  ControlSample,
  DrawKind,
  PopulationImportRef,
  PopulationItem,
  PopulationSource,
  SampleDraw,
} from "./engagement.ts";
import { AppError } from "./errors.ts";
import { populationSource } from "./population.ts";
import { drawSample, nextLarger } from "./sampling.ts";
import type { SampleSizeDecision } from "./sampling.ts";

/** SHA-256 of the canonical JSON of population rows: how anyone checks what was drawn from. */
export function populationSha256(rows: readonly PopulationItem[]): string {
  return sha256Hex(canonicalJson(rows));
}

/** The same over every control, as `[{ control, population }]` in the sample's order. */
export function controlsPopulationSha256(
  controls: readonly { controlRef: string; population: readonly PopulationItem[] }[],
): string {
  return sha256Hex(
    canonicalJson(controls.map((c) => ({ control: c.controlRef, population: c.population }))),
  );
}

/** Who draws, when, and over which slice of time. */
export interface DrawOccasion {
  seed: string;
  kind: DrawKind;
  at: string;
  by: string;
  populationTo: string;
}

/** A control's population as sampling sees it, before anything is drawn. */
export interface ControlPopulationInput {
  controlRef: string;
  frequency: ControlSample["frequency"];
  automation: ControlSample["automation"];
  population: PopulationItem[];
  missing: string[];
  reliesOn: string[];
  /**
   * Where the rows come from; by default the frequency's source (calendar or events), else an
   * accepted import or the people register.
   */
  source?: PopulationSource;
  /** The accepted import drawn from, when the source is "imported". */
  populationImport?: PopulationImportRef;
}

function itemsOf(rows: readonly PopulationItem[], size: number, seed: string, stream: string) {
  return drawSample(rows, size, seed, stream).map((item) => item.key);
}

/** A control's first draw: its stream is its ref, its slice the whole population so far. */
export function firstDraw(
  control: ControlPopulationInput,
  decision: SampleSizeDecision,
  occasion: DrawOccasion,
): ControlSample {
  const stream = control.controlRef;
  const items = itemsOf(control.population, decision.size, occasion.seed, stream);
  const digest = populationSha256(control.population);
  return {
    controlRef: control.controlRef,
    frequency: control.frequency,
    automation: control.automation,
    populationSource: control.source ?? populationSource(control.frequency),
    ...(control.populationImport === undefined
      ? {}
      : { populationImport: control.populationImport }),
    population: control.population,
    populationSha256: digest,
    sampleSize: decision.size,
    basis: decision.basis,
    items,
    missing: control.missing,
    draws: [
      {
        kind: occasion.kind,
        at: occasion.at,
        by: occasion.by,
        populationTo: occasion.populationTo,
        keys: control.population.map((p) => p.key),
        populationSha256: digest,
        stream,
        size: decision.size,
        items,
      },
    ],
    extensions: [],
    reliesOn: control.reliesOn,
  };
}

function sliceOf(control: ControlSample, draw: ControlDraw): PopulationItem[] {
  const keys = new Set(draw.keys);
  return control.population.filter((p) => keys.has(p.key));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Grows a control's sample to the next size on the ladder (capped at its population). The
 * added items go to the draws in order, the first draw first, each up to its slice's size;
 * each grown draw is drawn again at its new size, which keeps its earlier items (the prefix
 * rule in domain/sampling.ts), so every item already tested stays with its result.
 */
export function extendControl(
  control: ControlSample,
  seed: string,
  deviations: number,
  at: string,
  by: string,
): ControlSample {
  const ref = control.controlRef;
  const capacity = control.population.length;
  const next = nextLarger(control.sampleSize);
  if (control.sampleSize >= capacity || next === undefined) {
    throw new AppError(
      "INVALID_STATE",
      next === undefined
        ? `${ref} is already sampled at ${control.sampleSize}, the top of the ladder`
        : `every occurrence of ${ref} (${capacity}) is already in the sample`,
    );
  }
  const to = Math.min(next, capacity);
  let remaining = to - control.sampleSize;
  const draws = control.draws.map((draw): ControlDraw => {
    const grow = Math.min(draw.keys.length - draw.size, remaining);
    if (grow <= 0) return draw;
    remaining -= grow;
    const size = draw.size + grow;
    const items = itemsOf(sliceOf(control, draw), size, seed, draw.stream);
    if (!draw.items.every((key) => items.includes(key))) {
      // The prefix rule makes this impossible unless the slice's rows changed under the draw.
      throw new AppError("INTERNAL", `extending ${ref} would drop items already drawn`);
    }
    return { ...draw, size, items };
  });
  const items = draws.flatMap((draw) => draw.items);
  const added = items.filter((key) => !control.items.includes(key));
  return {
    ...control,
    sampleSize: to,
    items,
    draws,
    extensions: [
      ...control.extensions,
      { at, by, from: control.sampleSize, to, added, deviations },
    ],
    basis:
      `${control.basis}; extended from ${control.sampleSize} to ${to} after ` +
      `${plural(deviations, "deviation")} in this period`,
  };
}

/**
 * A roll-forward draw for one control: the occurrences of `live` not yet in its population
 * (ended or recorded since the last draw) form a new slice, drawn on its own stream. It gets
 * what the whole population now calls for beyond the items already drawn (`whole`, sized on
 * the old and new occurrences together), and at least one item when there is any new
 * occurrence, so the remaining part of the period is always tested.
 */
export function rollForwardControl(
  control: ControlSample,
  live: { population: readonly PopulationItem[] },
  whole: (population: number) => SampleSizeDecision,
  occasion: DrawOccasion,
  round: number,
): ControlSample {
  const known = new Set(control.population.map((p) => p.key));
  const fresh = live.population.filter((p) => !known.has(p.key));
  const total = control.population.length + fresh.length;
  const target = whole(total);
  const size =
    fresh.length === 0 ? 0 : Math.min(fresh.length, Math.max(target.size - control.sampleSize, 1));
  const stream = `${control.controlRef}:roll-forward-${round}`;
  const items = itemsOf(fresh, size, occasion.seed, stream);
  const population = [...control.population, ...fresh];
  return {
    ...control,
    population,
    populationSha256: populationSha256(population),
    sampleSize: control.sampleSize + size,
    items: [...control.items, ...items],
    missing: [
      ...control.missing,
      ...fresh.filter((p) => p.evidence.length === 0).map((p) => p.key),
    ],
    draws: [
      ...control.draws,
      {
        kind: "roll-forward",
        at: occasion.at,
        by: occasion.by,
        populationTo: occasion.populationTo,
        keys: fresh.map((p) => p.key),
        populationSha256: populationSha256(fresh),
        stream,
        size,
        items,
      },
    ],
    basis:
      `${control.basis}; roll-forward to ${occasion.populationTo}: ` +
      `${plural(fresh.length, "new occurrence")}, ${plural(size, "item")} drawn ` +
      `(the population of ${total} calls for ${target.size} in all: ${target.basis})`,
  };
}

/** The draws across the sample: the n-th draw of every control was made together. */
export function sampleDraws(controls: readonly ControlSample[]): SampleDraw[] {
  const count = Math.max(0, ...controls.map((c) => c.draws.length));
  const draws: SampleDraw[] = [];
  for (let n = 0; n < count; n += 1) {
    const first = controls.find((c) => c.draws[n] !== undefined)?.draws[n];
    if (first === undefined) continue;
    const slices = controls.flatMap((c) => {
      const draw = c.draws[n];
      return draw === undefined ? [] : [{ controlRef: c.controlRef, population: sliceOf(c, draw) }];
    });
    draws.push({
      kind: first.kind,
      at: first.at,
      by: first.by,
      populationTo: first.populationTo,
      populationSha256: controlsPopulationSha256(slices),
      items: controls.reduce((sum, c) => sum + (c.draws[n]?.size ?? 0), 0),
    });
  }
  return draws;
}

/** A control as stored before draws were recorded: one draw of the whole population. */
export type StoredControlSample = Omit<
  ControlSample,
  "populationSource" | "populationSha256" | "draws" | "extensions" | "reliesOn"
> &
  Partial<ControlSample>;

export function normalizeControlSample(
  stored: StoredControlSample,
  drawnAt: string,
  drawnBy: string,
): ControlSample {
  const digest = stored.populationSha256 ?? populationSha256(stored.population);
  const lastTo = stored.population.reduce((last, p) => (p.to > last ? p.to : last), "");
  const lastDay = lastTo === "" ? drawnAt.slice(0, 10) : lastTo;
  return {
    ...stored,
    populationSource: stored.populationSource ?? populationSource(stored.frequency),
    populationSha256: digest,
    draws: stored.draws ?? [
      {
        kind: "period",
        at: drawnAt,
        by: drawnBy,
        populationTo: lastDay,
        keys: stored.population.map((p) => p.key),
        populationSha256: digest,
        stream: stored.controlRef,
        size: stored.sampleSize,
        items: stored.items,
      },
    ],
    extensions: stored.extensions ?? [],
    reliesOn: stored.reliesOn ?? [],
  };
}
