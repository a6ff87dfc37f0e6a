/**
 * The vendor inventory, each vendor's assurance reports (SOC 2, SOC 1 or an ISO 27001
 * certificate) with their bridge letters, the complementary user entity controls (CUECs) a
 * report asks of us and the controls of ours mapped to each, and the yearly vendor reviews.
 * Report files, bridge letters and reviews are evidence items; these rows point at them.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vendors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    // JSON array of data categories.
    .addColumn("data_shared", "text", (c) => c.notNull())
    .addColumn("tier", "integer", (c) => c.notNull())
    // A member's email; null while nobody owns it.
    .addColumn("owner", "text")
    .addColumn("contract_start", "text")
    .addColumn("contract_end", "text")
    // carve-out or inclusive; null when the vendor is not a subservice organization.
    .addColumn("subservice", "text")
    // JSON array of {text, criteria}: the vendor's controls the system relies on.
    .addColumn("relied_controls", "text", (c) => c.notNull())
    .addColumn("website", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("vendors_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("vendor_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("opinion", "text")
    .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence_items.id"))
    .addColumn("bridge_evidence_id", "text", (c) => c.references("evidence_items.id"))
    .addColumn("bridge_from", "text")
    .addColumn("bridge_to", "text")
    .addColumn("added_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("vendor_reports_org_number", ["organization_id", "number"])
    .execute();
  await db.schema
    .createIndex("vendor_reports_vendor")
    .on("vendor_reports")
    .columns(["organization_id", "vendor_id"])
    .execute();

  await db.schema
    .createTable("vendor_cuecs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("report_id", "text", (c) =>
      c.notNull().references("vendor_reports.id").onDelete("cascade"),
    )
    .addColumn("text", "text", (c) => c.notNull())
    .addUniqueConstraint("vendor_cuecs_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("vendor_cuec_controls")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("cuec_id", "text", (c) =>
      c.notNull().references("vendor_cuecs.id").onDelete("cascade"),
    )
    .addColumn("control_id", "text", (c) =>
      c.notNull().references("controls.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("vendor_cuec_controls_pk", ["cuec_id", "control_id"])
    .execute();

  await db.schema
    .createTable("vendor_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id").onDelete("cascade"))
    .addColumn("reviewed_on", "text", (c) => c.notNull())
    .addColumn("tier", "integer", (c) => c.notNull())
    // JSON array of the checklist items confirmed.
    .addColumn("checked", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence_items.id"))
    .addColumn("reviewed_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("vendor_reviews_org_number", ["organization_id", "number"])
    .execute();
  await db.schema
    .createIndex("vendor_reviews_vendor")
    .on("vendor_reviews")
    .columns(["organization_id", "vendor_id"])
    .execute();
}
