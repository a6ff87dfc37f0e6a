/** Routes of src/server/routes/audit-log.ts: reading and verifying the audit log. */
import { none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const AUDIT_LOG_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/audit-log", action: "audit-log:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/audit-log/verify",
    action: "audit-log:verify",
    status: 200,
    prepare: none,
  },
];
