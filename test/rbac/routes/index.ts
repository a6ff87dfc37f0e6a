/**
 * Every authenticated API route, as a table the RBAC and tenant-isolation tests walk: its
 * method and path, the permission its service checks (the allowed roles come from
 * `rolesAllowed`), and how to arrange an organization so that an allowed caller succeeds.
 * Each area's entries live in the file named after the server's route file that serves them;
 * this module gathers them into one list.
 *
 * A guard test compares this table with the routes the app really serves, so a new route
 * without an entry here fails the build.
 */
import { ACCOUNT_ROUTES } from "./account.ts";
import { AUDIT_LOG_ROUTES } from "./audit-log.ts";
import { AUTH_ROUTES } from "./auth.ts";
import { CONTROL_ROUTES } from "./controls.ts";
import { ENGAGEMENT_EXPORT_ROUTES } from "./engagement-exports.ts";
import { ENGAGEMENT_ROUTES } from "./engagements.ts";
import { EVIDENCE_ROUTES } from "./evidence.ts";
import { FINDING_ROUTES } from "./findings.ts";
import { MONITOR_ROUTES } from "./monitors.ts";
import { JOB_ROUTES } from "./jobs.ts";
import { MEMBER_ROUTES } from "./members.ts";
import { ORGANIZATION_ROUTES, ORGANIZATION_USER_ROUTES } from "./organizations.ts";
import { PEOPLE_ROUTES } from "./people.ts";
import { POLICY_ROUTES, TASK_ROUTES } from "./policies.ts";
import { POPULATION_ROUTES } from "./populations.ts";
import { BUNDLE_ROUTES } from "./reports-bundle.ts";
import { REPORT_ROUTES } from "./reports.ts";
import { REQUEST_ROUTES } from "./requests.ts";
import { RISK_ROUTES } from "./risks.ts";
import { TRAINING_ROUTES } from "./training.ts";
import { VENDOR_ROUTES } from "./vendors.ts";
import { NOTIFICATION_ROUTES } from "./notifications.ts";
import { WORKPAPER_ROUTES } from "./workpapers.ts";
// Access reviews (issue 16 part 3).
import { ACCESS_REVIEW_ROUTES } from "./access-reviews.ts";
import type { Call, OrgRoute, UserRoute } from "./types.ts";

export type { Call, Method, OrgRoute, ResourceKind, UserRoute, World } from "./types.ts";
export { buildWorld } from "./world.ts";

/** Routes anyone may call: sign-in, setup, invitation links, the public catalog. */
export const PUBLIC_ROUTES = [
  "GET /api/v1/setup",
  "POST /api/v1/setup",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/totp",
  "POST /api/v1/auth/password-reset",
  "POST /api/v1/auth/password-reset/confirm",
  "GET /api/v1/invitations/:token",
  "POST /api/v1/invitations/:token/accept",
  "GET /api/v1/criteria",
  "GET /api/v1/openapi.json",
  // A share link's secret is the reader's only credential.
  "GET /api/v1/shared/:token",
  "POST /api/v1/shared/:token/accept",
  "GET /api/v1/shared/:token/report",
] as const;

/** Served by @fastify/swagger-ui under /api/v1/docs: static pages, no data. */
export const DOCS_PREFIX = "/api/v1/docs";

// The matrix walks these in order against one shared world, so an entry's writes are there
// for the ones after it.
export const ORG_ROUTES: readonly OrgRoute[] = [
  ...ORGANIZATION_ROUTES,
  ...CONTROL_ROUTES,
  ...EVIDENCE_ROUTES,
  ...ENGAGEMENT_ROUTES,
  ...WORKPAPER_ROUTES,
  ...BUNDLE_ROUTES,
  ...ENGAGEMENT_EXPORT_ROUTES,
  ...REPORT_ROUTES,
  ...JOB_ROUTES,
  ...AUDIT_LOG_ROUTES,
  ...MEMBER_ROUTES,
  ...POLICY_ROUTES,
  ...TASK_ROUTES,
  ...RISK_ROUTES,
  ...REQUEST_ROUTES,
  ...POPULATION_ROUTES,
  ...TRAINING_ROUTES,
  ...VENDOR_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...PEOPLE_ROUTES,
  ...FINDING_ROUTES,
  ...MONITOR_ROUTES,
  // Access reviews (issue 16 part 3).
  ...ACCESS_REVIEW_ROUTES,
];

export const USER_ROUTES: readonly UserRoute[] = [
  ...ORGANIZATION_USER_ROUTES,
  ...AUTH_ROUTES,
  ...ACCOUNT_ROUTES,
];

export function orgUrl(slug: string, route: Pick<OrgRoute, "path">, call: Call): string {
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = call.params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${route.path}`);
    return encodeURIComponent(value);
  });
  return `/api/v1/orgs/${slug}${path}`;
}

export function userUrl(route: Pick<UserRoute, "path">, call: Call): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = call.params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

/** "GET /api/v1/orgs/:org/controls/:ref" for a table entry. */
export function routeKey(route: OrgRoute | UserRoute): string {
  const path = "action" in route ? `/api/v1/orgs/:org${route.path}` : route.path;
  return `${route.method} ${path}`;
}

/** Fastify's printRoutes tree, flattened to "METHOD /full/path" (HEAD left out). */
export function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+)(?: \(([^)]*)\))?$/.exec(line.replace(/\s+$/, ""));
    if (match === null || line.trim() === "") continue;
    const depth = (match[1] ?? "").length / 4;
    const segment = match[2] ?? "";
    stack.length = depth;
    const path = `${stack.join("")}${segment}`;
    stack.push(segment);
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim())) {
      if (method !== "" && method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
