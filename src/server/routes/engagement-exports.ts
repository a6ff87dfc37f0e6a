/** Exports of an engagement: the control matrix (CSV, XLSX) and the signed workpapers ZIP. */
import { z } from "zod";
import {
  MATRIX_MEDIA_TYPES,
  controlMatrixFile,
} from "../../services/fieldwork/exports/control-matrix.ts";
import { openWorkpapers } from "../../services/fieldwork/exports/workpapers.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { attachment } from "./downloads.ts";

const idParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };

export function registerEngagementExportRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/matrix",
    tag: "engagements",
    summary:
      "The control matrix, one row per control: criteria, control, description, owner, " +
      "frequency, population, sample size, test performed, result, exceptions",
    params: idParam,
    // The service names the format it refuses; the route documents the choice.
    query: { format: z.string().max(20).default("csv").describe("csv (default) or xlsx") },
    response: fileAnswer(MATRIX_MEDIA_TYPES.csv, MATRIX_MEDIA_TYPES.xlsx),
    handler: async ({ actor, params, query, reply }) => {
      const file = await controlMatrixFile(ctx, actor, params.id, query.format);
      attachment(reply, file.fileName, file.mediaType, file.bytes.length);
      return file.bytes;
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/workpapers.zip",
    tag: "engagements",
    summary:
      "The engagement's workpapers as a ZIP signed like the evidence bundle (verify with " +
      "`attest bundle verify`): the matrix, an overview, one workpaper per control (test " +
      "steps, each sampled item's result per step and notes), the imported populations " +
      "(source, rows, hash, completeness, decision) and the auditor's own files. The " +
      "assigned auditors' alone: every company role is refused",
    params: idParam,
    response: fileAnswer("application/zip"),
    handler: async ({ actor, params, reply }) => {
      // Every refusal is thrown here, before the answer starts; the ZIP then streams.
      const papers = await openWorkpapers(ctx, actor, params.id);
      const { summary } = papers;
      // A build that fails part-way (a corrupt stored file) then ends short of this length.
      const length = summary.zipBytes >= 0 ? summary.zipBytes : undefined;
      attachment(reply, summary.fileName, "application/zip", length).header(
        "x-signing-key-fingerprint",
        summary.signingKey.fingerprint,
      );
      return papers.stream;
    },
  });
}
