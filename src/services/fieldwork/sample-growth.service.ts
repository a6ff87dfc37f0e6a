/**
 * How a drawn sample grows, always by the assigned auditor and always keeping the items
 * already drawn (and so their results): an extension after a deviation takes a control to the
 * next size on the ladder, and a roll-forward draws from the occurrences that ended (or were
 * recorded) since the last draw, such as the rest of a period that was running at an interim
 * draw. Both keep the sample's id and seed, and record the new population hash; the imported
 * occurrences they add are opened as requests for their evidence (sample-requests.ts).
 */
import { z } from "zod";
import {
  currentSample,
  listItemResults,
  priorExceptionRefs,
  saveSampleControls,
} from "../../db/engagements.repo.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement, EngagementSample } from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { isItgc } from "../../domain/itgc.ts";
import { nameSampleItems } from "../../domain/sample-words.ts";
import { authorize } from "../../domain/permissions.ts";
import {
  controlsPopulationSha256,
  extendControl,
  rollForwardControl,
  sampleDraws,
} from "../../domain/sample-draws.ts";
import type { Tx } from "../../db/transaction.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { loadEngagement } from "./engagements.service.ts";
import {
  buildControlPopulations,
  decideSize,
  populationEnd,
  requireAssignedAuditor,
  requireFieldwork,
} from "./sampling.service.ts";
import type { PopulationUse } from "./sampling.service.ts";
import { requestsFollowSample } from "./sample-requests.ts";
import type { DrawnSample } from "./sample-requests.ts";

/**
 * Growing a sample keeps each control on the source it was drawn from: an event-driven control
 * drawn from recorded events stays on them, and one drawn from an import needs its latest
 * import accepted (a newer import not yet reviewed stops the growth rather than mixing rows).
 */
function sourcesAsDrawn(sample: EngagementSample): PopulationUse {
  return {
    refuseUnaccepted: true,
    recordedEvents: sample.controls
      .filter((c) => c.frequency === "event-driven" && c.populationSource === "events")
      .map((c) => c.controlRef),
  };
}

export const extendInput = z
  .object({
    control: z.string().trim().min(1, "name the control whose sample grows").max(64),
  })
  .strict();
export type ExtendInput = z.input<typeof extendInput>;

export const rollForwardInput = z
  .object({
    itgcTested: z
      .boolean()
      .optional()
      .describe("as for the draw: the IT general controls were tested without exceptions"),
  })
  .strict();
export type RollForwardInput = z.input<typeof rollForwardInput>;

interface Sampled {
  engagement: Engagement;
  sample: EngagementSample;
}

async function sampledForAuditor(tx: Tx, actor: Actor, handle: string): Promise<Sampled> {
  const engagement = await loadEngagement(tx, actor, handle);
  requireAssignedAuditor(actor, engagement);
  requireFieldwork(engagement);
  const sample = await currentSample(tx, scopeOf(actor), engagement.id);
  if (sample === undefined) {
    throw new AppError("INVALID_STATE", `${engagementLabel(engagement)} has no sample yet`);
  }
  return { engagement, sample };
}

function newDigest(sample: EngagementSample, controls: EngagementSample["controls"]) {
  const grown = {
    ...sample,
    controls,
    populationSha256: controlsPopulationSha256(controls),
    draws: sampleDraws(controls),
  };
  return { grown, sha256: sha256Hex(canonicalJson(controls)) };
}

/**
 * Extends one control's sample after a deviation in this period. The population must still
 * hold the same occurrences it was drawn from (evidence supplied since for sampled items does
 * not matter, an occurrence added or removed does: the draw would not be the same).
 */
