/**
 * Routes of src/server/routes/engagement-exports.ts (the control matrix and the workpapers)
 * and src/server/routes/auditor-home.ts.
 */
import { none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const ENGAGEMENT_EXPORT_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/engagements/:id/matrix",
    action: "engagement:export",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  {
    method: "GET",
    path: "/engagements/:id/workpapers.zip",
    action: "engagement:workpapers",
    status: 200,
    resources: { id: "engagement" },
    // Finalized, and still the auditors' alone: no company role takes the auditor's notes
    // and files, before the report or after it.
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  { method: "GET", path: "/auditor-home", action: "engagement:read", status: 200, prepare: none },
];
