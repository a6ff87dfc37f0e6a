/**
 * Populations and samples for a Type 2 engagement in fieldwork. Only the auditor assigned to
 * the engagement draws: management may supply populations but never picks the items. The
 * seed is recorded (drawn at random when not given), so anyone holding the same population
 * and seed re-derives the same sample (the algorithm is documented in domain/sampling.ts),
 * and the population's SHA-256 is recorded with it. A period still running is sampled only up
 * to today: that first draw is an interim one, and a roll-forward (sample-growth.service.ts)
 * draws the rest later. In the same transaction, each sampled occurrence of an imported
 * population is opened as a request for its evidence, and a request whose item a redraw left
 * out is withdrawn (sample-requests.ts); the answer says what was opened and what was not.
 */
import { z } from "zod";
import {
  currentSample,
  insertSample,
  listItemResults,
  priorExceptionRefs,
} from "../../db/engagements.repo.ts";
import { evidenceOfControls } from "../../db/evidence.repo.ts";
import { latestPopulationImports, populationImportRows } from "../../db/populations.repo.ts";
import type { ControlEvidence } from "../../db/evidence.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type {
  ControlSample,
  Engagement,
  EngagementSample,
  PopulationImportRef,
  PopulationSource,
} from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { localDate } from "../../domain/periods.ts";
import { peoplePopulation } from "../../domain/people-population.ts";
import { buildPopulation, populationSource } from "../../domain/population.ts";
import { importedPopulationItems } from "../../domain/population-import.ts";
import type { PopulationImportStatus } from "../../domain/population-import.ts";
import { itgcsReliedOn } from "../../domain/itgc.ts";
import { controlsPopulationSha256, firstDraw, sampleDraws } from "../../domain/sample-draws.ts";
import type { ControlPopulationInput } from "../../domain/sample-draws.ts";
import { newSeed, sampleSize } from "../../domain/sampling.ts";
import { nameSampleItems } from "../../domain/sample-words.ts";
import type { NamedSample } from "../../domain/sample-words.ts";
import type { SampleSizeDecision } from "../../domain/sampling.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "./engagements.service.ts";
import { loadPeopleForPopulations } from "./people-population.ts";
import { requestsFollowSample } from "./sample-requests.ts";
import type { DrawnSample } from "./sample-requests.ts";
// Access reviews (issue 16 part 3).
import { listCampaigns } from "../../db/access-reviews.repo.ts";
import { accessReviewPopulation } from "../../domain/access-review-readiness.ts";
import { reason } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export const sampleInput = z
  .object({
    seed: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "use letters, digits, - or _ (at most 64)")
      .optional(),
    redrawReason: reason.optional(),
    itgcTested: z
      .boolean()
      .optional()
      .describe(
        "the auditor found the IT general controls (CM-*, AC-*) operating without exceptions " +
          "in the period: automated controls relying on them get a test of one",
      ),
    recordedEvents: z
      .array(z.string().trim().toUpperCase().max(40))
      .max(200)
      .optional()
      .describe(
        "event-driven controls to draw from the events recorded as evidence, even where a " +
          "population was imported (the auditor's choice of source)",
      ),
  })
  .strict();
export type SampleInput = z.input<typeof sampleInput>;

/**
 * Drawing, extending and rolling a sample forward are the auditor's acts: the role table gives
 * `engagement:sample` to auditors only, and this checks that this auditor is assigned to this
 * engagement (loadEngagement already hides others; the check says so in words).
 */
export function requireAssignedAuditor(actor: Actor, engagement: Engagement): void {
  if (actor.role !== "auditor" || !(actor.engagements ?? []).includes(engagement.id)) {
    throw new AppError(
      "FORBIDDEN",
      `only the auditor assigned to ${engagementLabel(engagement)} draws or changes its sample`,
    );
  }
}

export function requireFieldwork(engagement: Engagement): NonNullable<Engagement["snapshot"]> {
  if (engagement.type !== 2) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is a Type 1: it concludes on design and has no samples`,
    );
  }
  if (engagement.status !== "fieldwork" || engagement.snapshot === null) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is in ${engagement.status}; samples are drawn in fieldwork`,
    );
  }
  return engagement.snapshot;
}

/**
 * The day a period still running is sampled up to: the organization's today, or undefined
 * once the period has ended (then the whole period is the population).
 */
export async function populationEnd(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  at: Date,
): Promise<string | undefined> {
  const organization = await getOrganization(tx, scopeOf(actor));
  const today = localDate(at, organization.timeZone);
  return (engagement.periodTo ?? "") > today ? today : undefined;
}

