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
    // No `resources`: the cross-tenant checks call as the owner, who is refused the auditor's
    // notes and files before any lookup (403); an unassigned auditor's 404 is tested in
    // src/server/routes/workpapers.test.ts. Finalized, and still the auditors' alone.
    prepare: async (world) => ({ params: { id: world.ids.reportEngagement } }),
  },
  { method: "GET", path: "/auditor-home", action: "engagement:read", status: 200, prepare: none },
];
