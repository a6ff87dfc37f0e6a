/** Routes of src/server/routes/reports-bundle.ts: the evidence bundle and the signing key. */
import { none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const BUNDLE_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/engagements/:id/evidence-bundle",
    // The service also checks evidence:read; every role with engagement:read has it.
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: { id: world.ids.sampledEngagement } }),
  },
  { method: "GET", path: "/signing-key", action: "organization:read", status: 200, prepare: none },
];
