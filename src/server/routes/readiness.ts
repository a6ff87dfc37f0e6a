import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Principal } from "../../domain/actor.ts";
import type { ServiceContext } from "../../services/context.ts";
import { operatorActor } from "../../services/organizations.service.ts";
import { getReadiness } from "../../services/readiness.service.ts";
import { parseInput } from "../../services/validation.ts";

const query = z.object({ org: z.string().trim().min(1).max(100).optional() }).strict();

/**
 * Until accounts exist, the API is read-only and answers as the local operator; the server
 * binds to 127.0.0.1 unless HOST says otherwise.
 */
const LOCAL_API: Principal = { kind: "system", id: "api:local", name: "local API" };

export function registerReadinessRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get("/api/v1/readiness", async (request) => {
    const { org } = parseInput(query, request.query);
    const actor = await operatorActor(ctx, LOCAL_API, org);
    return getReadiness(ctx, actor);
  });
}
