/** Audit engagements, their samples, control tests and per-item results. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("engagements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("type", "integer", (c) => c.notNull())
    .addColumn("as_of", "text")
    .addColumn("period_from", "text")
    .addColumn("period_to", "text")
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("audit_firm", "text", (c) => c.notNull())
    .addColumn("auditors", "text", (c) => c.notNull())
    .addColumn("short_period_reason", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("snapshot", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("engagements_org_number_unique", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("engagement_samples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("drawn_by", "text", (c) => c.notNull())
    .addColumn("drawn_at", "text", (c) => c.notNull())
    .addColumn("redraw_reason", "text")
    .addColumn("superseded_at", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("engagement_samples_engagement")
    .on("engagement_samples")
    .columns(["organization_id", "engagement_id"])
    .execute();

  await db.schema
    .createTable("engagement_tests")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    .addColumn("methods", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    .addColumn("tester", "text", (c) => c.notNull())
    .addColumn("tested_on", "text", (c) => c.notNull())
    .addColumn("design", "text")
    .addColumn("design_notes", "text")
    .addPrimaryKeyConstraint("engagement_tests_pk", ["engagement_id", "control_ref"])
    .execute();

  await db.schema
    .createTable("engagement_results")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("sample_id", "text", (c) =>
      c.notNull().references("engagement_samples.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("management_response", "text")
    .addColumn("responded_by", "text")
    .addColumn("responded_at", "text")
    .addPrimaryKeyConstraint("engagement_results_pk", ["sample_id", "control_ref", "item_key"])
    .execute();
}
