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

/** A download: the handler sets the headers and returns the bytes or a stream. */
export interface FileAnswer {
  /** Its media types: one, or those a query chooses among (a report's formats). */
  file: readonly string[];
}
type Answer = z.ZodType | FileAnswer;

interface RouteBase<P extends Shape, Q extends Shape, R extends Answer = Answer> {
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
   * What a success answers: a contract from src/contracts (parsed on the way out, so no field
   * outside it leaves the server), or a file download's media type. Required unless 204.
   */
  response?: R;
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

/** A handler answers what its contract accepts (checked by the compiler), or anything for a file. */
type Handler<C, R extends Answer> = (
  call: C,
) => Promise<R extends z.ZodType ? z.input<R> : unknown>;

/** The answer of a route that sends a file of this media type (or of one of these). */
export function fileAnswer(mediaType: string, ...others: string[]): FileAnswer {
  return { file: [mediaType, ...others] };
}

/**
 * Keeps only what the contract names, and refuses an answer that breaks it: a 500 with the
 * field, rather than an OpenAPI document that lies.
 */
function present(response: Answer | undefined, result: unknown): unknown {
  if (response === undefined || !(response instanceof z.ZodType)) return result;
  const parsed = response.safeParse(result);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined ? "" : issue.path.join(".");
  throw new Error(`answer breaks its contract at "${field}": ${issue?.message ?? "invalid"}`);
}

function responseSchema(status: number, response: Answer | undefined): object {
  // @fastify/swagger writes a null answer as a response without content.
  if (status === 204) return { response: { 204: z.null().describe("no content") } };
  if (response === undefined) return {};
  if (response instanceof z.ZodType) return { response: { [status]: response } };
  const binary = z.string().meta({ format: "binary" });
  const content = Object.fromEntries(response.file.map((type) => [type, { schema: binary }]));
  return { response: { [status]: { content } } };
}

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
      ...responseSchema(spec.status ?? 200, spec.response),
    },
    // Answers are presented (parsed against their contract) before they get here.
    serializerCompiler: () => (data) => JSON.stringify(data),
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
      return reply.status(status).send(present(spec.response, result));
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

export function publicRoute<P extends Shape, Q extends Shape, R extends Answer>(
  router: Router,
  spec: RouteBase<P, Q, R> & { handler: Handler<Call<P, Q>, R> },
): void {
  register(router, spec, false, spec.handler);
}

export function userRoute<P extends Shape, Q extends Shape, R extends Answer>(
  router: Router,
  spec: RouteBase<P, Q, R> & { handler: Handler<Call<P, Q> & { auth: Authenticated }, R> },
): void {
  register(router, spec, true, (call) =>
    spec.handler({ ...call, auth: requireAuth(call.request) }),
  );
}

/** A route under /api/v1/orgs/:org: the Actor is the caller's membership in that organization. */
export function orgRoute<P extends Shape, Q extends Shape, R extends Answer>(
  router: Router,
  spec: RouteBase<P, Q, R> & {
    handler: Handler<Call<P & typeof orgParam, Q> & { actor: Actor; auth: Authenticated }, R>;
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
    const answer = present(spec.response, await spec.handler({ ...call, auth, actor }));
    const body = Buffer.from(JSON.stringify(answer));
    router.answers.set(key, body);
    return new SerializedJson(body);
  });
}
