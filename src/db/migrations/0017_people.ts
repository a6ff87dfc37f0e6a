/**
 * The people register: the workforce (employees and contractors) as the HR system knows it,
 * linked to accounts by email; the onboarding and offboarding steps of each person, each due
 * by its SLA and completed by someone at a time; and each person's background check. Steps
 * are rows, not a stored checklist: a person's joiner checklist is their joiner steps.
 */
import type { Kysely } from "kysely";

const orgId = "organization_id";
const org = "organizations.id";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    // Lowercase: the key an import matches on, and how accounts are linked.
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("employee_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("manager_email", "text")
    .addColumn("start_date", "text")
    // Empty while employed; the last working day once they leave.
    .addColumn("end_date", "text")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("people_org_email", [orgId, "email"])
    .addUniqueConstraint("people_org_employee_id", [orgId, "employee_id"])
    .execute();

  await db.schema
    .createTable("person_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    // joiner or leaver, and the template step (catalog/people/checklists.ts).
    .addColumn("checklist", "text", (c) => c.notNull())
    .addColumn("step", "text", (c) => c.notNull())
    // The day the SLA counts from (start or end date) and the day it runs out.
    .addColumn("anchor_date", "text", (c) => c.notNull())
    .addColumn("due_by", "text", (c) => c.notNull())
    // A named owner (email); null leaves it to the template's role.
    .addColumn("owner", "text")
    .addColumn("completed_at", "text")
    .addColumn("completed_by", "text")
    .addColumn("completed_name", "text")
    .addColumn("evidence_id", "text", (c) => c.references("evidence_items.id"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("person_steps_person_step", ["person_id", "checklist", "step"])
    .execute();
  await db.schema
    .createIndex("person_steps_org_open")
    .on("person_steps")
    .columns([orgId, "completed_at", "due_by"])
    .execute();

  await db.schema
    .createTable("background_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn(orgId, "text", (c) => c.notNull().references(org).onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("checked_on", "text")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("evidence_id", "text", (c) => c.references("evidence_items.id"))
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("background_checks_person", ["person_id"])
    .execute();
}
