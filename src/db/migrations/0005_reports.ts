/**
 * The report package: the working draft per engagement (description, assertion, opinion),
 * frozen final versions, review threads, share links with their NDA acceptances and access
 * log, bridge letters, and each organization's Ed25519 key for signing evidence bundles.
 */
import type { Kysely } from "kysely";

const orgId = "organization_id";
const org = "organizations.id";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organization_keys")
    .addColumn(orgId, "text", (c) => c.primaryKey().references(org).onDelete("cascade"))
    .addColumn("algorithm", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("private_key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("report_drafts")
    .addColumn("engagement_id", "text", (c) =>
      c.primaryKey().references("engagements.id").onDelete("cascade"),
    )
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    // The number the next final version will carry.
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("assertion", "text")
    .addColumn("opinion", "text")
    .addColumn("other_information", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("report_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("package", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("issue_date", "text", (c) => c.notNull())
    .addColumn("finalized_at", "text", (c) => c.notNull())
    .addColumn("finalized_by", "text", (c) => c.notNull())
    .addUniqueConstraint("report_versions_engagement_version", ["engagement_id", "version"])
    .execute();

  await db.schema
    .createTable("review_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("draft_version", "integer", (c) => c.notNull())
    .addColumn("section", "text", (c) => c.notNull())
    .addColumn("item", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("review_threads_number", ["engagement_id", "number"])
    .execute();

  await db.schema
    .createTable("review_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("thread_id", "text", (c) =>
      c.notNull().references("review_threads.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    // "comment", "resolved", "disputed", "reopened": a status change is a comment too.
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("review_comments_thread")
    .on("review_comments")
    .column("thread_id")
    .execute();

  await db.schema
    .createTable("share_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("report_version_id", "text", (c) =>
      c.notNull().references("report_versions.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("share_acceptances")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("link_id", "text", (c) =>
      c.notNull().references("share_links.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("company", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("nda_sha256", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("user_agent", "text")
    .execute();

  await db.schema
    .createTable("share_access_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("link_id", "text", (c) =>
      c.notNull().references("share_links.id").onDelete("cascade"),
    )
    .addColumn("acceptance_id", "text")
    // "viewed", "nda-accepted", "downloaded", "refused-expired", "refused-revoked"
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema
    .createIndex("share_access_log_link")
    .on("share_access_log")
    .column("link_id")
    .execute();

  await db.schema
    .createTable("bridge_letters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("report_version_id", "text", (c) =>
      c.notNull().references("report_versions.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("through", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("approved_by", "text")
    .addColumn("approved_name", "text")
    .addColumn("approved_at", "text")
    .execute();
}
