/**
 * What a customer reaches through a share link, without an account: the preview and the NDA,
 * accepting it, and the download. The link's secret is the only credential.
 */
import { z } from "zod";
import {
  acceptInput,
  acceptSharedReportNda,
  downloadSharedReport,
  previewSharedReport,
} from "../../services/reporting/report-sharing.service.ts";
import type { ClientInfo } from "../../services/reporting/report-sharing.service.ts";
import { renderReport } from "../../services/reporting/report-output.ts";
import { ndaAcceptance, sharedReportPreview } from "../../contracts/reports.ts";
import { serviceInput } from "../body.ts";
import { fileAnswer, publicRoute } from "../route.ts";
import type { Router } from "../route.ts";
import type { FastifyRequest } from "fastify";
import { sendDownload } from "./downloads.ts";

const tokenParam = { token: z.string().min(1).max(200) };

function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers["user-agent"];
  return { address: request.ip, userAgent: typeof agent === "string" ? agent : null };
}

export function registerSharedReportRoutes(router: Router): void {
  const { ctx } = router;
  publicRoute(router, {
    method: "GET",
    url: "/api/v1/shared/:token",
    tag: "shared reports",
    summary: "Whose report a share link leads to, and the NDA to accept",
    params: tokenParam,
    response: sharedReportPreview,
    head: false,
    handler: async ({ params, request }) =>
      previewSharedReport(ctx, params.token, clientOf(request)),
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/shared/:token/accept",
    tag: "shared reports",
    summary: "Accept the NDA (name, company, email); answers a one-hour download token",
    params: tokenParam,
    body: acceptInput,
    response: ndaAcceptance,
    status: 201,
    handler: async ({ params, body, request }) =>
      acceptSharedReportNda(ctx, params.token, serviceInput(body), clientOf(request)),
  });
  publicRoute(router, {
    method: "GET",
    url: "/api/v1/shared/:token/report",
    tag: "shared reports",
    summary: "Download the shared final report (PDF) after accepting the NDA",
    params: tokenParam,
    query: { download: z.string().min(1).max(200) },
    response: fileAnswer("application/pdf"),
    head: false,
    handler: async ({ params, query, request, reply }) => {
      const pkg = await downloadSharedReport(ctx, params.token, query.download, clientOf(request));
      return sendDownload(reply, await renderReport(pkg, "pdf"));
    },
  });
}
