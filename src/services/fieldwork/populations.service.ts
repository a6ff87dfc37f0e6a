/**
 * Populations imported from the system of record for an engagement's event-driven controls.
 * The company (an owner or admin, or the control's owner) imports the rows with their source
 * and its statement that they are complete; the assigned auditor accepts the population or
 * returns it with a reason. Only an accepted import is sampled (sampling.service.ts). A later
 * import needs a reason and keeps every earlier one, each with the hash of its rows.
 */
import { z } from "zod";
import { findControlByRef } from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import {
  insertPopulationImport,
  listPopulationImports,
  populationImportRows,
  reviewPopulationImport,
} from "../../db/populations.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ControlFrequency } from "../../catalog/types.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import {
  POPULATION_FORMATS,
  parsePopulation,
  populationRowsSha256,
} from "../../domain/population-import.ts";
import type { PopulationImport, PopulationRow } from "../../domain/population-import.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { optionalText, reason, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { loadEngagement } from "./engagements.service.ts";
import { requireAssignedAuditor } from "./sampling.service.ts";

/** Bytes of a population file: 100,000 rows of a long label fit several times over. */
export const MAX_POPULATION_FILE_CHARS = 64 * 1024 * 1024;

const controlRef = z
  .string()
  .trim()
  .min(1, "name the control, such as CM-02")
  .max(40)
  .transform((value) => value.toUpperCase());

const instantOrDay = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/.test(value), {
    error: "use a date (YYYY-MM-DD) or a date and time (ISO 8601)",
  });

export const importPopulationInput = z
  .object({
    control: controlRef,
    format: z.enum(POPULATION_FORMATS),
    content: z.string().max(MAX_POPULATION_FILE_CHARS, "the file is too large to import"),
    fileName: optionalText(255).optional(),
    source: requiredText(300).describe("the system of record the rows come from"),
    query: optionalText(2000).optional().describe("the query or report that produced the rows"),
    ranBy: optionalText(200).optional().describe("who ran it (defaults to the importer)"),
    ranAt: instantOrDay.optional().describe("when it was run (defaults to now)"),
    completeness: requiredText(4000).describe(
      "the company's statement that the rows are every occurrence in the period",
    ),
    reason: reason.optional().describe("why a later import replaces the one before"),
  })
  .strict();
export type ImportPopulationInput = z.input<typeof importPopulationInput>;

export const reviewPopulationInput = z
  .object({
    control: controlRef,
    decision: z.enum(["accept", "return"]),
    reason: reason.optional(),
  })
  .strict();
export type ReviewPopulationInput = z.input<typeof reviewPopulationInput>;

export interface PopulationView {
  engagement: string;
  controlRef: string;
  title: string;
  frequency: ControlFrequency;
  period: { from: string; to: string };
  /** The latest import, the one sampling would use once accepted. */
  current: PopulationImport | null;
  /** Every import, the latest first. */
  history: PopulationImport[];
  /** The first rows of the current import, in file order. */
  preview: PopulationRow[];
}

const PREVIEW_ROWS = 20;

interface PopulationTarget {
  engagement: Engagement;
  period: { from: string; to: string };
  control: { ref: string; title: string; frequency: ControlFrequency; owner: string | null };
}

/** The engagement's event-driven control, as frozen at fieldwork or as it stands before. */
async function loadTarget(
  tx: Tx,
  actor: Actor,
  handle: string,
  ref: string,
): Promise<PopulationTarget> {
  const engagement = await loadEngagement(tx, actor, handle);
  const label = engagementLabel(engagement);
  if (engagement.type !== 2 || engagement.periodFrom === null || engagement.periodTo === null) {
    throw new AppError(
      "INVALID_STATE",
      `${label} is a Type 1: it tests design at one date and has no populations`,
    );
  }
  const live = await findControlByRef(tx, scopeOf(actor), ref);
  const frozen = engagement.snapshot?.controls.find((c) => c.ref === ref);
  const control = engagement.snapshot === null ? live : frozen;
  if (control === undefined) {
    throw invalidField("control", `${ref} is not a control ${label} tests`);
  }
  if (control.frequency !== "event-driven") {
    throw invalidField(
      "control",
      `${ref} is a ${control.frequency} control: its population is the calendar's, not imported`,
    );
  }
  return {
    engagement,
    period: { from: engagement.periodFrom, to: engagement.periodTo },
    control: {
      ref,
      title: control.title,
      frequency: control.frequency,
      owner: live?.owner ?? null,
    },
  };
}

async function viewOf(tx: Tx, actor: Actor, target: PopulationTarget): Promise<PopulationView> {
  const history = await listPopulationImports(
    tx,
    scopeOf(actor),
    target.engagement.id,
    target.control.ref,
  );
  const current = history[0] ?? null;
  const rows = current === null ? [] : await populationImportRows(tx, scopeOf(actor), current.id);
  return {
    engagement: engagementLabel(target.engagement),
    controlRef: target.control.ref,
    title: target.control.title,
    frequency: target.control.frequency,
    period: target.period,
    current,
    history,
    preview: rows.slice(0, PREVIEW_ROWS),
  };
}

