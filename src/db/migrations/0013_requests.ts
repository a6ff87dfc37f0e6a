/**
 * The auditor's request list ("provided by client"): what an engagement's auditor asks the
 * company for, numbered, … per engagement; the evidence given in answer; and the
 * comments both sides leave on a request. A request names a control, a sampled item of one,
 * or asks in free text.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    // The control's ref as frozen in the engagement's snapshot; null for a free-text request.
    .addColumn("control_ref", "text")
    // A sampled item's key (with control_ref), or null.
    .addColumn("item_key", "text")
    .addColumn("description", "text", (c) => c.notNull())
    // The member's email the request goes to.
    .addColumn("addressee", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("return_reason", "text")
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    // The local day the addressee was last mailed about it being overdue (once a day at most).
    .addColumn("reminded_on", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("audit_requests_engagement_number", ["engagement_id", "number"])
    .execute();
  await db.schema
    .createIndex("audit_requests_org_status")
    .on("audit_requests")
    .columns(["organization_id", "status"])
    .execute();

  await db.schema
    .createTable("audit_request_evidence")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("request_id", "text", (c) =>
      c.notNull().references("audit_requests.id").onDelete("cascade"),
    )
    .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence_items.id"))
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_request_evidence_pk", ["request_id", "evidence_id"])
    .execute();

  await db.schema
    .createTable("audit_request_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("request_id", "text", (c) =>
      c.notNull().references("audit_requests.id").onDelete("cascade"),
    )
    .addColumn("author", "text", (c) => c.notNull())
    // "auditor" or "company": which side of the exchange wrote it.
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_request_comments_request")
    .on("audit_request_comments")
    .columns(["request_id", "created_at"])
    .execute();
}
