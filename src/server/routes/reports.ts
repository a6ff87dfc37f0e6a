/**
 * The report package of an engagement: the draft (description, assertion, opinion, other
 * information), review threads, finalization and versions, outputs, share links and bridge
 * letters; and the organization's report standing for the dashboard.
 */
import { z } from "zod";
import {
  approveBridgeLetter,
  bridgeInput,
  draftBridgeLetter,
  editBridgeLetter,
  listBridgeLettersOf,
} from "../../services/reporting/bridge-letters.service.ts";
import {
  approveAssertion,
  approveInput,
  assertionInput,
  descriptionInput,
  opinionInput,
  otherInformationInput,
  recordOpinion,
  showReportDraft,
  updateAssertion,
  updateOtherInformation,
  updateSystemDescription,
} from "../../services/reporting/report-draft.service.ts";
import { REPORT_FORMATS, renderReport } from "../../services/reporting/report-output.ts";
import {
  listReviewThreads,
  openReviewThread,
  openThreadInput,
  replyInput,
  replyToThread,
} from "../../services/reporting/report-review.service.ts";
import {
  createShareLink,
  listShareLinksOf,
  revokeShareLink,
  shareInput,
} from "../../services/reporting/report-sharing.service.ts";
import {
  currentReportStanding,
  finalizeInput,
  finalizeReport,
  listReportVersionsOf,
  loadReportPackage,
  packageChoice,
} from "../../services/reporting/report-versions.service.ts";
import { pageOf } from "../../contracts/common.ts";
import {
  bridgeLetter,
  createdShareLink,
  reportDraftView,
  reportStanding,
  reportVersion,
  reviewThread,
  shareLinkView,
} from "../../contracts/reports.ts";
import { serviceInput } from "../body.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { baseUrlOf } from "./auth.ts";
import { sendDownload } from "./downloads.ts";

const idParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };
const base = "/engagements/:id/report";
const list = <T>(items: T[]) => ({ items, nextCursor: null });

