/** The audit trail: filtered pages of events, and verification of the whole chain. */
import { z } from "zod";
import { auditLogPage, auditVerification } from "../../contracts/audit-log.ts";
import { listAuditLog, verifyAuditLog } from "../../services/platform/audit-log.service.ts";
import { pageQuery } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

// Documents the query; the service parses it (one definition for the CLI and the API).
const text = z.string().max(200).optional();

export function registerAuditLogRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/audit-log",
    tag: "audit log",
    summary:
      "Audit events, newest first, each with a sentence and its changes; filtered by action, " +
      "target, actor or dates. Auditors read the events about their engagements",
    query: {
      action: text.describe("one audit action, e.g. control.updated"),
      targetType: text.describe("control, evidence, engagement, report, member…"),
      target: text.describe("a record as people name it (AC-04, E-2, an evidence title) or its id"),
      actor: text.describe("a person's email or name, or an actor id"),
      from: z.string().max(10).optional().describe("first day, YYYY-MM-DD, organization's time"),
      to: z.string().max(10).optional().describe("last day, YYYY-MM-DD, organization's time"),
      ...pageQuery,
    },
    response: auditLogPage,
    handler: async ({ actor, query }) => listAuditLog(ctx, actor, query),
  });
  orgRoute(router, {
    method: "POST",
    url: "/audit-log/verify",
    tag: "audit log",
    summary: "Recompute the hash chain, the stored head, file hashes and record bodies",
    response: auditVerification,
    handler: async ({ actor }) => verifyAuditLog(ctx, actor),
  });
}
