/**
 * Access reviews (AC-06). A campaign names its systems, reviewers, the period reviewed and a
 * due day; each system's accounts are imported from CSV with the flags found when matched to
 * the people register, and each account gets a reviewer's decision. A removal or change is done
 * once someone records it with the evidence that the access was removed. Completing a campaign
 * keeps it as canonical JSON with its SHA-256 and the evidence item filed from it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("access_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    // JSON array of the reviewers' emails (members of the organization).
    .addColumn("reviewers", "text", (c) => c.notNull())
    // open or completed
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("completed_on", "text")
    .addColumn("completed_at", "text")
    .addColumn("completed_by", "text")
    // Canonical JSON of the campaign as completed; sha256 is over exactly these bytes.
    .addColumn("snapshot", "text")
    .addColumn("sha256", "text")
    .addColumn("evidence_id", "text", (c) => c.references("evidence_items.id"))
    .addUniqueConstraint("access_reviews_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("access_review_systems")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("review_id", "text", (c) =>
      c.notNull().references("access_reviews.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    // Null until the system's account list is imported.
    .addColumn("file_sha256", "text")
    .addColumn("imported_by", "text")
    .addColumn("imported_at", "text")
    .addUniqueConstraint("access_review_systems_name", ["review_id", "name"])
    .execute();

  await db.schema
    .createTable("access_review_accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("review_id", "text", (c) =>
      c.notNull().references("access_reviews.id").onDelete("cascade"),
    )
    .addColumn("system_id", "text", (c) =>
      c.notNull().references("access_review_systems.id").onDelete("cascade"),
    )
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("privileged", "integer", (c) => c.notNull())
    // The person of the register matched at import, or null.
    .addColumn("person_id", "text")
    // JSON array of flags (leaver, unknown, privileged) found at import.
    .addColumn("flags", "text", (c) => c.notNull())
    .addColumn("decision", "text")
    .addColumn("comment", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("done_at", "text")
    .addColumn("done_by", "text")
    .addColumn("done_evidence_id", "text", (c) => c.references("evidence_items.id"))
    .addColumn("done_note", "text")
    .addUniqueConstraint("access_review_accounts_system_account", ["system_id", "account"])
    .execute();
  await db.schema
    .createIndex("access_review_accounts_review")
    .on("access_review_accounts")
    .columns(["organization_id", "review_id"])
    .execute();
}
