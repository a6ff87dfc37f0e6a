/**
 * Background jobs: the schedules and queue of the embedded scheduler (SQLite installs; on
 * PostgreSQL pg-boss keeps its own tables and only `job_schedules` is written, to list what is
 * registered), one record of runs for both engines, and the notices jobs leave for owners.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_schedules")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("cron", "text", (c) => c.notNull())
    // The newest slot already turned into a queued job: a slot is enqueued once, by one process.
    .addColumn("last_slot", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    // "queued", "running", "done" or "failed".
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("locked_by", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("jobs_state_run_at")
    .on("jobs")
    .columns(["state", "run_at"])
    .execute();

  await db.schema
    .createTable("job_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    // The queued job this attempt belongs to (our id, or pg-boss's).
    .addColumn("job_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("instance", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    // null while running; "ok" or "failed".
    .addColumn("result", "text")
    .addColumn("error", "text")
    .addColumn("summary", "text")
    .execute();
  await db.schema
    .createIndex("job_runs_name_started")
    .on("job_runs")
    .columns(["name", "started_at"])
    .execute();
  await db.schema.createIndex("job_runs_job").on("job_runs").column("job_id").execute();

  await db.schema
    .createTable("notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    // The organization's local date the notice speaks for: one notice of a kind per day.
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("mailed_at", "text")
    .addUniqueConstraint("notices_org_kind_day", ["organization_id", "kind", "day"])
    .execute();
}
