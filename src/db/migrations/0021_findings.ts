/**
 * Findings imported from scanners (SARIF), posture tools (Prowler) and flagged CloudTrail
 * events. A finding is unique per organization and fingerprint, so the same result imported
 * twice is one row; each import is recorded with the file's SHA-256 and what it changed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("finding_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    // What the file held and what it did: JSON {results, created, seenAgain, reopened, closed}.
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("finding_imports_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("findings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("rule_title", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("resource", "text", (c) => c.notNull())
    .addColumn("location", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text")
    .addColumn("first_seen_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("due_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("triage_decision", "text")
    .addColumn("triage_reason", "text")
    .addColumn("triaged_by", "text")
    .addColumn("triaged_at", "text")
    // The element of the file it came from, as JSON: what was seen, kept as evidence.
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("last_import_id", "text", (c) =>
      c.notNull().references("finding_imports.id").onDelete("cascade"),
    )
    .addUniqueConstraint("findings_org_number", ["organization_id", "number"])
    .addUniqueConstraint("findings_org_fingerprint", ["organization_id", "fingerprint"])
    .execute();
  await db.schema
    .createIndex("findings_org_status")
    .on("findings")
    .columns(["organization_id", "status", "source"])
    .execute();
}
