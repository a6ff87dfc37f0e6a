import type { FastifyInstance } from "fastify";
import { checkHealth } from "../../services/platform/health.service.ts";
import type { ServiceContext } from "../../services/platform/context.ts";

export function registerHealthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get("/healthz", async () => checkHealth(ctx));
}
