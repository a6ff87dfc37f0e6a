/**
 * Versioned schema migrations, applied at start. Running them again changes nothing, and a
 * database that an newer Attest has migrated is refused rather than misread.
 */
import { Migrator } from "kysely";
import type { Kysely, Migration, MigrationProvider } from "kysely";
import { sql } from "kysely";
import { AppError } from "../domain/errors.ts";
import * as foundation from "./migrations/0001_foundation.ts";
import * as evidence from "./migrations/0002_evidence.ts";
import * as engagements from "./migrations/0003_engagements.ts";
import * as accounts from "./migrations/0004_accounts.ts";
import * as reports from "./migrations/0005_reports.ts";
import * as jobs from "./migrations/0006_jobs.ts";
import * as auditLogPages from "./migrations/0007_audit_log_pages.ts";
import * as resultRecorders from "./migrations/0009_result_recorders.ts";
import * as policies from "./migrations/0011_policies.ts";
import * as risks from "./migrations/0012_risks.ts";
import * as requests from "./migrations/0013_requests.ts";
import * as populations from "./migrations/0014_populations.ts";
import * as engagementFirm from "./migrations/0016_engagement_firm.ts";
import * as training from "./migrations/0018_training.ts";
import * as vendors from "./migrations/0019_vendors.ts";
import * as notifications from "./migrations/0020_notifications.ts";
import * as people from "./migrations/0017_people.ts";
import * as findings from "./migrations/0021_findings.ts";
import * as workpapers from "./migrations/0015_workpapers.ts";
// The importer's account on imported populations (issue 13's requests per sampled occurrence).
import * as populationImporter from "./migrations/0022_population_importer_email.ts";
// The availability monitor (issue 17).
import * as monitors from "./migrations/0026_monitors.ts";
// Access reviews (issue 16 part 3).
import * as accessReviews from "./migrations/0023_access_reviews.ts";
import type { Db } from "./connect.ts";

const MIGRATIONS: Record<string, Migration> = {
  "0001_foundation": foundation,
  "0002_evidence": evidence,
  "0003_engagements": engagements,
  "0004_accounts": accounts,
  "0005_reports": reports,
  "0006_jobs": jobs,
  "0007_audit_log_pages": auditLogPages,
  "0009_result_recorders": resultRecorders,
  "0011_policies": policies,
  "0012_risks": risks,
  "0013_requests": requests,
  "0014_populations": populations,
  "0016_engagement_firm": engagementFirm,
  "0018_training": training,
  "0019_vendors": vendors,
  "0020_notifications": notifications,
  "0017_people": people,
  "0021_findings": findings,
  "0015_workpapers": workpapers,
  "0022_population_importer_email": populationImporter,
  "0026_monitors": monitors,
  // Access reviews (issue 16 part 3).
  "0023_access_reviews": accessReviews,
};

export const KNOWN_MIGRATIONS = Object.keys(MIGRATIONS).sort();

const MIGRATION_TABLE = "attest_migration";
const MIGRATION_LOCK_TABLE = "attest_migration_lock";

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
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
