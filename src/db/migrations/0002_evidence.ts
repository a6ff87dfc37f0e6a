/**
 * Evidence items, their links to controls, (PostgreSQL only) the chunked blob store, and the
 * audit chain's head kept on the organization so that deleting the newest events is caught.
 */
import { PostgresAdapter, sql } from "kysely";
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("organizations").addColumn("audit_head_seq", "integer").execute();
  await db.schema.alterTable("organizations").addColumn("audit_head_hash", "text").execute();

  await db.schema
    .createTable("evidence_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("media_type", "text")
    .addColumn("file_name", "text")
    .addColumn("url", "text")
    .addColumn("record_kind", "text")
    .addColumn("record_data", "text")
    .addColumn("for_from", "text", (c) => c.notNull())
    .addColumn("for_to", "text", (c) => c.notNull())
    .addColumn("added_by", "text", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .addColumn("removed_by", "text")
    .addColumn("removed_reason", "text")
    .execute();
  await db.schema
    .createIndex("evidence_items_org_added")
    .on("evidence_items")
    .columns(["organization_id", "added_at"])
    .execute();
  await db.schema
    .createIndex("evidence_items_sha256")
    .on("evidence_items")
    .column("sha256")
    .execute();

  await db.schema
    .createTable("evidence_controls")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("evidence_id", "text", (c) =>
      c.notNull().references("evidence_items.id").onDelete("cascade"),
    )
    .addColumn("control_id", "text", (c) =>
      c.notNull().references("controls.id").onDelete("cascade"),
    )
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("evidence_controls_pk", ["evidence_id", "control_id"])
    .execute();
  await db.schema
    .createIndex("evidence_controls_control")
    .on("evidence_controls")
    .columns(["organization_id", "control_id"])
    .execute();

  // On SQLite, files live in the data directory; on PostgreSQL, in the database itself so
  // that every instance sharing it sees them.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable("blobs")
      .addColumn("sha256", "text", (c) => c.primaryKey())
      .addColumn("size", "bigint", (c) => c.notNull())
      .addColumn("chunks", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("blob_chunks")
      .addColumn("blob_key", "text", (c) => c.notNull())
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("data", sql`bytea`, (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("blob_chunks_pk", ["blob_key", "idx"])
      .execute();
  }
}
