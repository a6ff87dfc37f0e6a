/**
 * How every API route is declared: its path, who may call it, and zod schemas that both parse
 * the request and describe it in the OpenAPI document. Bodies are parsed by the service
 * (one definition of valid input for the CLI and the API); the route passes them on.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { resolveMember } from "../services/access/membership.ts";
import type { Authenticated } from "../services/access/auth.service.ts";
import type { ServiceContext } from "../services/platform/context.ts";
import { parseInput } from "../services/platform/validation.ts";
import { ORG_PATH } from "./request-auth.ts";
import type { ResponseCache } from "./response-cache.ts";
import { checkCsrf, isWrite } from "./security.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Shape = z.ZodRawShape;

interface RouteBase<P extends Shape, Q extends Shape> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  /** Documents the body; the service parses it. */
  body?: z.ZodType;
  /** Success status; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /**
   * A heavy GET whose answer depends only on the organization's records and the caller:
   * reused while the organization is unchanged (see response-cache.ts).
   */
  reuse?: boolean;
  /** False for a GET whose every call is recorded (a download): HEAD would count as one. */
  head?: false;
}

interface Call<P extends Shape, Q extends Shape> {
  params: z.output<z.ZodObject<P>>;
  query: z.output<z.ZodObject<Q>>;
  body: unknown;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Handler<C> = (call: C) => Promise<unknown>;

export interface Router {
  app: FastifyInstance;
  ctx: ServiceContext;
  answers: ResponseCache;
}

/** An answer already turned into JSON, as the UTF-8 bytes to send. */
class SerializedJson {
  constructor(readonly bytes: Buffer) {}
}

const orgParam = { org: z.string().trim().min(1).max(100).describe("organization slug") };

function register<P extends Shape, Q extends Shape>(
  router: Router,
  spec: RouteBase<P, Q>,
  secured: boolean,
  run: (call: Call<P, Q>) => Promise<unknown>,
): void {
  const params = z.object(spec.params ?? ({} as P)).strict();
  const query = z.object(spec.query ?? ({} as Q)).strict();
  router.app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.head === false ? { exposeHeadRoute: false } : {}),
    schema: {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.params === undefined ? {} : { params }),
      ...(spec.query === undefined ? {} : { querystring: query }),
      ...(spec.body === undefined ? {} : { body: spec.body }),
      ...(secured ? { security: [{ session: [] }, { bearer: [] }] } : {}),
    },
    handler: async (request, reply) => {
      // Who is asking comes before what they asked: a stranger learns nothing from a 422.
      if (secured) requireAuth(request);
      const call: Call<P, Q> = {
        params: parseInput(params, request.params),
        query: parseInput(query, request.query),
        body: request.body,
        request,
        reply,
      };
      const result = await run(call);
      const status = spec.status ?? 200;
      if (status === 204) return reply.status(204).send();
      if (result instanceof SerializedJson) {
        return reply.status(status).type("application/json; charset=utf-8").send(result.bytes);
      }
      return reply.status(status).send(result);
    },
  });
}

/** The caller must be signed in; writes through a cookie must carry the CSRF token. */
export function requireAuth(request: FastifyRequest): Authenticated {
  const auth = request.auth;
  if (auth === undefined) {
    throw new AppError("UNAUTHENTICATED", "sign in, or send an API token as Authorization: Bearer");
  }
  if (auth.kind === "session" && isWrite(request)) checkCsrf(request, auth.session.csrfToken);
  return auth;
}

export function publicRoute<P extends Shape, Q extends Shape>(
  router: Router,
  spec: RouteBase<P, Q> & { handler: Handler<Call<P, Q>> },
): void {
  register(router, spec, false, spec.handler);
}

export function userRoute<P extends Shape, Q extends Shape>(
  router: Router,
  spec: RouteBase<P, Q> & { handler: Handler<Call<P, Q> & { auth: Authenticated }> },
): void {
  register(router, spec, true, (call) =>
    spec.handler({ ...call, auth: requireAuth(call.request) }),
  );
}

/** A route under /api/v1/orgs/:org: the Actor is the caller's membership in that organization. */
export function orgRoute<P extends Shape, Q extends Shape>(
  router: Router,
  spec: RouteBase<P, Q> & {
    handler: Handler<Call<P & typeof orgParam, Q> & { actor: Actor; auth: Authenticated }>;
  },
): void {
  const withOrg = { ...orgParam, ...(spec.params ?? ({} as P)) } as P & typeof orgParam;
  const url = `${ORG_PATH}${spec.url}`;
  register(router, { ...spec, url, params: withOrg }, true, async (call) => {
    const auth = requireAuth(call.request);
    const { org } = call.params as { org: string };
    const { actor, state } = await resolveMember(router.ctx, auth, org);
    if (spec.reuse !== true) return spec.handler({ ...call, auth, actor });
    const caller = auth.kind === "token" ? `token:${auth.token.id}` : `user:${auth.user.id}`;
    const key = `${caller}|${state}|${call.request.url}`;
    const known = router.answers.get(key);
    if (known !== undefined) return new SerializedJson(known);
    const body = Buffer.from(JSON.stringify(await spec.handler({ ...call, auth, actor })));
    router.answers.set(key, body);
    return new SerializedJson(body);
  });
}
