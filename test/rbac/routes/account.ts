/** Routes of src/server/routes/account.ts: the caller's sessions, password and TOTP. */
import { none } from "./arrange.ts";
import type { UserRoute } from "./types.ts";

export const ACCOUNT_ROUTES: readonly UserRoute[] = [
  { method: "GET", path: "/api/v1/account/sessions", tokenAllowed: false, prepare: none },
  {
    method: "DELETE",
    path: "/api/v1/account/sessions/:id",
    tokenAllowed: false,
    prepare: async (world) => ({ params: { id: world.ids.ownerSession } }),
  },
  {
    method: "POST",
    path: "/api/v1/account/password",
    tokenAllowed: false,
    prepare: async () => ({
      params: {},
      body: { currentPassword: "correct battery staple horse 42", newPassword: "x" },
    }),
  },
  { method: "POST", path: "/api/v1/account/totp/setup", tokenAllowed: false, prepare: none },
  {
    method: "POST",
    path: "/api/v1/account/totp/enable",
    tokenAllowed: false,
    prepare: async () => ({ params: {}, body: { code: "123456" } }),
  },
  {
    method: "POST",
    path: "/api/v1/account/totp/disable",
    tokenAllowed: false,
    prepare: async () => ({ params: {}, body: { password: "correct battery staple horse 42" } }),
  },
];