/**
 * Imports a control's population: every row checked (the whole file refused on any bad row,
 * nothing written), then the import, its rows and the audit event in one transaction.
 */
export async function importPopulation(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: ImportPopulationInput,
): Promise<PopulationView> {
  authorize(actor, "population:import");
  const data = parseInput(importPopulationInput, input);
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const target = await loadTarget(tx, actor, handle, data.control);
    authorize(actor, "population:import", { owner: target.control.owner });
    const label = engagementLabel(target.engagement);
    if (["draft-report", "final-report", "distributed"].includes(target.engagement.status)) {
      throw new AppError(
        "INVALID_STATE",
        `${label} is in ${target.engagement.status}: its populations were settled in fieldwork`,
      );
    }
    const earlier = await listPopulationImports(
      tx,
      scopeOf(actor),
      target.engagement.id,
      target.control.ref,
    );
    const last = earlier[0];
    if (last !== undefined && data.reason === undefined) {
      throw invalidField(
        "reason",
        `${target.control.ref} already has import ${last.number} (${last.rowCount} rows, ` +
          `${last.status}): say why a new import replaces it; the earlier one is kept`,
      );
    }
    const rows = parsePopulation(data.content, data.format, target.period);
    const dates = rows.map((r) => r.date).sort();
    const item: PopulationImport = {
      id: newId(),
      engagementId: target.engagement.id,
      controlRef: target.control.ref,
      number: (last?.number ?? 0) + 1,
      format: data.format,
      fileName: data.fileName === undefined || data.fileName === "" ? null : data.fileName,
      source: {
        system: data.source,
        query: data.query === undefined || data.query === "" ? null : data.query,
        ranBy: data.ranBy === undefined || data.ranBy === "" ? actor.name : data.ranBy,
        ranAt: data.ranAt ?? at,
      },
      completeness: data.completeness,
      reason: last === undefined ? null : (data.reason ?? null),
      rowCount: rows.length,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
      rowsSha256: populationRowsSha256(rows),
      status: "pending",
      importedBy: actor.name,
      importedByEmail: actor.email ?? null,
      importedAt: at,
      reviewedBy: null,
      reviewedAt: null,
      returnReason: null,
    };
    await insertPopulationImport(tx, scopeOf(actor), item, rows);
    await recordEvent(
      tx,
      actor,
      "engagement.population-imported",
      target.engagement.id,
      {
        engagement: label,
        control: item.controlRef,
        import: item.number,
        rows: item.rowCount,
        rowsSha256: item.rowsSha256,
        system: item.source.system,
        query: item.source.query,
        ranBy: item.source.ranBy,
        ranAt: item.source.ranAt,
        completeness: item.completeness,
        reason: item.reason,
        replaces: last?.number ?? null,
      },
      new Date(at),
    );
    return viewOf(tx, actor, target);
  });
}

/**
 * A control's imported population, for the engagement's readers. (A control owner, who does
 * not read engagements, sees the population in the answer to their import.)
 */
export async function showPopulation(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  control: string,
): Promise<PopulationView> {
  authorize(actor, "engagement:read");
  const ref = parseInput(z.object({ control: controlRef }), { control }).control;
  return read(ctx.db, async (tx) => viewOf(tx, actor, await loadTarget(tx, actor, handle, ref)));
}

/** The assigned auditor accepts the latest import, or returns it with a reason. */
export async function reviewPopulation(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: ReviewPopulationInput,
): Promise<PopulationView> {
  authorize(actor, "population:review");
  const data = parseInput(reviewPopulationInput, input);
  if (data.decision === "return" && data.reason === undefined) {
    throw invalidField("reason", "say why the population is returned, so the company can fix it");
  }
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const target = await loadTarget(tx, actor, handle, data.control);
    requireAssignedAuditor(actor, target.engagement);
    const label = engagementLabel(target.engagement);
    const [current] = await listPopulationImports(
      tx,
      scopeOf(actor),
      target.engagement.id,
      target.control.ref,
    );
    if (current === undefined) throw notFound("population import", `${label} ${data.control}`);
    if (current.status !== "pending") {
      throw new AppError(
        "INVALID_STATE",
        `import ${current.number} of ${current.controlRef} in ${label} is already ` +
          `${current.status}; a new import from the company is reviewed next`,
      );
    }
    const status = data.decision === "accept" ? "accepted" : "returned";
    const returnReason = data.decision === "return" ? (data.reason ?? null) : null;
    await reviewPopulationImport(tx, scopeOf(actor), current.id, {
      status,
      by: actor.name,
      at,
      returnReason,
    });
    await recordEvent(
      tx,
      actor,
      data.decision === "accept"
        ? "engagement.population-accepted"
        : "engagement.population-returned",
      target.engagement.id,
      {
        engagement: label,
        control: current.controlRef,
        import: current.number,
        rowsSha256: current.rowsSha256,
        // An acceptance may carry a note; it stays in the trail.
        reason: data.reason ?? null,
      },
      new Date(at),
    );
    return viewOf(tx, actor, target);
  });
}
