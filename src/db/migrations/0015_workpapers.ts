/**
 * The auditor's workpapers: per control of an engagement the attributes tested (the test
 * steps), per sampled item the result for each attribute and a note, and the auditor's own
 * files. Those files sit in the same content-addressed blob store as evidence, but are
 * recorded here and only here, so nothing that lists or serves evidence can reach them.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workpaper_steps")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    // JSON array of { id, text } in the order tested; an id never changes once given, so
    // results recorded against a step follow it when steps are added or reordered.
    .addColumn("steps", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("workpaper_steps_pk", ["engagement_id", "control_ref"])
    .execute();

  await db.schema
    .createTable("workpaper_items")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    // JSON object: step id → met | not-met | not-applicable.
    .addColumn("attributes", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("workpaper_items_pk", ["engagement_id", "control_ref", "item_key"])
    .execute();

  await db.schema
    .createTable("workpaper_attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("engagement_id", "text", (c) =>
      c.notNull().references("engagements.id").onDelete("cascade"),
    )
    .addColumn("control_ref", "text", (c) => c.notNull())
    // The sampled item it supports; null for the control's workpaper as a whole.
    .addColumn("item_key", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_by_email", "text")
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("workpaper_attachments_control")
    .on("workpaper_attachments")
    .columns(["organization_id", "engagement_id", "control_ref"])
    .execute();
}
