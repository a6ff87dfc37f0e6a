/**
 * The auditor's workpapers: every control's at once (the testing screen), one control's, its
 * test steps, an item's attribute results and note, and the auditor's own files (multipart
 * upload, list, download), which answer 403 to every company role.
 */
import type {} from "@fastify/multipart";
import { z } from "zod";
import { pageOf } from "../../contracts/common.ts";
import {
  controlWorkpaper,
  engagementWorkpapers,
  itemWorkpaper,
  workpaperAttachment,
  workpaperStep,
} from "../../contracts/workpapers.ts";
import { invalidField } from "../../domain/errors.ts";
import {
  attachToWorkpaper,
  listWorkpaperAttachments,
  readWorkpaperAttachment,
} from "../../services/fieldwork/workpaper-attachments.service.ts";
import {
  attributesInput,
  engagementWorkpapers as workpapersOf,
  recordItemAttributes,
  setWorkpaperSteps,
  showWorkpaper,
  stepsInput,
} from "../../services/fieldwork/workpapers.service.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { contentDisposition } from "./downloads.ts";

const idParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };
const controlParam = { ...idParam, control: z.string().min(1).max(40).describe("control ref") };

export function registerWorkpaperRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/workpapers",
    tag: "workpapers",
    summary: "Every control's workpaper, its sampled items in words, and the testing progress",
    params: idParam,
    response: engagementWorkpapers,
    handler: async ({ actor, params }) => workpapersOf(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/workpapers/:control",
    tag: "workpapers",
    summary: "One control's workpaper: steps, items and their attribute results",
    params: controlParam,
    response: controlWorkpaper,
    handler: async ({ actor, params }) => showWorkpaper(ctx, actor, params.id, params.control),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/engagements/:id/workpapers/:control/steps",
    tag: "workpapers",
    summary: "Set the attributes tested, in order (a kept text keeps its results)",
    params: controlParam,
    body: stepsInput.omit({ control: true }),
    response: pageOf(workpaperStep),
    handler: async ({ actor, params, body }) => ({
      items: await setWorkpaperSteps(ctx, actor, params.id, {
        ...serviceInput<Omit<z.input<typeof stepsInput>, "control">>(body),
        control: params.control,
      }),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/workpapers/:control/items/:item",
    tag: "workpapers",
    summary: "Record a sampled item's attribute results and note (its result follows)",
    params: { ...controlParam, item: z.string().min(1).max(100) },
    body: attributesInput.omit({ control: true, item: true }),
    response: itemWorkpaper,
    handler: async ({ actor, params, body }) =>
      recordItemAttributes(ctx, actor, params.id, {
        ...serviceInput<object>(body),
        control: params.control,
        item: params.item,
      }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/workpapers/:control/attachments",
    tag: "workpapers",
    summary: "The auditor's own files on the control's workpaper (the auditor alone)",
    params: controlParam,
    response: pageOf(workpaperAttachment),
    handler: async ({ actor, params }) => ({
      items: await listWorkpaperAttachments(ctx, actor, params.id, params.control),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/workpapers/:control/attachments",
    tag: "workpapers",
    summary: "Attach one of the auditor's own files (multipart `file`; `item` in the query)",
    params: controlParam,
    query: { item: z.string().min(1).max(100).optional() },
    response: workpaperAttachment,
    status: 201,
    handler: async ({ actor, params, query, request }) => {
      if (!request.isMultipart()) throw invalidField("file", "send it as multipart/form-data");
      const input = {
        control: params.control,
        ...(query.item === undefined ? {} : { item: query.item }),
      };
      for await (const part of multipartParts(request)) {
        if (part.type !== "file") continue;
        const content = part.file;
        const file = { content, fileName: part.filename, mediaType: part.mimetype };
        return readingPart(content, () => attachToWorkpaper(ctx, actor, params.id, input, file));
      }
      throw invalidField("file", "missing: send one file");
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/workpaper-attachments/:attachment/file",
    tag: "workpapers",
    summary: "An attachment's bytes, checked against its SHA-256 (the auditor alone)",
    params: { ...idParam, attachment: z.string().min(1).max(100) },
    response: fileAnswer("application/octet-stream"),
    handler: async ({ actor, params, reply }) => {
      const { attachment, content } = await readWorkpaperAttachment(
        ctx,
        actor,
        params.id,
        params.attachment,
      );
      void reply
        .header("content-type", "application/octet-stream")
        .header("content-length", String(attachment.size))
        .header("content-disposition", contentDisposition("attachment", attachment.fileName))
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("x-attachment-sha256", attachment.sha256);
      return content;
    },
  });
}
