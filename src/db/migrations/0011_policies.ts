/**
 * Policies: the organization's own Markdown policies (adopted from a template or written
 * here), their published versions (immutable, each with the SHA-256 of its exact text and the
 * owner's approval), and the acknowledgements of each version by the people it applies to.
 * Acknowledgements are never deleted or updated: a new version asks again beside them.
 */
import type { Kysely } from "kysely";

const orgId = "organization_id";
const org = "organizations.id";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("policies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    // Shown as P-<number>, counted per organization.
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("template_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("review_months", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    // The working text: what the next version will say.
    .addColumn("body", "text", (c) => c.notNull())
    // JSON list of the roles asked to acknowledge; empty means every member.
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("ack_days", "integer", (c) => c.notNull())
    // The owner's approval of the working text; cleared when the text changes.
    .addColumn("approved_by", "text")
    .addColumn("approved_name", "text")
    .addColumn("approved_at", "text")
    // When a published text was last approved: the yearly review counts from here.
    .addColumn("reviewed_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("policies_org_number", [orgId, "number"])
    .execute();

  await db.schema
    .createTable("policy_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("policy_id", "text", (c) =>
      c.notNull().references("policies.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("approved_by", "text", (c) => c.notNull())
    .addColumn("approved_name", "text", (c) => c.notNull())
    .addColumn("approved_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("ack_due_by", "text", (c) => c.notNull())
    .addUniqueConstraint("policy_versions_policy_version", ["policy_id", "version"])
    .execute();

  await db.schema
    .createTable("policy_acknowledgements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("policy_version_id", "text", (c) =>
      c.notNull().references("policy_versions.id").onDelete("cascade"),
    )
    // The person as they were when they acknowledged; kept after they leave.
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addUniqueConstraint("policy_acknowledgements_version_user", ["policy_version_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("policy_acknowledgements_org")
    .on("policy_acknowledgements")
    .columns([orgId, "policy_version_id"])
    .execute();
}