export async function extendControlSample(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: ExtendInput,
): Promise<DrawnSample> {
  authorize(actor, "engagement:sample");
  const data = parseInput(extendInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { engagement, sample } = await sampledForAuditor(tx, actor, handle);
    const label = engagementLabel(engagement);
    const control = sample.controls.find((c) => c.controlRef === data.control);
    if (control === undefined) {
      throw invalidField("control", `${data.control} is not in the sample of ${label}`);
    }
    const results = await listItemResults(tx, scopeOf(actor), sample.id);
    const deviations = results.filter(
      (r) => r.controlRef === control.controlRef && r.result === "exception",
    ).length;
    if (deviations === 0) {
      throw new AppError(
        "INVALID_STATE",
        `no exception is recorded on ${control.controlRef} in ${label}: a sample is extended ` +
          "after a deviation, to judge whether it was isolated",
      );
    }
    const lastDay = control.draws.at(-1)?.populationTo ?? engagement.periodTo ?? "";
    const asDrawn = lastDay < (engagement.periodTo ?? "") ? lastDay : undefined;
    const live = (
      await buildControlPopulations(tx, actor, engagement, asDrawn, sourcesAsDrawn(sample))
    ).find((c) => c.controlRef === control.controlRef);
    const recordedKeys = new Set(control.population.map((p) => p.key));
    const liveKeys = new Set((live?.population ?? []).map((p) => p.key));
    const added = [...liveKeys].filter((key) => !recordedKeys.has(key));
    const removed = [...recordedKeys].filter((key) => !liveKeys.has(key));
    if (added.length > 0 || removed.length > 0) {
      throw new AppError(
        "CONFLICT",
        `the population of ${control.controlRef} through ${lastDay} has changed since it was ` +
          `drawn (SHA-256 ${control.populationSha256.slice(0, 12)}…): ` +
          [
            added.length > 0 ? `${added.length} added (${added.slice(0, 5).join(", ")})` : "",
            removed.length > 0
              ? `${removed.length} removed (${removed.slice(0, 5).join(", ")})`
              : "",
          ]
            .filter((part) => part !== "")
            .join(", ") +
          ". An extension continues the recorded draw and would not be the one anyone " +
          "re-derives from today's population; find out why it changed (a population that " +
          "moves after the draw is a finding in itself), and draw the occurrences added with a " +
          "roll-forward",
      );
    }
    const extended = extendControl(control, sample.seed, deviations, at.toISOString(), actor.name);
    const controls = sample.controls.map((c) => (c === control ? extended : c));
    const { grown, sha256 } = newDigest(sample, controls);
    await saveSampleControls(tx, scopeOf(actor), sample.id, controls);
    const last = extended.extensions.at(-1);
    await recordEvent(
      tx,
      actor,
      "engagement.sample-extended",
      engagement.id,
      {
        sample: sample.id,
        control: control.controlRef,
        from: control.sampleSize,
        to: extended.sampleSize,
        added: last?.added ?? [],
        deviations,
        populationSha256: extended.populationSha256,
        sha256,
      },
      at,
    );
    // The occurrences it added are asked for too; those already asked for are not again.
    const requests = await requestsFollowSample(tx, actor, engagement, grown, at);
    return { ...nameSampleItems(grown), requests };
  });
}

/**
 * Draws the occurrences that ended or were recorded since the last draw, for every control,
 * with the sample's seed. Refused when there is nothing new, and, when the auditor relies on
 * IT general controls, while any of them has an exception in this sample.
 */
export async function rollForwardSample(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: RollForwardInput = {},
): Promise<DrawnSample> {
  authorize(actor, "engagement:sample");
  const data = parseInput(rollForwardInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { engagement, sample } = await sampledForAuditor(tx, actor, handle);
    const label = engagementLabel(engagement);
    const itgcTested = data.itgcTested ?? false;
    if (itgcTested) {
      const results = await listItemResults(tx, scopeOf(actor), sample.id);
      const failed = [
        ...new Set(
          results
            .filter((r) => r.result === "exception" && isItgc(r.controlRef))
            .map((r) => r.controlRef),
        ),
      ];
      if (failed.length > 0) {
        throw invalidField(
          "itgcTested",
          `the IT general controls ${failed.join(", ")} have exceptions in ${label}: an ` +
            "automated control cannot rely on them for a test of one",
        );
      }
    }
    const populationTo = await populationEnd(tx, actor, engagement, at);
    const live = await buildControlPopulations(
      tx,
      actor,
      engagement,
      populationTo,
      sourcesAsDrawn(sample),
    );
    const through = populationTo ?? engagement.periodTo ?? "";
    const round = Math.max(0, ...sample.controls.map((c) => c.draws.length));
    const priorExceptions = await priorExceptionRefs(tx, scopeOf(actor), engagement.number);
    const occasion = {
      seed: sample.seed,
      kind: "roll-forward" as const,
      at: at.toISOString(),
      by: actor.name,
      populationTo: through,
    };
    const controls = sample.controls.map((control) => {
      const now = live.find((c) => c.controlRef === control.controlRef);
      if (now === undefined) return control;
      const whole = (population: number) =>
        decideSize(
          now,
          population,
          priorExceptions.has(control.controlRef),
          itgcTested,
          populationTo,
        );
      return rollForwardControl(control, now, whole, occasion, round);
    });
    const fresh = controls.reduce(
      (sum, c, i) => sum + c.population.length - (sample.controls[i]?.population.length ?? 0),
      0,
    );
    if (fresh === 0) {
      const lastDay = sample.draws.at(-1)?.populationTo ?? "";
      throw new AppError(
        "INVALID_STATE",
        `nothing to roll forward in ${label}: no occurrence has ended or been recorded since ` +
          `the last draw (through ${lastDay})`,
      );
    }
    const { grown, sha256 } = newDigest(sample, controls);
    await saveSampleControls(tx, scopeOf(actor), sample.id, controls);
    await recordEvent(
      tx,
      actor,
      "engagement.sample-rolled-forward",
      engagement.id,
      {
        sample: sample.id,
        populationTo: through,
        controls: controls.length,
        items: controls.reduce((sum, c) => sum + (c.draws.at(-1)?.size ?? 0), 0),
        populationSha256: grown.draws.at(-1)?.populationSha256 ?? grown.populationSha256,
        sha256,
      },
      at,
    );
    const requests = await requestsFollowSample(tx, actor, engagement, grown, at);
    return { ...nameSampleItems(grown), requests };
  });
}
