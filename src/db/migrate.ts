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
 * Every migration, by the name of its file in ./migrations/ (a test holds the two together).
 * Only names here: a command on an up-to-date database loads no migration code at all.
 */
export const KNOWN_MIGRATIONS: readonly string[] = [
  "0001_foundation",
  "0002_evidence",
  "0003_engagements",
  "0004_accounts",
  "0005_reports",
  "0006_jobs",
  "0007_audit_log_pages",
  "0009_result_recorders",
  "0011_policies",
  "0012_risks",
  "0013_requests",
  "0014_populations",
  "0015_workpapers",
  "0016_engagement_firm",
  "0017_people",
  "0018_training",
  "0019_vendors",
  "0020_notifications",
  "0021_findings",
  "0022_population_importer_email",
  "0023_access_reviews",
  "0025_checks",
  "0026_monitors",
];

const MIGRATION_TABLE = "attest_migration";
const MIGRATION_LOCK_TABLE = "attest_migration_lock";

/** esbuild bundles every file the pattern matches, each loaded only when a migration runs. */
const provider: MigrationProvider = {
  getMigrations: async () =>
    Object.fromEntries(
      await Promise.all(
        KNOWN_MIGRATIONS.map(async (name): Promise<[string, Migration]> => [
          name,
          (await import(`./migrations/${name}.ts`)) as Migration,
        ]),
      ),
    ),
};

/** Whether a table exists where unqualified names resolve (PostgreSQL honours search_path). */
async function tableExists(db: Db, name: string): Promise<boolean> {
  const query =
    db.engine === "postgres"
      ? sql<{ found: number }>`select 1 as found where to_regclass(${name}) is not null`
      : sql<{ found: number }>`select 1 as found from sqlite_master
          where type = 'table' and name = ${name}`;
  const result = await query.execute(db.kysely);
  return result.rows.length > 0;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  if (!(await tableExists(db, MIGRATION_TABLE))) return [];
  const result = await sql<{
    name: string;
  }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db.kysely);
  return result.rows.map((row) => row.name);
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
