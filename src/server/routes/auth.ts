/** Setup, sign-in and sign-out, password reset, and invitations opened by their link. */
import { z } from "zod";
import { confirmPasswordReset } from "../../services/access/account.service.ts";
import { requestPasswordReset } from "../../services/access/password-reset.service.ts";
import {
  completeSetup,
  completeTotpLogin,
  currentSession,
  login,
  logout,
  setupNeeded,
} from "../../services/access/auth.service.ts";
import type { IssuedSession } from "../../services/access/auth.service.ts";
import { acceptInvitation, previewInvitation } from "../../services/access/invitations.service.ts";
import {
  invitationPreview,
  loginResult,
  resetRequested,
  session,
  setupStatus,
  totpLoginResult,
} from "../../contracts/session.ts";
import {
  clearSessionCookie,
  clientInfo,
  sessionCookie,
  setSessionCookie,
} from "../request-auth.ts";
import { serviceInput } from "../body.ts";
import { publicRoute, requireAuth, userRoute } from "../route.ts";
import type { Router } from "../route.ts";
import type { FastifyReply, FastifyRequest } from "fastify";

const credentials = z.object({ email: z.string(), password: z.string() });
const tokenParam = { token: z.string().min(1).max(200) };

/**
 * The address the caller used, for a link shown back to them on screen (an invitation link
 * without SMTP, a share link). Never for mail: the Host header is the caller's to choose, and
 * mailed links come only from ATTEST_PUBLIC_URL.
 */
export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function registerAuthRoutes(router: Router): void {
  const maxAge = router.ctx.sessions.maxHours * 3600;
  const signIn = (request: FastifyRequest, reply: FastifyReply, issued: IssuedSession) => {
    setSessionCookie(request, reply, issued.token, maxAge);
    return issued.view;
  };

  publicRoute(router, {
    method: "GET",
    url: "/api/v1/setup",
    tag: "auth",
    summary: "Whether the first account still needs to be created",
    response: setupStatus,
    handler: async () => ({ needed: await setupNeeded(router.ctx) }),
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/setup",
    tag: "auth",
    summary: "Create the first owner with the one-time token from the server log",
    body: z.object({
      token: z.string(),
      email: z.string(),
      name: z.string(),
      password: z.string(),
    }),
    status: 201,
    response: session,
    handler: async ({ body, request, reply }) =>
      signIn(
        request,
        reply,
        await completeSetup(router.ctx, serviceInput(body), clientInfo(request)),
      ),
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/auth/login",
    tag: "auth",
    summary: "Sign in with email and password; may ask for a two-factor code next",
    body: credentials,
    response: loginResult,
    handler: async ({ body, request, reply }) => {
      const result = await login(router.ctx, serviceInput(body), clientInfo(request));
      if (result.status === "totp-required") {
        setSessionCookie(request, reply, result.token, 5 * 60);
        return { status: result.status };
      }
      return { status: result.status, session: signIn(request, reply, result) };
    },
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/auth/totp",
    tag: "auth",
    summary: "Finish signing in with the code from an authenticator app",
    body: z.object({ code: z.string() }),
    response: totpLoginResult,
    handler: async ({ body, request, reply }) => {
      const code = (body as { code?: unknown } | undefined)?.code;
      const pending = sessionCookie(request);
      const issued = await completeTotpLogin(router.ctx, pending, code, clientInfo(request));
      return { status: "signed-in" as const, session: signIn(request, reply, issued) };
    },
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/auth/logout",
    tag: "auth",
    summary: "Sign out of this session",
    status: 204,
    handler: async ({ auth, request, reply }) => {
      await logout(router.ctx, auth);
      clearSessionCookie(request, reply);
    },
  });
  userRoute(router, {
    method: "GET",
    url: "/api/v1/auth/session",
    tag: "auth",
    summary:
      "The signed-in user, their organizations with what they may do in each, and the CSRF token for writes",
    response: session,
    handler: async ({ auth }) => currentSession(router.ctx, auth),
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/auth/password-reset",
    tag: "auth",
    summary:
      "Queue a password reset mail (the answer is the same for unknown and throttled addresses)",
    body: z.object({ email: z.string() }),
    status: 202,
    response: resetRequested,
    handler: async ({ body, request }) => {
      const outcome = await requestPasswordReset(
        router.ctx,
        serviceInput(body),
        clientInfo(request),
      );
      if (!outcome.queued && outcome.reason !== "no-mail") {
        // The log names the limit and the address's domain only, never who was asked for.
        request.log.info(
          { limit: outcome.reason, domain: outcome.domain },
          "password reset not mailed: too many requests this hour",
        );
      }
      return { accepted: true } as const;
    },
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/auth/password-reset/confirm",
    tag: "auth",
    summary: "Set a new password with the emailed token; signs out every session",
    body: z.object({ token: z.string(), password: z.string() }),
    status: 204,
    handler: async ({ body }) => confirmPasswordReset(router.ctx, serviceInput(body)),
  });
  publicRoute(router, {
    method: "GET",
    url: "/api/v1/invitations/:token",
    tag: "auth",
    summary: "What an invitation link offers",
    params: tokenParam,
    response: invitationPreview,
    handler: async ({ params }) => previewInvitation(router.ctx, params.token),
  });
  publicRoute(router, {
    method: "POST",
    url: "/api/v1/invitations/:token/accept",
    tag: "auth",
    summary: "Accept an invitation: new people give a name and password",
    params: tokenParam,
    body: z.object({ name: z.string().optional(), password: z.string().optional() }),
    response: session,
    handler: async ({ params, body, request, reply }) => {
      const auth = request.auth === undefined ? undefined : requireAuth(request);
      const result = await acceptInvitation(
        router.ctx,
        params.token,
        serviceInput(body),
        auth,
        clientInfo(request),
      );
      if ("token" in result) return signIn(request, reply, result);
      return currentSession(router.ctx, requireAuth(request));
    },
  });
}
