/**
 * Evidence: upload (multipart, streamed to the store), links and records (JSON), list, detail,
 * the file itself, more controls, and removal with a reason.
 */
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { evidenceDetail, evidenceItem, evidencePage } from "../../contracts/evidence.ts";
import { invalidField } from "../../domain/errors.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import type { Actor } from "../../domain/actor.ts";
import {
  addEvidence,
  linkEvidenceToControl,
  listEvidence,
  metadataInput,
  readEvidenceFile,
  removeEvidence,
  showEvidence,
} from "../../services/program/evidence.service.ts";
import type { EvidenceMetadata } from "../../services/program/evidence.service.ts";
import type { ServiceContext } from "../../services/platform/context.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { contentDisposition } from "./downloads.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const idParam = { id: z.string().min(1).max(100) };

/** Media types a browser may show inline; anything else is only ever downloaded. */
const INLINE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
]);

function parseMetadata(value: string): EvidenceMetadata {
  try {
    return JSON.parse(value) as EvidenceMetadata;
  } catch {
    throw invalidField("metadata", "must be JSON: {title, controls, forDate | from and to}");
  }
}

/** Reads the metadata field, then streams the file part straight into the evidence store. */
async function addUploadedFile(
  ctx: ServiceContext,
  actor: Actor,
  request: FastifyRequest,
): Promise<EvidenceItem> {
  let metadata: EvidenceMetadata | undefined;
  let added: EvidenceItem | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type === "field" && part.fieldname === "metadata") {
      metadata = parseMetadata(String(part.value));
    } else if (part.type === "file") {
      if (metadata === undefined) {
        part.file.resume();
        throw invalidField("metadata", "send the metadata field before the file");
      }
      if (added !== undefined) {
        part.file.resume();
        throw invalidField("file", "send one file per request");
      }
      const file = { fileName: part.filename, mediaType: part.mimetype };
      const content = part.file;
      const chosen = metadata;
      added = await readingPart(content, () =>
        addEvidence(ctx, actor, { kind: "file", content, ...file }, chosen),
      );
    }
  }
  if (added === undefined) throw invalidField("file", "missing: send it after the metadata field");
  return added;
}

const jsonEvidence = metadataInput.safeExtend({
  link: z.url().optional(),
  record: z.object({ kind: z.string(), data: z.unknown() }).optional(),
});

export function registerEvidenceRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/evidence",
    tag: "evidence",
    summary: "Evidence, optionally of one control, kind or date range",
    response: evidencePage,
    query: {
      control: z.string().max(40).optional(),
      kind: z.enum(["file", "link", "record"]).optional(),
      from: z.string().max(10).optional(),
      to: z.string().max(10).optional(),
      includeRemoved: z.enum(["true", "false"]).optional(),
      ...pageQuery,
    },
    handler: async ({ actor, query }) => {
      const items = await listEvidence(ctx, actor, {
        ...(query.control === undefined ? {} : { control: query.control }),
        includeRemoved: query.includeRemoved === "true",
      });
      const chosen = items.filter(
        (e) =>
          (query.kind === undefined || e.kind === query.kind) &&
          (query.from === undefined || e.forTo >= query.from) &&
          (query.to === undefined || e.forFrom <= query.to),
      );
      return paginate(chosen, query, (e) => e.id);
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/evidence",
    tag: "evidence",
    summary:
      "Add evidence: multipart (a `metadata` JSON field, then the `file`), or JSON with a link or record",
    response: evidenceItem,
    body: jsonEvidence,
    status: 201,
    handler: async ({ actor, request, body }) => {
      if (request.isMultipart()) return addUploadedFile(ctx, actor, request);
      const { link, record, ...metadata } = serviceInput<
        {
          link?: unknown;
          record?: unknown;
        } & EvidenceMetadata
      >(body);
      if (link !== undefined) {
        return addEvidence(ctx, actor, { kind: "link", url: String(link) }, metadata);
      }
      if (record === undefined) {
        throw invalidField("link", "send a link, a record, or a file as multipart/form-data");
      }
      return addEvidence(ctx, actor, { kind: "record", record }, metadata);
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/evidence/:id",
    tag: "evidence",
    summary: "An evidence item with its history",
    response: evidenceDetail,
    params: idParam,
    handler: async ({ actor, params }) => showEvidence(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/evidence/:id/file",
    tag: "evidence",
    summary: "The file's bytes, checked against its SHA-256 as they stream",
    response: fileAnswer("application/octet-stream"),
    params: idParam,
    query: { inline: z.enum(["0", "1"]).optional() },
    handler: async ({ actor, params, query, reply }) => {
      const { evidence, content } = await readEvidenceFile(ctx, actor, params.id);
      const type = evidence.mediaType ?? "application/octet-stream";
      const inline = query.inline === "1" && INLINE_TYPES.has(type);
      const name = evidence.fileName ?? `${evidence.id}.bin`;
      void reply
        .header("content-type", inline ? type : "application/octet-stream")
        .header("content-length", String(evidence.size))
        .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", name))
        // Uploaded content runs nothing, even if someone uploads a page with a script in it.
        // Chromium will not show a PDF in a sandboxed document, and its viewer runs no
        // page script, so an inline PDF alone goes without the sandbox.
        .header(
          "content-security-policy",
          inline && type === "application/pdf"
            ? "default-src 'none'; frame-ancestors 'self'"
            : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        )
        .header("x-evidence-sha256", evidence.sha256);
      return content;
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/evidence/:id/links",
    tag: "evidence",
    summary: "Link the evidence to one more control",
    response: evidenceItem,
    params: idParam,
    body: z.object({ control: z.string() }),
    handler: async ({ actor, params, body }) => {
      const control = serviceInput<{ control?: unknown }>(body).control;
      if (typeof control !== "string") throw invalidField("control", "required: a control ref");
      return linkEvidenceToControl(ctx, actor, params.id, control);
    },
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/evidence/:id",
    tag: "evidence",
    summary: "Remove evidence (a tombstone with the reason stays)",
    response: evidenceItem,
    params: idParam,
    body: z.object({ reason: z.string() }),
    handler: async ({ actor, params, body }) =>
      removeEvidence(ctx, actor, params.id, serviceInput(body)),
  });
}
