/**
 * Connectors and checks as code (issue 17): the systems an organization connects (settings in
 * the clear, credentials sealed), each run of their checks (with the hash of the snapshot it
 * read, kept in the blob store), the result of every check in a run with its per-resource
 * results, and the exceptions that excuse a failing resource until they expire.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("connectors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    // enc:v1:… (services/platform/secret-box.ts), never in the clear.
    .addColumn("credentials", "text", (c) => c.notNull())
    .addColumn("interval_minutes", "integer", (c) => c.notNull())
    .addColumn("next_run_at", "text", (c) => c.notNull())
    .addColumn("consecutive_failures", "integer", (c) => c.notNull())
    .addColumn("last_run_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .addUniqueConstraint("connectors_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("check_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("connector_id", "text", (c) =>
      c.notNull().references("connectors.id").onDelete("cascade"),
    )
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("started_by", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text", (c) => c.notNull())
    // "ok", or the ConnectorError failure; a failed run has a message and no results.
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addColumn("snapshot_sha256", "text")
    .addColumn("snapshot_size", "integer")
    .addUniqueConstraint("check_runs_org_number", ["organization_id", "number"])
    .execute();
  await db.schema
    .createIndex("check_runs_connector")
    .on("check_runs")
    .columns(["organization_id", "connector_id", "number"])
    .execute();

  await db.schema
    .createTable("check_results")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("run_id", "text", (c) => c.notNull().references("check_runs.id").onDelete("cascade"))
    .addColumn("connector_id", "text", (c) =>
      c.notNull().references("connectors.id").onDelete("cascade"),
    )
    .addColumn("check_id", "text", (c) => c.notNull())
    // As of the run, exceptions then in force applied: pass, fail or not-applicable.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("passing", "integer", (c) => c.notNull())
    .addColumn("failing", "integer", (c) => c.notNull())
    .addColumn("excepted", "integer", (c) => c.notNull())
    .addColumn("not_applicable", "integer", (c) => c.notNull())
    // JSON: the check's ResourceResults exactly as evaluated, each with the exception (CE-n)
    // that excused it, if any. A replay compares the evaluation with these.
    .addColumn("resources", "text", (c) => c.notNull())
    .addColumn("evidence_id", "text", (c) => c.references("evidence_items.id").onDelete("set null"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("check_results_run_check", ["run_id", "check_id"])
    .execute();
  await db.schema
    .createIndex("check_results_check")
    .on("check_results")
    .columns(["organization_id", "connector_id", "check_id", "recorded_at"])
    .execute();

  await db.schema
    .createTable("check_exceptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("check_id", "text", (c) => c.notNull())
    .addColumn("resource_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("approver", "text", (c) => c.notNull())
    // The last day it excuses the resource, in the organization's time zone.
    .addColumn("expires_on", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_by", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text")
    .addUniqueConstraint("check_exceptions_org_number", ["organization_id", "number"])
    .execute();
}
