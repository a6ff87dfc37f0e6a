/** Routes of src/server/routes/jobs.ts: background jobs and their notices. */
import { none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const JOB_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/jobs", action: "job:read", status: 200, prepare: none },
  { method: "GET", path: "/notices", action: "notice:read", status: 200, prepare: none },
];