export function registerReportRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/report-standing",
    tag: "reports",
    summary: "The newest final report and its age (current, renew-soon, aging, expired)",
    response: z.object({ standing: reportStanding.nullable() }),
    handler: async ({ actor }) => ({ standing: await currentReportStanding(ctx, actor) }),
  });
  orgRoute(router, {
    method: "GET",
    url: base,
    tag: "reports",
    summary: "The draft package: description, assertion, opinion, results and what is missing",
    params: idParam,
    response: reportDraftView,
    handler: async ({ actor, params }) => showReportDraft(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "PUT",
    url: `${base}/description`,
    tag: "reports",
    summary: "Edit the system description (each top-level field given replaces the stored one)",
    params: idParam,
    body: descriptionInput,
    response: reportDraftView,
    handler: async ({ actor, params, body }) =>
      updateSystemDescription(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: `${base}/assertion`,
    tag: "reports",
    summary: "Edit management's assertion, or regenerate it from the template",
    params: idParam,
    body: assertionInput,
    response: reportDraftView,
    handler: async ({ actor, params, body }) =>
      updateAssertion(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: `${base}/opinion`,
    tag: "reports",
    summary:
      "Record Section I, the auditor's opinion: its form, firm, city and date, and for a " +
      "modified opinion the criteria not met and the basis (auditor only)",
    params: idParam,
    body: opinionInput,
    response: reportDraftView,
    handler: async ({ actor, params, body }) =>
      recordOpinion(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: `${base}/other-information`,
    tag: "reports",
    summary: "Edit section V, other information from management",
    params: idParam,
    body: otherInformationInput,
    response: reportDraftView,
    handler: async ({ actor, params, body }) =>
      updateOtherInformation(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/assertion/approve`,
    tag: "reports",
    summary: "Approve management's assertion (owner only; recorded with name and time)",
    params: idParam,
    body: approveInput,
    response: reportDraftView,
    handler: async ({ actor, params, body }) =>
      approveAssertion(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: `${base}/threads`,
    tag: "reports",
    summary: "Review threads on the draft, with their comments",
    params: idParam,
    response: pageOf(reviewThread),
    handler: async ({ actor, params }) => list(await listReviewThreads(ctx, actor, params.id)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/threads`,
    tag: "reports",
    summary: "Open a review thread on a section (and optionally an item) of the draft",
    params: idParam,
    body: openThreadInput,
    response: reviewThread,
    status: 201,
    handler: async ({ actor, params, body }) =>
      openReviewThread(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/threads/:thread/comments`,
    tag: "reports",
    summary: "Reply to a thread, or resolve, dispute or reopen it",
    params: { ...idParam, thread: z.string().min(1).max(100).describe("T-number or id") },
    body: replyInput,
    response: reviewThread,
    status: 201,
    handler: async ({ actor, params, body }) =>
      replyToThread(ctx, actor, params.id, params.thread, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/finalize`,
    tag: "reports",
    summary:
      "Freeze the draft as the next final version, issued on the opinion's date (the assigned " +
      "auditor only)",
    params: idParam,
    body: finalizeInput,
    response: reportVersion,
    status: 201,
    handler: async ({ actor, params, body }) =>
      finalizeReport(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: `${base}/versions`,
    tag: "reports",
    summary: "Final versions, newest first",
    params: idParam,
    response: pageOf(reportVersion),
    handler: async ({ actor, params }) => list(await listReportVersionsOf(ctx, actor, params.id)),
  });
  orgRoute(router, {
    method: "GET",
    url: `${base}/download`,
    tag: "reports",
    summary: "The package as PDF, HTML, JSON or OSCAL (system security plan, assessment results)",
    params: idParam,
    query: {
      format: z.enum(REPORT_FORMATS).default("pdf"),
      version: packageChoice.describe(
        '"draft", "latest" (the newest final version, else the draft) or a version number',
      ),
    },
    response: fileAnswer("application/pdf", "text/html", "application/json"),
    handler: async ({ actor, params, query, reply }) => {
      const pkg = await loadReportPackage(ctx, actor, params.id, query.version);
      return sendDownload(reply, await renderReport(pkg, query.format));
    },
  });
  orgRoute(router, {
    method: "GET",
    url: `${base}/share-links`,
    tag: "reports",
    summary: "Share links with their state and access log",
    params: idParam,
    response: pageOf(shareLinkView),
    handler: async ({ actor, params }) => list(await listShareLinksOf(ctx, actor, params.id)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/share-links`,
    tag: "reports",
    summary: "Share a final version through an expiring, NDA-gated link (shown once)",
    params: idParam,
    body: shareInput,
    response: createdShareLink,
    status: 201,
    handler: async ({ actor, params, body, request }) =>
      createShareLink(ctx, actor, params.id, serviceInput(body), baseUrlOf(request)),
  });
  orgRoute(router, {
    method: "DELETE",
    url: `${base}/share-links/:link`,
    tag: "reports",
    summary: "Revoke a share link",
    params: { ...idParam, link: z.string().min(1).max(100) },
    status: 204,
    handler: async ({ actor, params }) => revokeShareLink(ctx, actor, params.id, params.link),
  });
  const letterParams = { ...idParam, number: z.coerce.number().int().positive() };
  orgRoute(router, {
    method: "GET",
    url: `${base}/bridge-letters`,
    tag: "reports",
    summary: "Bridge letters following the final versions",
    params: idParam,
    response: pageOf(bridgeLetter),
    handler: async ({ actor, params }) => list(await listBridgeLettersOf(ctx, actor, params.id)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/bridge-letters`,
    tag: "reports",
    summary: "Draft a bridge letter from the template (through today unless given)",
    params: idParam,
    body: bridgeInput,
    response: bridgeLetter,
    status: 201,
    handler: async ({ actor, params, body }) =>
      draftBridgeLetter(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PUT",
    url: `${base}/bridge-letters/:number`,
    tag: "reports",
    summary: "Edit a bridge letter not yet approved",
    params: letterParams,
    body: bridgeInput,
    response: bridgeLetter,
    handler: async ({ actor, params, body }) =>
      editBridgeLetter(ctx, actor, params.id, params.number, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: `${base}/bridge-letters/:number/approve`,
    tag: "reports",
    summary: "Approve a bridge letter (owner only)",
    params: letterParams,
    response: bridgeLetter,
    handler: async ({ actor, params }) => approveBridgeLetter(ctx, actor, params.id, params.number),
  });
}
