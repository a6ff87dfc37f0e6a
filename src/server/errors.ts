/**
 * Every error leaves as application/problem+json (RFC 9457). AppErrors carry their own status;
 * anything else is a generic 500 whose detail stays in the log, found by the request id.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, ERROR_TABLE } from "../domain/errors.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

function problemFor(error: unknown, requestId: string): Problem {
  if (error instanceof AppError) {
    return {
      type: `urn:attest:problem:${error.code.toLowerCase().replaceAll("_", "-")}`,
      title: ERROR_TABLE[error.code].title,
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId,
      ...(error.fieldErrors.length > 0 ? { errors: [...error.fieldErrors] } : {}),
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode < 500) {
    // Fastify's own refusals (bad JSON, unknown route, body too large) are the caller's doing.
    return {
      type: "about:blank",
      title: fastifyError.code ?? "Bad request",
      status: fastifyError.statusCode,
      detail: fastifyError.message ?? "bad request",
      code: fastifyError.statusCode === 404 ? "NOT_FOUND" : "VALIDATION_FAILED",
      requestId,
    };
  }
  return {
    type: "about:blank",
    title: ERROR_TABLE.INTERNAL.title,
    status: 500,
    detail: `something went wrong; quote request id ${requestId} to the operator`,
    code: "INTERNAL",
    requestId,
  };
}

/** Every secret Attest hands out starts with "attest_": none may reach a log line. */
export function redactSecrets(text: string): string {
  return text.replace(/attest_[a-z]{3}_[A-Za-z0-9_-]+/g, "attest_***");
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = problemFor(error, request.id);
  if (problem.status >= 500) request.log.error({ err: error }, "request failed");
  else {
    // The detail may quote the URL, and a URL may carry a link's secret.
    request.log.info(
      { code: problem.code, detail: redactSecrets(problem.detail) },
      "request refused",
    );
  }
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
    void reply.header("retry-after", String(error.retryAfterSeconds));
  }
  void reply.status(problem.status).type("application/problem+json").send(problem);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  handleError(
    new AppError("NOT_FOUND", `no route for ${request.method} ${request.url.split("?")[0] ?? ""}`),
    request,
    reply,
  );
}