/** How a draw takes event-driven populations (the auditor's choice of source). */
export interface PopulationUse {
  /** Event-driven controls drawn from recorded events even though a population was imported. */
  recordedEvents?: readonly string[];
  /**
   * Refuse a control whose latest import is not accepted (a draw); when false (a read), such
   * a control shows its recorded events, with the import's status beside them.
   */
  refuseUnaccepted?: boolean;
}

export interface ControlPopulation extends ControlPopulationInput {
  source: PopulationSource;
  /** The control's latest import, whatever its status; null when none. */
  latestImport: (PopulationImportRef & { status: PopulationImportStatus }) | null;
}

/**
 * Every control's population over the period, with the evidence found for each occurrence.
 * Occurrences not ended by `today` (the organization's date) are not in it yet. An
 * event-driven control with an accepted import is its imported rows; with an import not yet
 * accepted it cannot be drawn, unless the auditor chose its recorded events instead.
 */
export async function buildControlPopulations(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  today: string | undefined,
  use: PopulationUse = {},
): Promise<ControlPopulation[]> {
  const snapshot = requireFieldwork(engagement);
  const period = { from: engagement.periodFrom ?? "", to: engagement.periodTo ?? "" };
  const organization = await getOrganization(tx, scopeOf(actor));
  const tested = snapshot.controls.filter((c) => c.status !== "not-applicable");
  const evidence = await evidenceOfControls(
    tx,
    scopeOf(actor),
    tested.map((c) => c.id),
    period,
  );
  const byControl = new Map<string, ControlEvidence[]>();
  for (const item of evidence) {
    byControl.set(item.controlId, [...(byControl.get(item.controlId) ?? []), item]);
  }
  const imports = await latestPopulationImports(tx, scopeOf(actor), engagement.id);
  const chosen = new Set(use.recordedEvents ?? []);
  const unknown = [...chosen].filter(
    (ref) => !tested.some((c) => c.ref === ref && c.frequency === "event-driven"),
  );
  if (unknown.length > 0) {
    throw invalidField(
      "recordedEvents",
      `${unknown.join(", ")}: not an event-driven control ${engagementLabel(engagement)} tests`,
    );
  }
  const unaccepted = tested.filter((c) => {
    const latest = imports.get(c.ref);
    return latest !== undefined && latest.status !== "accepted" && !chosen.has(c.ref);
  });
  if (use.refuseUnaccepted === true && unaccepted.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      "a sample is drawn only from an accepted population: " +
        unaccepted
          .map(
            (c) =>
              `${c.ref}'s import ${imports.get(c.ref)?.number ?? "?"} is ` +
              `${imports.get(c.ref)?.status ?? "?"}`,
          )
          .join("; ") +
        ". The auditor accepts it first, or chooses the recorded events for the control",
    );
  }
  const testedRefs = tested.map((c) => c.ref);
  // An accepted import is the auditor's chosen source; else the people register for the
  // controls it covers (hires and leavers); else the calendar or the recorded events.
  const register = await loadPeopleForPopulations(tx, actor);
  const campaigns = await listCampaigns(tx, scopeOf(actor));
  const populations: ControlPopulation[] = [];
  for (const control of tested) {
    const latest = imports.get(control.ref);
    const base = {
      controlRef: control.ref,
      frequency: control.frequency,
      automation: control.automation,
      reliesOn: control.automation === "automated" ? itgcsReliedOn(control.ref, testedRefs) : [],
      latestImport:
        latest === undefined
          ? null
          : { number: latest.number, rowsSha256: latest.rowsSha256, status: latest.status },
    };
    if (
      control.frequency === "event-driven" &&
      latest?.status === "accepted" &&
      !chosen.has(control.ref)
    ) {
      const rows = await populationImportRows(tx, scopeOf(actor), latest.id);
      populations.push({
        ...base,
        source: "imported",
        populationImport: { number: latest.number, rowsSha256: latest.rowsSha256 },
        population: importedPopulationItems(rows, today),
        missing: [],
      });
      continue;
    }
    const evidenceOfControl = byControl.get(control.id) ?? [];
    const fromRegister =
      register === undefined
        ? undefined
        : peoplePopulation(
            control.ref,
            period,
            register.people,
            register.steps,
            evidenceOfControl,
            today,
          );
    // Access reviews (issue 16 part 3): AC-06's completed campaigns, as recorded events.
    const fromCampaigns =
      fromRegister === undefined
        ? accessReviewPopulation(control.ref, period, campaigns, today)
        : undefined;
    const population =
      fromRegister ??
      fromCampaigns ??
      buildPopulation(control.frequency, period, organization.timeZone, evidenceOfControl, today);
    populations.push({
      ...base,
      source:
        fromRegister !== undefined
          ? "people"
          : fromCampaigns !== undefined
            ? "events"
            : populationSource(control.frequency),
      population: population.items,
      missing: population.missing,
    });
  }
  return populations;
}

