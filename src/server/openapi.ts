/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes and services use,
 * at /api/v1/openapi.json, with a browsable reference at /api/v1/docs.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Attest API",
        version,
        description:
          "SOC 2 program data: scope, controls, evidence, engagements and the audit trail. " +
          "Errors are application/problem+json with field errors. Lists take `cursor` and " +
          "`limit` and answer `{items, nextCursor}`. Browsers use the session cookie and send " +
          "`x-csrf-token` on writes; scripts send `Authorization: Bearer <API token>`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "attest_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/v1/docs",
    staticCSP: true,
    // Served over plain HTTP on loopback too, so nothing may be forced to https.
    transformStaticCSP: (header) => header.replace("upgrade-insecure-requests;", ""),
    uiConfig: { docExpansion: "list", deepLinking: false },
  });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
