/** How `attest engagement show|sample` print a sample and what a draw did to the requests. */
import type { EngagementSample } from "../../domain/engagement.ts";
import { countOf } from "../../domain/words.ts";
import type { SampleRequests } from "../../services/fieldwork/sample-requests.ts";
import { formatTable } from "../io.ts";
import type { Io } from "../io.ts";

/**
 * The documented JSON shape of a sample: one entry per control, and after a draw what it did
 * to the request list.
 */
export function sampleJson(sample: EngagementSample, requests?: SampleRequests) {
  return {
    ...(requests === undefined ? {} : { requests }),
    id: sample.id,
    seed: sample.seed,
    drawnAt: sample.drawnAt,
    drawnBy: sample.drawnBy,
    redrawReason: sample.redrawReason,
    populationSha256: sample.populationSha256,
    draws: sample.draws,
    controls: sample.controls.map((c) => ({
      controlId: c.controlRef,
      frequency: c.frequency,
      populationSource: c.populationSource,
      populationImport: c.populationImport ?? null,
      population: c.population.length,
      populationSha256: c.populationSha256,
      sampleSize: c.sampleSize,
      basis: c.basis,
      items: c.items,
      missing: c.missing,
      reliesOn: c.reliesOn,
      draws: c.draws,
      extensions: c.extensions,
      occurrences: c.population,
    })),
  };
}

/** What the draw did to the request list, in words (the CLI's text answer). */
export function printSampleRequests(io: Io, requests: SampleRequests): void {
  const { opened, alreadyAsked, withdrawn, unasked } = requests;
  if (opened.length + alreadyAsked + withdrawn.length + unasked.length === 0) return;
  io.out(
    `Requests: ${countOf(opened.length, "opened for a sampled occurrence", "opened for sampled occurrences")}` +
      (opened.length === 0 ? "" : ` (${opened.join(", ")})`) +
      (alreadyAsked === 0 ? "" : `; ${countOf(alreadyAsked, "occurrence")} already asked for`) +
      "\n",
  );
  if (withdrawn.length > 0) {
    io.out(`Withdrawn, their item left the sample: ${withdrawn.join(", ")}\n`);
  }
  for (const control of unasked) {
    io.out(
      `No request for ${control.control} (${countOf(control.items, "occurrence")}): ${control.reason}\n`,
    );
  }
}

export function printSample(io: Io, sample: EngagementSample): void {
  io.out(`Seed ${sample.seed}, drawn ${sample.drawnAt} by ${sample.drawnBy}\n`);
  io.out(`Population SHA-256 ${sample.populationSha256}\n`);
  for (const draw of sample.draws) {
    io.out(
      `  ${draw.kind} draw through ${draw.populationTo}, ${draw.at} by ${draw.by}: ` +
        `${draw.items === 1 ? "1 item" : `${draw.items} items`}, ` +
        `population SHA-256 ${draw.populationSha256}\n`,
    );
  }
  io.out(
    formatTable(
      ["CONTROL", "FREQUENCY", "POPULATION", "MISSING", "SAMPLE", "ITEMS"],
      sample.controls.map((c) => [
        c.controlRef,
        c.frequency,
        String(c.population.length),
        String(c.missing.length),
        String(c.sampleSize),
        c.items.join(" "),
      ]),
    ),
  );
}
