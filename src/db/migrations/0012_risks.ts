/**
 * The risk register and the yearly risk assessments. A risk is numbered per organization
 * (R-1, R-2, …); its inherent and residual scores are not stored, they are derived from the
 * likelihood and impact each time. An assessment keeps the register as it was, as canonical
 * JSON with its SHA-256, and the evidence item generated from it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("risks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    // The starter risk it was copied from (RL-07), or null for one written from scratch.
    .addColumn("template_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    // An account's email; null while nobody owns it.
    .addColumn("owner", "text")
    .addColumn("likelihood", "integer", (c) => c.notNull())
    .addColumn("impact", "integer", (c) => c.notNull())
    .addColumn("treatment", "text", (c) => c.notNull())
    .addColumn("residual_likelihood", "integer", (c) => c.notNull())
    .addColumn("residual_impact", "integer", (c) => c.notNull())
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("acceptance_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("risks_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("risk_controls")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("risk_id", "text", (c) => c.notNull().references("risks.id").onDelete("cascade"))
    .addColumn("control_id", "text", (c) =>
      c.notNull().references("controls.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("risk_controls_pk", ["risk_id", "control_id"])
    .execute();
  await db.schema
    .createIndex("risk_controls_org")
    .on("risk_controls")
    .columns(["organization_id", "risk_id"])
    .execute();

  await db.schema
    .createTable("risk_assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    // The local date the assessment was held.
    .addColumn("held_on", "text", (c) => c.notNull())
    // JSON array of the people who took part ({name, email}).
    .addColumn("participants", "text", (c) => c.notNull())
    // Canonical JSON of the register as it was; sha256 is over exactly these bytes.
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence_items.id"))
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("risk_assessments_org_number", ["organization_id", "number"])
    .execute();
}
