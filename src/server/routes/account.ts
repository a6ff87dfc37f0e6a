/** The signed-in person's own account: sessions, password and two-factor sign-in. */
import { z } from "zod";
import {
  beginTotpSetup,
  changeMyPassword,
  confirmTotpSetup,
  disableTotp,
  listMySessions,
  revokeMySession,
} from "../../services/access/account.service.ts";
import { pageOf } from "../../contracts/common.ts";
import { accountSession, totpSetup } from "../../contracts/session.ts";
import { serviceInput } from "../body.ts";
import { userRoute } from "../route.ts";
import type { Router } from "../route.ts";

export function registerAccountRoutes(router: Router): void {
  const { ctx } = router;
  userRoute(router, {
    method: "GET",
    url: "/api/v1/account/sessions",
    tag: "account",
    summary: "My signed-in sessions",
    response: pageOf(accountSession),
    handler: async ({ auth }) => ({ items: await listMySessions(ctx, auth), nextCursor: null }),
  });
  userRoute(router, {
    method: "DELETE",
    url: "/api/v1/account/sessions/:id",
    tag: "account",
    summary: "Sign out one of my sessions",
    params: { id: z.string().min(1).max(100) },
    status: 204,
    handler: async ({ auth, params }) => revokeMySession(ctx, auth, params.id),
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/account/password",
    tag: "account",
    summary: "Change my password; signs out my other sessions",
    body: z.object({ currentPassword: z.string(), newPassword: z.string() }),
    status: 204,
    handler: async ({ auth, body }) => changeMyPassword(ctx, auth, serviceInput(body)),
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/account/totp/setup",
    tag: "account",
    summary: "Start two-factor setup: a secret and its QR code",
    response: totpSetup,
    handler: async ({ auth }) => beginTotpSetup(ctx, auth),
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/account/totp/enable",
    tag: "account",
    summary: "Turn two-factor sign-in on with a code from the new secret",
    body: z.object({ code: z.string() }),
    status: 204,
    handler: async ({ auth, body }) =>
      confirmTotpSetup(ctx, auth, serviceInput<{ code?: unknown }>(body).code),
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/account/totp/disable",
    tag: "account",
    summary: "Turn two-factor sign-in off (needs the password)",
    body: z.object({ password: z.string() }),
    status: 204,
    handler: async ({ auth, body }) => disableTotp(ctx, auth, serviceInput(body)),
  });
}
