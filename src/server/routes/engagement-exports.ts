/** Exports of an engagement: the control matrix (CSV, XLSX) and the signed workpapers ZIP. */
import { z } from "zod";
import {
  MATRIX_MEDIA_TYPES,
  controlMatrixFile,
} from "../../services/fieldwork/exports/control-matrix.ts";
import { buildWorkpapers } from "../../services/fieldwork/exports/workpapers.ts";
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
      "The engagement's workpapers (matrix, overview, one workpaper per control) as a ZIP " +
      "signed like the evidence bundle (verify with `attest bundle verify`). The assigned " +
      "auditors' at any time; owners and admins once a final report is out",
    params: idParam,
    response: fileAnswer("application/zip"),
    handler: async ({ actor, params, reply }) => {
      const papers = await buildWorkpapers(ctx, actor, params.id);
      attachment(reply, papers.fileName, "application/zip", papers.bytes.length).header(
        "x-signing-key-fingerprint",
        papers.signingKey.fingerprint,
      );
      return papers.bytes;
    },
  });
}
