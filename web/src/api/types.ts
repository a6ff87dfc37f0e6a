/**
 * The shapes the API answers with, one file per area. Types come from the server's contracts
 * (src/contracts, type-only imports erased from the bundle); value lists are copies, because
 * the browser runs none of the server's code.
 */
export * from "./types/common.ts";
export * from "./types/session.ts";
export * from "./types/organizations.ts";
export * from "./types/readiness.ts";
export * from "./types/controls.ts";
export * from "./types/evidence.ts";
export * from "./types/engagements.ts";
export * from "./types/audit-log.ts";
export * from "./types/members.ts";
export * from "./types/reports.ts";
export * from "./types/jobs.ts";
export * from "./types/policies.ts";
export * from "./types/risks.ts";
export * from "./types/auditor-home.ts";
export * from "./types/requests.ts";
export * from "./types/training.ts";
export * from "./types/vendors.ts";
export * from "./types/notifications.ts";
export * from "./types/people.ts";
export * from "./types/findings.ts";
export * from "./types/monitors.ts";
export * from "./types/workpapers.ts";
// Access reviews (issue 16 part 3).
export * from "./types/access-reviews.ts";
