/**
 * The audit log read a page at a time, newest first: events ordered by (occurred_at, seq),
 * filtered by action, actor or target. Each index leads with the filter's columns and ends
 * with the order, so a page (filtered or not, at any depth) is one index range read backwards
 * and stops after the page (see listAuditPage in audit.repo.ts). The target index replaces
 * the one without the order, which it also serves.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("audit_events_org_time")
    .on("audit_events")
    .columns(["organization_id", "occurred_at", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_events_org_action_time")
    .on("audit_events")
    .columns(["organization_id", "action", "occurred_at", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_events_org_actor_time")
    .on("audit_events")
    .columns(["organization_id", "actor_id", "occurred_at", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_events_org_target_time")
    .on("audit_events")
    .columns(["organization_id", "target_type", "target_id", "occurred_at", "seq"])
    .execute();
  await db.schema.dropIndex("audit_events_org_target").execute();
}
