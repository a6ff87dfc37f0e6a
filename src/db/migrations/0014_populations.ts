/**
 * Populations imported from a system of record for an engagement's event-driven control: each
 * import with its source, the company's statement of completeness, the hash of its canonical
 * rows and the auditor's acceptance or return; and the rows themselves, one per occurrence. A
 * later import never replaces an earlier one: imports are numbered per control and all stay.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("population_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("source_system", "text", (c) => c.notNull())
    .addColumn("source_query", "text")
    .addColumn("ran_by", "text", (c) => c.notNull())
    .addColumn("ran_at", "text", (c) => c.notNull())
    .addColumn("completeness", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("first_date", "text")
    .addColumn("last_date", "text")
    // Over the canonical rows (domain/population-import.ts), not the file's bytes.
    .addColumn("rows_sha256", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("reviewed_by", "text")
    .addColumn("reviewed_at", "text")
    .addColumn("return_reason", "text")
    .addUniqueConstraint("population_imports_number", [
      "organization_id",
      "engagement_id",
      "control_ref",
      "number",
    ])
    .execute();

  await db.schema
    .createTable("population_rows")
    .addColumn("import_id", "text", (c) =>
      c.notNull().references("population_imports.id").onDelete("cascade"),
    )
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("population_rows_pk", ["import_id", "key"])
    .execute();
}
