/**
 * The auditor's request list of an engagement: list, show, open (one, or for every sampled
 * item lacking evidence), answer (JSON with evidence ids, or multipart with a `metadata` JSON
 * field and then the `file`), comment, accept and return.
 */
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditRequest, bulkOpening, requestList } from "../../contracts/requests.ts";
import type { NamedRequest } from "../../domain/audit-request.ts";
import type { Actor } from "../../domain/actor.ts";
import { invalidField } from "../../domain/errors.ts";
import type { ServiceContext } from "../../services/platform/context.ts";
import {
  acceptRequest,
  answerRequest,
  commentOnRequest,
  returnRequest,
} from "../../services/fieldwork/request-answers.service.ts";
import {
  answerInput,
  bulkRequestInput,
  commentInput,
  listEngagementRequests,
  openRequest,
  openRequestInput,
  openRequestsForMissingEvidence,
  returnInput,
  showRequest,
} from "../../services/fieldwork/requests.service.ts";
import type { AnswerInput } from "../../services/fieldwork/requests.service.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const engagementParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };
const requestParams = { ...engagementParam, request: z.string().min(1).max(20) };

function parseMetadata(value: string): AnswerInput {
  try {
    return JSON.parse(value) as AnswerInput;
  } catch {
    throw invalidField("metadata", "must be JSON: {evidence?, comment?, title?, forDate?}");
  }
}

/** Reads the metadata field, then streams the file part into the evidence store. */
async function answerWithUpload(
  ctx: ServiceContext,
  actor: Actor,
  request: FastifyRequest,
  params: { id: string; request: string },
): Promise<NamedRequest> {
  let metadata: AnswerInput = {};
  let answered: NamedRequest | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type === "field" && part.fieldname === "metadata") {
      metadata = parseMetadata(String(part.value));
    } else if (part.type === "file") {
      if (answered !== undefined) {
        part.file.resume();
        throw invalidField("file", "send one file per answer");
      }
      const content = part.file;
      const file = { content, fileName: part.filename, mediaType: part.mimetype };
      const chosen = metadata;
      answered = await readingPart(content, () =>
        answerRequest(ctx, actor, params.id, params.request, chosen, file),
      );
    }
  }
  if (answered === undefined) throw invalidField("file", "missing: send it after the metadata");
  return answered;
}

export function registerRequestRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/requests",
    tag: "requests",
    summary: "The engagement's request list with counts by status (a control owner: theirs)",
    params: engagementParam,
    query: { status: z.string().max(20).optional() },
    response: requestList,
    handler: async ({ actor, params, query }) =>
      listEngagementRequests(ctx, actor, params.id, query.status === undefined ? {} : query),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/requests/:request",
    tag: "requests",
    summary: "One request with its evidence and comments",
    params: requestParams,
    response: auditRequest,
    handler: async ({ actor, params }) => showRequest(ctx, actor, params.id, params.request),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests",
    tag: "requests",
    summary: "Open a request for a control, a sampled item or in free text (the auditor)",
    params: engagementParam,
    body: openRequestInput,
    response: auditRequest,
    status: 201,
    handler: async ({ actor, params, body }) =>
      openRequest(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests/missing-evidence",
    tag: "requests",
    summary: "Open a request for every sampled item with no evidence and no request (the auditor)",
    params: engagementParam,
    body: bulkRequestInput,
    response: bulkOpening,
    status: 201,
    handler: async ({ actor, params, body }) =>
      openRequestsForMissingEvidence(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests/:request/answer",
    tag: "requests",
    summary:
      "Answer a request: JSON naming evidence, or multipart (a `metadata` JSON field, then the `file`)",
    params: requestParams,
    body: answerInput,
    response: auditRequest,
    handler: async ({ actor, params, request, body }) => {
      if (request.isMultipart()) return answerWithUpload(ctx, actor, request, params);
      return answerRequest(ctx, actor, params.id, params.request, serviceInput(body));
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests/:request/comments",
    tag: "requests",
    summary: "Comment on a request (the auditor, the addressee, an owner or admin)",
    params: requestParams,
    body: commentInput,
    response: auditRequest,
    status: 201,
    handler: async ({ actor, params, body }) =>
      commentOnRequest(ctx, actor, params.id, params.request, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests/:request/accept",
    tag: "requests",
    summary: "Accept the answer to a request (the auditor)",
    params: requestParams,
    response: auditRequest,
    handler: async ({ actor, params }) => acceptRequest(ctx, actor, params.id, params.request),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/requests/:request/return",
    tag: "requests",
    summary: "Return the answer to a request with the reason (the auditor)",
    params: requestParams,
    body: returnInput,
    response: auditRequest,
    handler: async ({ actor, params, body }) =>
      returnRequest(ctx, actor, params.id, params.request, serviceInput(body)),
  });
}
