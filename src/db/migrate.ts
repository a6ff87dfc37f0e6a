/**
 * Versioned schema migrations, applied at start. Running them again changes nothing, and a
 * database that an newer Attest has migrated is refused rather than misread.
 */
import { Migrator } from "kysely";
import type { Kysely, Migration, MigrationProvider } from "kysely";
import { sql } from "kysely";
import { AppError } from "../domain/errors.ts";
import type { Db } from "./connect.ts";

/**
 * Every migration, by the name of its file in ./migrations/ (a test holds the two together),
 * each loaded only when it is to run: a command on an up-to-date database loads none.
 */
const MIGRATIONS: Record<string, () => Promise<Migration>> = {
  "0001_foundation": () => import("./migrations/0001_foundation.ts"),
  "0002_evidence": () => import("./migrations/0002_evidence.ts"),
  "0003_engagements": () => import("./migrations/0003_engagements.ts"),
  "0004_accounts": () => import("./migrations/0004_accounts.ts"),
  "0005_reports": () => import("./migrations/0005_reports.ts"),
  "0006_jobs": () => import("./migrations/0006_jobs.ts"),
  "0007_audit_log_pages": () => import("./migrations/0007_audit_log_pages.ts"),
  "0009_result_recorders": () => import("./migrations/0009_result_recorders.ts"),
  "0011_policies": () => import("./migrations/0011_policies.ts"),
  "0012_risks": () => import("./migrations/0012_risks.ts"),
  "0013_requests": () => import("./migrations/0013_requests.ts"),
  "0014_populations": () => import("./migrations/0014_populations.ts"),
  "0015_workpapers": () => import("./migrations/0015_workpapers.ts"),
  "0016_engagement_firm": () => import("./migrations/0016_engagement_firm.ts"),
  "0017_people": () => import("./migrations/0017_people.ts"),
  "0018_training": () => import("./migrations/0018_training.ts"),
  "0019_vendors": () => import("./migrations/0019_vendors.ts"),
  "0020_notifications": () => import("./migrations/0020_notifications.ts"),
  "0021_findings": () => import("./migrations/0021_findings.ts"),
  "0022_population_importer_email": () => import("./migrations/0022_population_importer_email.ts"),
  "0023_access_reviews": () => import("./migrations/0023_access_reviews.ts"),
  "0025_checks": () => import("./migrations/0025_checks.ts"),
  "0026_monitors": () => import("./migrations/0026_monitors.ts"),
};

export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(MIGRATIONS).sort();

const MIGRATION_TABLE = "attest_migration";
const MIGRATION_LOCK_TABLE = "attest_migration_lock";

const provider: MigrationProvider = {
  getMigrations: async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(MIGRATIONS).map(async ([name, load]) => [name, await load()] as const),
      ),
    ),
};

/** The error each engine gives for a table that is not there (yet). */
function isMissingTable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "42P01" || (code === "SQLITE_ERROR" && /^no such table/.test(String(message)));
}

/**
 * Read at once rather than first asking whether the table exists: on an up-to-date database
 * (every command) that is one round trip to PostgreSQL instead of two.
 */
async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const result = await sql<{
      name: string;
    }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db.kysely);
    return result.rows.map((row) => row.name);
  } catch (error) {
    if (isMissingTable(error)) return [];
    throw error;
  }
}

/** Refuses a database that holds migrations this code does not know. */
function assertKnown(applied: readonly string[]): void {
  const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      `the database was migrated by a newer version of Attest (it has ${unknown.join(", ")}; ` +
        `this version knows up to ${KNOWN_MIGRATIONS.at(-1) ?? "none"}). ` +
        "Upgrade Attest, or point it at another database.",
    );
  }
}

export interface MigrationReport {
  applied: string[];
  version: string;
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const applied = await appliedMigrations(db);
  assertKnown(applied);
  const version = KNOWN_MIGRATIONS.at(-1) ?? "none";
  // The usual case, at every CLI command: nothing to do, so Kysely's migrator (which takes its
  // lock and inspects every table) is not started at all.
  if (KNOWN_MIGRATIONS.every((name) => applied.includes(name))) return { applied: [], version };
  // Kysely looks for its tables in every schema unless told which: another Attest (or a
  // parallel test run) in a sibling schema would make it skip creating its own.
  const schema =
    db.engine === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely))
          .rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: db.kysely as Kysely<unknown>,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new AppError(
      "INTERNAL",
      `database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { applied: (results ?? []).map((result) => result.migrationName), version };
}
