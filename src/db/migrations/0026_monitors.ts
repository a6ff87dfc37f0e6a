/**
 * The availability monitor: HTTPS endpoints an organization probes, each probe's outcome, and
 * the months whose uptime has been filed as evidence (one row per endpoint and month, so a
 * month is filed once however often the job runs).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("monitor_endpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("expected_status", "integer", (c) => c.notNull())
    .addColumn("interval_minutes", "integer", (c) => c.notNull())
    .addColumn("timeout_seconds", "integer", (c) => c.notNull())
    // Hundredths of a percent (9990 is 99.90 %): exact, on both engines.
    .addColumn("target_basis_points", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // Removed endpoints keep their probes and filed months; they are no longer probed or shown.
    .addColumn("removed_at", "text")
    .addUniqueConstraint("monitor_endpoints_org_number", ["organization_id", "number"])
    .execute();

  // What the probes last found, apart from the configuration above: it changes every few
  // minutes without an audit event (a change of state has one), like the probes themselves.
  await db.schema
    .createTable("monitor_status")
    .addColumn("endpoint_id", "text", (c) =>
      c.primaryKey().references("monitor_endpoints.id").onDelete("cascade"),
    )
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    // "up" or "down"; no row until the first probe ("unknown"). Since when, for alerts and tasks.
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("state_since", "text", (c) => c.notNull())
    .addColumn("last_probe_at", "text", (c) => c.notNull())
    .addColumn("last_status", "integer")
    .addColumn("last_latency_ms", "integer")
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("monitor_probes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("endpoint_id", "text", (c) =>
      c.notNull().references("monitor_endpoints.id").onDelete("cascade"),
    )
    .addColumn("probed_at", "text", (c) => c.notNull())
    .addColumn("up", "integer", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("latency_ms", "integer")
    .addColumn("error", "text")
    .execute();
  await db.schema
    .createIndex("monitor_probes_endpoint_time")
    .on("monitor_probes")
    .columns(["endpoint_id", "probed_at"])
    .execute();
  // Monthly uptime is counted per organization over a range of months.
  await db.schema
    .createIndex("monitor_probes_org_time")
    .on("monitor_probes")
    .columns(["organization_id", "probed_at"])
    .execute();

  await db.schema
    .createTable("monitor_months")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("endpoint_id", "text", (c) =>
      c.notNull().references("monitor_endpoints.id").onDelete("cascade"),
    )
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("probes", "integer", (c) => c.notNull())
    .addColumn("up", "integer", (c) => c.notNull())
    .addColumn("evidence_id", "text")
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("monitor_months_pk", ["endpoint_id", "month"])
    .execute();
}
