/** Routes of src/server/routes/auth.ts that need a caller (the rest are public). */
import { none } from "./arrange.ts";
import type { UserRoute } from "./types.ts";

export const AUTH_ROUTES: readonly UserRoute[] = [
  { method: "GET", path: "/api/v1/auth/session", tokenAllowed: false, prepare: none },
  { method: "POST", path: "/api/v1/auth/logout", tokenAllowed: true, prepare: none },
];
