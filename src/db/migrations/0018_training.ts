/**
 * Security awareness training: every attempt at a module's quiz and every completion imported
 * from an external provider, kept (never updated or deleted). A completion names the person
 * by normalized email, and their account when they have one, so that it survives the account
 * and joins the people register by email.
 */
import type { Kysely } from "kysely";

const orgId = "organization_id";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("training_completions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("module_version", "integer", (c) => c.notNull())
    // The SHA-256 of the module's text and quiz as they were taken (domain/training.ts).
    .addColumn("module_sha256", "text", (c) => c.notNull())
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    // Whole percent; null when an external provider reports completion without a score.
    .addColumn("score", "integer")
    .addColumn("passed", "integer", (c) => c.notNull())
    // "quiz" (taken here) or "external" (imported from a provider's CSV).
    .addColumn("source", "text", (c) => c.notNull())
    // For an import: the evidence item that holds the file.
    .addColumn("evidence_id", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_completions_org_email")
    .on("training_completions")
    .columns([orgId, "email", "module_id"])
    .execute();
}
