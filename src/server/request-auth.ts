/**
 * Who is calling: a session cookie (browsers) or a bearer API token (scripts). Resolved once
 * per request; routes then ask for the Actor in the organization named in the path.
 */
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { authenticateApiToken, authenticateSession } from "../services/access/auth.service.ts";
import type { Authenticated, ClientInfo } from "../services/access/auth.service.ts";
import type { ServiceContext } from "../services/platform/context.ts";

export const SESSION_COOKIE = "attest_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | undefined;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Where every organization route lives: `:org` is the organization's slug or id. */
export const ORG_PATH = "/api/v1/orgs/:org";

/**
 * The organization an organization route names, as its route will read it (trimmed), so the
 * membership can be read with the session. Routing has already run, so the path is parsed.
 */
function organizationInPath(request: FastifyRequest): string | undefined {
  const route = request.routeOptions.url;
  if (route !== ORG_PATH && route?.startsWith(`${ORG_PATH}/`) !== true) return undefined;
  const { org } = request.params as { org?: unknown };
  // A handle the route would refuse (too long, a NUL PostgreSQL cannot compare) is not looked
  // up here: the route's own parsing answers it with a 422.
  if (typeof org !== "string" || org.length > 100 || org.includes("\u0000")) return undefined;
  return org.trim();
}

/**
 * The session cookie's value. Cookies are parsed here, when an API request needs the session,
 * rather than by the cookie plugin on every request (app.ts registers it with `hook: false`).
 */
export function sessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header === undefined ? undefined : request.server.parseCookie(header)[SESSION_COOKIE];
}

export async function resolveAuth(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<Authenticated | undefined> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) return authenticateApiToken(ctx, bearer);
  const cookie = sessionCookie(request);
  return cookie === undefined
    ? undefined
    : authenticateSession(ctx, cookie, organizationInPath(request));
}

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { address: request.ip, userAgent: request.headers["user-agent"] ?? null };
}

/** HTTP-only and SameSite=Lax always; Secure whenever the request came over TLS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}
