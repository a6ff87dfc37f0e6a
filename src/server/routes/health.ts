import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { health } from "../../contracts/health.ts";
import { checkHealth } from "../../services/platform/health.service.ts";
import type { ServiceContext } from "../../services/platform/context.ts";

/**
 * Declared outside route.ts on purpose: a monitor may add any query (a cache-buster), and the
 * answer must not depend on it. The contract still describes and filters the answer.
 */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    "/healthz",
    {
      schema: {
        summary: "Health: answers only while the database does",
        tags: ["health"],
        response: { 200: health },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async () => {
      const answer: z.input<typeof health> = await checkHealth(ctx);
      return health.parse(answer);
    },
  );
}
