/** Organizations, scope, controls with their criteria, the audit trail, licensed criteria text. */
import { PostgresAdapter, sql } from "kysely";
import type { Kysely } from "kysely";

// Migrations take Kysely<unknown>: they describe the schema as it was at their time,
// not as src/db/schema.ts describes it today.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("system_name", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organization_categories")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_categories_pk", ["organization_id", "category"])
    .execute();

  await db.schema
    .createTable("criterion_exclusions")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("criterion_exclusions_pk", ["organization_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("controls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("template_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("automation", "text", (c) => c.notNull())
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("owner_role", "text")
    .addColumn("owner", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_reason", "text")
    .addColumn("suggested_evidence", "text", (c) => c.notNull())
    .addColumn("test_procedure", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("controls_org_ref_unique", ["organization_id", "ref"])
    .execute();

  await db.schema
    .createTable("control_criteria")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("control_id", "text", (c) =>
      c.notNull().references("controls.id").onDelete("cascade"),
    )
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("control_criteria_pk", ["control_id", "criterion_id"])
    .execute();
  await db.schema
    .createIndex("control_criteria_org_criterion")
    .on("control_criteria")
    .columns(["organization_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    // The exact bytes hashed (see domain/audit-chain.ts): the columns above, serialized.
    // Kept as bytes so that verifying hashes them as they come, without re-encoding.
    .addColumn("body", isPostgres ? sql`bytea` : "blob", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    // Two writers racing for the same place in an organization's chain: one of them fails.
    .addUniqueConstraint("audit_events_org_seq_unique", ["organization_id", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_events_org_target")
    .on("audit_events")
    .columns(["organization_id", "target_type", "target_id"])
    .execute();

  await db.schema
    .createTable("criterion_texts")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("points_of_focus", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("criterion_texts_pk", ["organization_id", "criterion_id"])
    .execute();
}
