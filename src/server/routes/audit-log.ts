/** The audit trail: filtered pages of events, and verification of the whole chain. */
import { z } from "zod";
import { listAuditLog, verifyAuditLog } from "../../services/platform/audit-log.service.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const text = z.string().max(200).optional();

export function registerAuditLogRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/audit-log",
    tag: "audit log",
    summary: "Audit events, newest first, filtered by action, target, actor or dates",
    query: {
      action: text,
      targetType: text,
      targetId: text,
      actor: text,
      from: z.string().max(10).optional().describe("first date, YYYY-MM-DD"),
      to: z.string().max(10).optional().describe("last date, YYYY-MM-DD"),
      ...pageQuery,
    },
    handler: async ({ actor, query }) => {
      const events = await listAuditLog(
        ctx,
        actor,
        query.from === undefined ? {} : { since: query.from },
      );
      const who = query.actor?.toLowerCase();
      const chosen = events
        .filter(
          (e) =>
            (query.action === undefined || e.action.startsWith(query.action)) &&
            (query.targetType === undefined || e.target.type === query.targetType) &&
            (query.targetId === undefined || e.target.id === query.targetId) &&
            (who === undefined ||
              e.actor.name.toLowerCase().includes(who) ||
              e.actor.id === query.actor) &&
            (query.to === undefined || e.at.slice(0, 10) <= query.to),
        )
        .reverse();
      return paginate(chosen, query, (e) => String(e.seq));
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/audit-log/verify",
    tag: "audit log",
    summary: "Recompute the hash chain, the stored head, file hashes and record bodies",
    handler: async ({ actor }) => verifyAuditLog(ctx, actor),
  });
}