/**
 * The size a control's population calls for. An automated control's test of one relies on
 * its IT general controls only when the auditor says they were tested without exceptions.
 */
export function decideSize(
  control: ControlPopulationInput | ControlSample,
  population: number,
  priorException: boolean,
  itgcTested: boolean,
  populationTo: string | undefined,
): SampleSizeDecision {
  return sampleSize({
    frequency: control.frequency,
    population,
    automation: control.automation,
    priorException,
    ...(itgcTested && control.reliesOn.length > 0 ? { itgcReliedOn: control.reliesOn } : {}),
    ...(populationTo === undefined ? {} : { populationTo }),
  });
}

export async function drawEngagementSample(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: SampleInput = {},
): Promise<DrawnSample> {
  authorize(actor, "engagement:sample");
  const data = parseInput(sampleInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    requireAssignedAuditor(actor, engagement);
    const populationTo = await populationEnd(tx, actor, engagement, at);
    const populations = await buildControlPopulations(tx, actor, engagement, populationTo, {
      refuseUnaccepted: true,
      ...(data.recordedEvents === undefined ? {} : { recordedEvents: data.recordedEvents }),
    });
    const existing = await currentSample(tx, scopeOf(actor), engagement.id);
    if (existing !== undefined && data.redrawReason === undefined) {
      throw new AppError(
        "CONFLICT",
        `${engagementLabel(engagement)} was already sampled (seed ${existing.seed}); ` +
          "drawing again needs --redraw-reason",
      );
    }
    if (existing !== undefined) {
      // Redrawing after testing would let results (exceptions above all) quietly disappear.
      const recorded = await listItemResults(tx, scopeOf(actor), existing.id);
      if (recorded.length > 0) {
        throw new AppError(
          "INVALID_STATE",
          `${engagementLabel(engagement)} already has ${recorded.length} test results on its ` +
            `sample (seed ${existing.seed}); a sample with results cannot be redrawn`,
        );
      }
    }
    const priorExceptions = await priorExceptionRefs(tx, scopeOf(actor), engagement.number);
    const seed = data.seed ?? newSeed();
    const occasion = {
      seed,
      kind: populationTo === undefined ? ("period" as const) : ("interim" as const),
      at: at.toISOString(),
      by: actor.name,
      populationTo: populationTo ?? engagement.periodTo ?? "",
    };
    const controls = populations.map((control) => {
      const decision = decideSize(
        control,
        control.population.length,
        priorExceptions.has(control.controlRef),
        data.itgcTested ?? false,
        populationTo,
      );
      return firstDraw(control, decision, occasion);
    });
    const sample: EngagementSample = {
      id: newId(),
      seed,
      drawnAt: occasion.at,
      drawnBy: actor.name,
      redrawReason: existing === undefined ? null : (data.redrawReason ?? null),
      populationSha256: controlsPopulationSha256(controls),
      draws: sampleDraws(controls),
      controls,
    };
    await insertSample(tx, scopeOf(actor), engagement.id, sample);
    await recordEvent(
      tx,
      actor,
      existing === undefined ? "engagement.sampled" : "engagement.resampled",
      engagement.id,
      {
        sample: sample.id,
        seed,
        controls: controls.length,
        items: controls.reduce((sum, c) => sum + c.items.length, 0),
        redrawReason: sample.redrawReason,
        replaced: existing?.id ?? null,
        sha256: sha256Hex(canonicalJson(sample.controls)),
        populationSha256: sample.populationSha256,
        kind: occasion.kind,
        populationTo: occasion.populationTo,
        imported: controls.flatMap((c) =>
          c.populationImport === undefined
            ? []
            : [
                {
                  control: c.controlRef,
                  import: c.populationImport.number,
                  rowsSha256: c.populationImport.rowsSha256,
                },
              ],
        ),
        recordedEvents: data.recordedEvents ?? [],
      },
      at,
    );
    // Each sampled occurrence of an imported population is then a request for its evidence.
    const requests = await requestsFollowSample(tx, actor, engagement, sample, at);
    return { ...nameSampleItems(sample), requests };
  });
}

export async function getEngagementSample(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<NamedSample | null> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const sample = await currentSample(tx, scopeOf(actor), engagement.id);
    return sample === undefined ? null : nameSampleItems(sample);
  });
}

/** Each control's population over the period, as sampling would see it now. */
export async function getEngagementPopulations(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ControlPopulation[]> {
  authorize(actor, "engagement:read");
  const at = ctx.now();
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const today = await populationEnd(tx, actor, engagement, at);
    return buildControlPopulations(tx, actor, engagement, today);
  });
}
