/**
 * How the router's own refusals read: a path that is not valid percent-encoding, a path
 * parameter past its length, a JSON body that does not parse. Each answers problem+json like
 * every other error, names what is wrong (the JSON error its position) and never echoes a
 * long input back.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import { handleError } from "./errors.ts";

/** Fastify's `frameworkErrors`: errors raised before any route runs. */
export function frameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known: Record<string, AppError> = {
    FST_ERR_BAD_URL: new AppError("MALFORMED", "the path is not valid percent-encoded UTF-8"),
    FST_ERR_MAX_PARAM_LENGTH: new AppError(
      "URI_TOO_LONG",
      "a part of the path is longer than any identifier Attest uses",
    ),
  };
  handleError(known[error.code] ?? error, request, reply);
}

/**
 * JSON bodies keep Fastify's parser (which refuses `__proto__` and `constructor` keys), and a
 * body it cannot parse is reported with JSON.parse's own account of where it broke.
 */
export function installJsonParser(app: FastifyInstance): void {
  const standard = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    standard(request, body.toString(), (error, parsed) => {
      if (error === null) return done(null, parsed);
      const code = (error as Partial<FastifyError>).code;
      if (code !== "FST_ERR_CTP_INVALID_JSON_BODY") return done(error, undefined);
      done(
        new AppError("MALFORMED", `the body is not valid JSON: ${parseProblem(body)}`),
        undefined,
      );
    });
  });
}

function parseProblem(body: string | Buffer): string {
  try {
    JSON.parse(body.toString());
    return "it could not be read";
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : "it could not be read";
  }
}
