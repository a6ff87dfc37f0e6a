/**
 * Browser-facing defences: security headers on every response, a same-origin check on every
 * write, and the CSRF token on writes that a cookie authenticates.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import { sameSecret } from "../services/access/secrets.ts";
import { CSRF_HEADER } from "./request-auth.ts";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets style attributes from script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  // Nothing is embedded as a plugin; PDFs are shown in frames.
  "object-src 'none'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export function securityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (!reply.hasHeader("content-security-policy")) {
    void reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  }
  void reply.header("x-content-type-options", "nosniff");
  void reply.header("x-frame-options", "SAMEORIGIN");
  void reply.header("referrer-policy", "no-referrer");
  void reply.header("cross-origin-opener-policy", "same-origin");
  void reply.header("cross-origin-resource-policy", "same-origin");
  void reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (request.url.startsWith("/api/")) void reply.header("cache-control", "no-store");
  if (request.protocol === "https") {
    void reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWrite(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method);
}

/** A write sent by a page on another site is refused whatever it carries. */
export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!isWrite(request) || origin === undefined) return;
  let host: string | null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== request.host) {
    throw new AppError("FORBIDDEN", `requests from ${origin} are not accepted`);
  }
}

/** Cookies ride along on any request the browser makes; the CSRF token only on ours. */
export function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== "string" || !sameSecret(sent, expected)) {
    throw new AppError(
      "FORBIDDEN",
      `missing or wrong ${CSRF_HEADER} header: send the csrfToken from GET /api/v1/auth/session`,
    );
  }
}
