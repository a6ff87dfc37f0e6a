/**
 * Populations imported for an engagement's event-driven control: the import (multipart with a
 * `metadata` JSON field then the `file`, or JSON with the file's text as `content`), the view
 * with its history, and the auditor's acceptance or return.
 */
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { populationView } from "../../contracts/populations.ts";
import type { PopulationView } from "../../contracts/populations.ts";
import type { Actor } from "../../domain/actor.ts";
import { invalidField } from "../../domain/errors.ts";
import {
  MAX_POPULATION_FILE_CHARS,
  importPopulation,
  importPopulationInput,
  reviewPopulation,
  showPopulation,
} from "../../services/fieldwork/populations.service.ts";
import type { ImportPopulationInput } from "../../services/fieldwork/populations.service.ts";
import type { ServiceContext } from "../../services/platform/context.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const params = {
  id: z.string().min(1).max(100).describe("engagement id or E-number"),
  control: z.string().min(1).max(40).describe("the control's ref, such as CM-02"),
};

type ImportMetadata = Omit<ImportPopulationInput, "control" | "content" | "format"> & {
  format?: unknown;
};

function parseMetadata(value: string): ImportMetadata {
  try {
    return JSON.parse(value) as ImportMetadata;
  } catch {
    throw invalidField("metadata", "must be JSON: {source, completeness, query?, reason?, …}");
  }
}

/** The format a file's name or media type says, when the metadata does not name one. */
function formatOf(fileName: string, mediaType: string): "csv" | "json" {
  return fileName.toLowerCase().endsWith(".json") || mediaType.includes("json") ? "json" : "csv";
}

async function importUploaded(
  ctx: ServiceContext,
  actor: Actor,
  request: FastifyRequest,
  handle: string,
  control: string,
): Promise<PopulationView> {
  let metadata: ImportMetadata | undefined;
  let answer: PopulationView | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type === "field" && part.fieldname === "metadata") {
      metadata = parseMetadata(String(part.value));
    } else if (part.type === "file") {
      const chosen = metadata;
      if (chosen === undefined || answer !== undefined) {
        part.file.resume();
        throw invalidField(
          chosen === undefined ? "metadata" : "file",
          chosen === undefined ? "send the metadata field before the file" : "send one file",
        );
      }
      const stream = part.file;
      const fileName = part.filename;
      const mediaType = part.mimetype;
      answer = await readingPart(stream, async () => {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of stream) {
          const buffer = Buffer.from(chunk as Uint8Array);
          size += buffer.length;
          if (size > MAX_POPULATION_FILE_CHARS) {
            throw invalidField("file", "is too large to import as a population");
          }
          chunks.push(buffer);
        }
        return importPopulation(ctx, actor, handle, {
          ...chosen,
          control,
          fileName: chosen.fileName ?? fileName,
          format: (chosen.format ?? formatOf(fileName, mediaType)) as "csv" | "json",
          content: Buffer.concat(chunks).toString("utf8"),
        });
      });
    }
  }
  if (answer === undefined) throw invalidField("file", "missing: send it after the metadata field");
  return answer;
}

export function registerPopulationRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/populations/:control",
    tag: "sampling",
    summary: "A control's imported population: the latest import, its source and the history",
    params,
    response: populationView,
    handler: async ({ actor, params: p }) => showPopulation(ctx, actor, p.id, p.control),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/populations/:control/imports",
    tag: "sampling",
    summary:
      "Import a control's population (CSV `key,date,label` or JSON): multipart (`metadata` " +
      "JSON, then the `file`) or JSON with the text as `content`; refused whole on any bad row",
    params,
    response: populationView,
    body: importPopulationInput.omit({ control: true }),
    status: 201,
    handler: async ({ actor, params: p, request, body }) => {
      if (request.isMultipart()) return importUploaded(ctx, actor, request, p.id, p.control);
      return importPopulation(ctx, actor, p.id, {
        ...serviceInput<Omit<ImportPopulationInput, "control">>(body),
        control: p.control,
      });
    },
  });
  for (const decision of ["accept", "return"] as const) {
    orgRoute(router, {
      method: "POST",
      url: `/engagements/:id/populations/:control/${decision}`,
      tag: "sampling",
      summary:
        decision === "accept"
          ? "Accept the latest imported population (the assigned auditor)"
          : "Return the latest imported population with a reason (the assigned auditor)",
      params,
      response: populationView,
      body: z.object({ reason: z.string().optional() }),
      handler: async ({ actor, params: p, body }) =>
        reviewPopulation(ctx, actor, p.id, {
          ...serviceInput<{ reason?: string }>(body),
          control: p.control,
          decision,
        }),
    });
  }
}
