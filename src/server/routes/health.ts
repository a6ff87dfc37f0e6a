import type { FastifyInstance } from "fastify";
import { checkHealth } from "../../services/health.service.ts";
import type { ServiceContext } from "../../services/context.ts";

export function registerHealthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get("/healthz", async () => checkHealth(ctx));
}
