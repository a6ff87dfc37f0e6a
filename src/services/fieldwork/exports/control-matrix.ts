/**
 * The control matrix of an engagement, as rows and as a file (CSV, or XLSX written by
 * exceljs, which only the XLSX path loads). One row per control of the engagement: the frozen
 * scope once fieldwork began, before that the controls mapped to criteria of its categories.
 * Owners and admins take it, and the engagement's assigned auditors (loadEngagement hides the
 * others' engagements).
 */
import { z } from "zod";
import { listControls } from "../../../db/controls.repo.ts";
import { getOrganization } from "../../../db/organizations.repo.ts";
import { read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import {
  conclusionWords,
  exceptionsWords,
  frequencyWords,
  matrixCsv,
  testPerformedWords,
} from "../../../domain/control-matrix.ts";
import type { MatrixRow } from "../../../domain/control-matrix.ts";
import { engagementLabel } from "../../../domain/engagement.ts";
import type { Engagement } from "../../../domain/engagement.ts";
import { authorize } from "../../../domain/permissions.ts";
import { resultSentence } from "../../../domain/report.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseInput } from "../../platform/validation.ts";
import { loadEngagement, takeSnapshot } from "../engagements.service.ts";
import { resultsOf } from "../results.ts";

export const MATRIX_FORMATS = ["csv", "xlsx"] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export const matrixFormatInput = z.enum(MATRIX_FORMATS, {
  error: "must be csv or xlsx",
});

export const MATRIX_MEDIA_TYPES: Record<MatrixFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ControlMatrix {
  engagement: Engagement;
  organization: { name: string; slug: string };
  generatedAt: string;
  generatedBy: string;
  rows: MatrixRow[];
}

/** The matrix's rows, read in the caller's transaction (the workpapers reuse it). */
export async function matrixRows(tx: Tx, actor: Actor, engagement: Engagement, at: string) {
  const snapshot =
    engagement.snapshot ?? (await takeSnapshot(tx, actor, engagement.categories, at));
  const results = await resultsOf(tx, actor, engagement);
  const owners = new Map(
    (await listControls(tx, scopeOf(actor))).map((c) => [c.id, c.owner ?? ""] as const),
  );
  const outcomes = new Map(results.controls.map((c) => [c.controlRef, c]));
  const drawn = new Map((results.sample?.controls ?? []).map((c) => [c.controlRef, c]));
  const rows = [...snapshot.controls]
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .map((control): MatrixRow => {
      const outcome = outcomes.get(control.ref);
      const sample = drawn.get(control.ref);
      const labelOf = (key: string) =>
        sample?.population.find((item) => item.key === key)?.label ?? key;
      const sampled = engagement.type === 2 && results.sample !== null;
      let result: string;
      if (control.status === "not-applicable") result = "Not applicable.";
      else if (outcome === undefined) result = "Not tested.";
      else if (engagement.type === 2) result = resultSentence(2, outcome);
      else {
        result = `${conclusionWords(outcome.conclusion)}.${outcome.note === null ? "" : ` ${outcome.note}`}`;
      }
      return {
        criteria: control.criteria.join(", "),
        ref: control.ref,
        title: control.title,
        description: control.description ?? "",
        owner: owners.get(control.id) ?? "",
        frequency: frequencyWords(control.frequency),
        population: sampled ? (sample?.population.length ?? 0) : null,
        sampleSize: sampled ? (outcome?.sampleSize ?? 0) : null,
        testPerformed: testPerformedWords(outcome?.test ?? null),
        result,
        exceptions: exceptionsWords(outcome, labelOf),
      };
    });
  return { rows, results, snapshot };
}

export async function controlMatrix(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ControlMatrix> {
  authorize(actor, "engagement:export");
  const at = ctx.now().toISOString();
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const organization = await getOrganization(tx, scopeOf(actor));
    const { rows } = await matrixRows(tx, actor, engagement, at);
    return {
      engagement,
      organization: { name: organization.name, slug: organization.slug },
      generatedAt: at,
      generatedBy: actor.name,
      rows,
    };
  });
}

export interface MatrixFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  rows: number;
}

export async function controlMatrixFile(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  format: string,
): Promise<MatrixFile> {
  const chosen = parseInput(z.object({ format: matrixFormatInput }), { format }).format;
  const matrix = await controlMatrix(ctx, actor, handle);
  const label = engagementLabel(matrix.engagement);
  const bytes =
    chosen === "csv"
      ? Buffer.from(matrixCsv(matrix.rows), "utf8")
      : await (await import("./matrix-xlsx.ts")).matrixXlsx(matrix);
  return {
    fileName: `${matrix.organization.slug}-${label}-control-matrix.${chosen}`,
    mediaType: MATRIX_MEDIA_TYPES[chosen],
    bytes,
    rows: matrix.rows.length,
  };
}
