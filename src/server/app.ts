/** The HTTP application: routes over the services, nothing else. */
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import type { ServiceContext } from "../services/context.ts";
import { handleError, handleNotFound } from "./errors.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerReadinessRoutes } from "./routes/readiness.ts";

export interface AppOptions {
  ctx: ServiceContext;
  logLevel: string;
}

const REQUEST_ID_HEADER = "x-request-id";

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: options.logLevel },
    // Ids from outside are not trusted: a caller could forge one to muddle the logs.
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  app.addHook("onSend", async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  registerHealthRoutes(app, options.ctx);
  registerReadinessRoutes(app, options.ctx);
  return app;
}
