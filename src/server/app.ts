/** The HTTP application: routes over the services, nothing else. */
import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import Fastify from "fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TrustProxy } from "../services/platform/config.ts";
import type { ServiceContext } from "../services/platform/context.ts";
import { handleError, handleNotFound, redactSecrets } from "./errors.ts";
import { registerOpenApi } from "./openapi.ts";
import { frameworkError, installJsonParser } from "./parsing.ts";
import { resolveAuth } from "./request-auth.ts";
import { ResponseCache } from "./response-cache.ts";
import type { Router } from "./route.ts";
import { registerAccountRoutes } from "./routes/account.ts";
import { registerAuditLogRoutes } from "./routes/audit-log.ts";
import { registerAuthRoutes } from "./routes/auth.ts";
import { registerControlRoutes } from "./routes/controls.ts";
import { registerPeopleRoutes } from "./routes/people.ts";
import { registerRiskRoutes } from "./routes/risks.ts";
import { registerRequestRoutes } from "./routes/requests.ts";
import { registerPopulationRoutes } from "./routes/populations.ts";
import { registerTrainingRoutes } from "./routes/training.ts";
import { registerVendorRoutes } from "./routes/vendors.ts";
import { registerFindingRoutes } from "./routes/findings.ts";
// Connectors and checks (issue 17).
import { registerCheckRoutes } from "./routes/checks.ts";
import { registerMonitorRoutes } from "./routes/monitors.ts";
import { registerAccessReviewRoutes } from "./routes/access-reviews.ts";
import { registerWorkpaperRoutes } from "./routes/workpapers.ts";
import { registerEngagementRoutes } from "./routes/engagements.ts";
import { registerEvidenceRoutes } from "./routes/evidence.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerJobRoutes } from "./routes/jobs.ts";
import { registerPolicyRoutes } from "./routes/policies.ts";
import { registerTaskRoutes } from "./routes/tasks.ts";
import { registerNotificationRoutes } from "./routes/notifications.ts";
import { registerMemberRoutes } from "./routes/members.ts";
import { registerOrganizationRoutes } from "./routes/organizations.ts";
import { registerReportRoutes } from "./routes/reports.ts";
import { registerBundleRoutes } from "./routes/reports-bundle.ts";
import { registerAuditorHomeRoutes } from "./routes/auditor-home.ts";
import { registerEngagementExportRoutes } from "./routes/engagement-exports.ts";
import { registerSharedReportRoutes } from "./routes/shared.ts";
import { checkOrigin, securityHeaders } from "./security.ts";
import { isPagePath, registerWebApp, sendIndex } from "./web.ts";

export interface AppOptions {
  ctx: ServiceContext;
  logLevel: string;
  /** Where logs go (a test reads them); stdout by default. */
  logStream?: Writable;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and https). */
  /** As in Config; `true` means the one proxy in front. */
  trustProxy?: TrustProxy | true;
  /** The built web app; undefined serves web/dist when it exists. */
  webRoot?: string;
  version?: string;
}

const REQUEST_ID_HEADER = "x-request-id";
/** Room for reused answers (readiness, control lists): a few hundred callers' dashboards. */
const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Fastify's `true` would believe every X-Forwarded-For entry, the client's own included.
  const trust = options.trustProxy === true ? 1 : (options.trustProxy ?? false);
  // Hop 0 is the peer itself: N trusted hops are the peer and the N - 1 proxies before it.
  const trustProxy =
    typeof trust === "number" ? (_address: string, hop: number) => hop < trust : trust;
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactSecrets(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    // Ids from outside are not trusted: a caller could forge one to muddle the logs.
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy,
    frameworkErrors: frameworkError,
  });
  installJsonParser(app);
  // Bodies are parsed by the services; route schemas document them and nothing else.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.decorateRequest("auth", undefined);
  // Sets cookies; reading them is left to the one place that needs one (sessionCookie), which
  // spares every request a parse.
  await app.register(cookie, { hook: false });
  app.addHook("onSend", async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    securityHeaders(request, reply);
  });
  app.addHook("onRequest", async (request) => {
    checkOrigin(request);
    if (request.url.startsWith("/api/")) request.auth = await resolveAuth(options.ctx, request);
  });
  app.setErrorHandler(handleError);

  await app.register(multipart, {
    // One byte over the evidence limit, so the evidence store's own check names the limit.
    limits: { fileSize: options.ctx.maxEvidenceBytes + 1, files: 1, fields: 5 },
  });
  await registerOpenApi(app, options.version ?? "0");
  const router: Router = { app, ctx: options.ctx, answers: new ResponseCache(ANSWER_CACHE_BYTES) };
  registerHealthRoutes(app, options.ctx);
  registerAuthRoutes(router);
  registerAccountRoutes(router);
  registerOrganizationRoutes(router);
  registerControlRoutes(router);
  registerEvidenceRoutes(router);
  registerEngagementRoutes(router);
  registerRequestRoutes(router);
  registerFindingRoutes(router);
  registerCheckRoutes(router);
  // The availability monitor (issue 17).
  registerMonitorRoutes(router);
  registerAuditLogRoutes(router);
  registerMemberRoutes(router);
  registerReportRoutes(router);
  registerBundleRoutes(router);
  registerEngagementExportRoutes(router);
  registerAuditorHomeRoutes(router);
  registerSharedReportRoutes(router);
  registerJobRoutes(router);
  registerPolicyRoutes(router);
  registerTaskRoutes(router);
  registerNotificationRoutes(router);
  registerRiskRoutes(router);
  registerPopulationRoutes(router);
  registerTrainingRoutes(router);
  registerVendorRoutes(router);
  registerPeopleRoutes(router);
  registerWorkpaperRoutes(router);
  // Access reviews (issue 16 part 3).
  registerAccessReviewRoutes(router);
  const hasWeb = await registerWebApp(app, options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && isPagePath(request)) return sendIndex(reply);
    return handleNotFound(request, reply);
  });
  return app;
}
