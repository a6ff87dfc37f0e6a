/** Findings: the list, one finding, triage, the imports (SARIF, Prowler, CloudTrail), evidence. */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { evidenceItem } from "../../contracts/evidence.ts";
import {
  finding,
  findingDetail,
  findingImportList,
  findingImportOutcome,
  findingList,
  findingSeverity,
  findingSource,
  findingStatus,
} from "../../contracts/findings.ts";
import { invalidField } from "../../domain/errors.ts";
import {
  checkFindingsImport,
  importFindings,
} from "../../services/program/findings/findings-import.service.ts";
import {
  findingsEvidenceInput,
  listFindingsOf,
  listImports,
  recordFindingsEvidence,
  showFinding,
  triageFinding,
  triageInput,
} from "../../services/program/findings/findings.service.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { paginate, pageQuery } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const findingParam = { finding: z.string().min(1).max(40) };

/** The one file part of a multipart body, as bytes (the service checks its size and form). */
async function uploadedFile(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw invalidField("file", "send the file as multipart/form-data (a `file` part)");
  }
  let file: { name: string; bytes: Buffer } | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type !== "file") continue;
    if (file !== undefined) {
      part.file.resume();
      throw invalidField("file", "send one file per request");
    }
    const chunks: Buffer[] = [];
    const stream = part.file;
    await readingPart(stream, async () => {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    });
    file = { name: part.filename, bytes: Buffer.concat(chunks) };
  }
  if (file === undefined) throw invalidField("file", "missing: send the file as a `file` part");
  return file;
}

export function registerFindingRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/findings",
    tag: "findings",
    summary: "Findings, newest first, filtered by source, status, severity or overdue",
    response: findingList,
    reuse: true,
    query: {
      source: findingSource.optional(),
      status: findingStatus.optional(),
      severity: findingSeverity.optional(),
      overdue: z.enum(["true", "false"]).optional(),
      ...pageQuery,
    },
    handler: async ({ actor, query }) => {
      const { cursor, limit, overdue, ...filter } = query;
      const list = await listFindingsOf(ctx, actor, {
        ...filter,
        ...(overdue === undefined ? {} : { overdue: overdue === "true" }),
      });
      const page = paginate(list.items, { cursor, limit }, (f) => f.ref);
      return { ...page, today: list.today, counts: list.counts };
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/findings/imports",
    tag: "findings",
    summary: "The imports, newest first, with the file's SHA-256 and what each changed",
    response: findingImportList,
    handler: async ({ actor }) => ({ items: await listImports(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/findings/imports/:source",
    tag: "findings",
    summary:
      "Import a SARIF 2.1.0, Prowler JSON-OCSF or CloudTrail log file (multipart `file`; gzip accepted)",
    params: { source: findingSource },
    response: findingImportOutcome,
    status: 201,
    handler: async ({ actor, params, request }) => {
      // Refused before the upload is read, not after.
      checkFindingsImport(actor);
      const file = await uploadedFile(request);
      return importFindings(ctx, actor, {
        source: params.source,
        fileName: file.name,
        content: file.bytes,
      });
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/findings/evidence",
    tag: "findings",
    summary: "File the findings seen or triaged in a period as evidence for their controls",
    body: findingsEvidenceInput,
    response: z.object({ items: z.array(evidenceItem) }),
    status: 201,
    handler: async ({ actor, body }) => ({
      items: await recordFindingsEvidence(ctx, actor, serviceInput(body)),
    }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/findings/:finding",
    tag: "findings",
    summary: "One finding, with the element of the file it came from and its history",
    params: findingParam,
    response: findingDetail,
    handler: async ({ actor, params }) => showFinding(ctx, actor, params.finding),
  });
  orgRoute(router, {
    method: "POST",
    url: "/findings/:finding/triage",
    tag: "findings",
    summary: "Close an open finding with a decision and a reason",
    params: findingParam,
    body: triageInput,
    response: finding,
    handler: async ({ actor, params, body }) =>
      triageFinding(ctx, actor, params.finding, serviceInput(body)),
  });
}
