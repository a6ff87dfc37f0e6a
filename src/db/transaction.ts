/**
 * One way to run a unit of work: a transaction, with database constraint errors translated
 * into AppErrors here, in the repository layer, so nothing above knows SQL error codes.
 */
import { PostgresAdapter, sql } from "kysely";
import type { Kysely } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { AuditGuard } from "./audit-guard.ts";
import type { Db } from "./connect.ts";
import { readPipelined } from "./pipelined.ts";
import type { Database } from "./schema.ts";

/** A transaction or the database itself: what every repository function takes first. */
export type Tx = Kysely<Database>;

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function isUniqueViolation(error: DriverError): boolean {
  return (
    error.code === "23505" ||
    error.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    error.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

function isForeignKeyViolation(error: DriverError): boolean {
  return error.code === "23503" || error.code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

/** Which input a unique constraint guards, from its PostgreSQL name or SQLite's message. */
const UNIQUE_FIELDS: readonly [RegExp, string][] = [
  [/controls_org_ref_unique|controls\.ref/, "ref"],
  [/organizations_slug|organizations\.slug/, "name"],
  [/engagements_org_number|engagements\.number/, "number"],
];

function uniqueField(error: DriverError): string | undefined {
  const text = `${String(error.constraint ?? "")} ${String(error.message ?? "")}`;
  return UNIQUE_FIELDS.find(([pattern]) => pattern.test(text))?.[1];
}

export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== "object" || error === null) return error;
  const driverError = error as DriverError;
  if (isUniqueViolation(driverError)) {
    const field = uniqueField(driverError);
    return new AppError(
      "CONFLICT",
      `a record with the same ${field ?? "identifier"} already exists`,
      field === undefined ? [] : [{ field, message: "already used" }],
    );
  }
  if (driverError.code === "40P01" || driverError.code === "40001") {
    return new AppError(
      "CONFLICT",
      "another change to the same records happened at once; try again",
    );
  }
  if (isForeignKeyViolation(driverError)) {
    return new AppError("CONFLICT", "the record refers to something that does not exist");
  }
  return error;
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.kysely.transaction().execute(work);
  } catch (error) {
    throw translateDbError(error);
  }
}

/**
 * Reads that see one consistent snapshot, even across several queries, without taking the
 * write lock: REPEATABLE READ on PostgreSQL, a deferred BEGIN on SQLite (in WAL mode a read
 * transaction never blocks writers). On PostgreSQL, queries the work starts together go out
 * together, BEGIN with the first of them (pipelined.ts); the work waits for them all with
 * settleAll, not Promise.all.
 */
export async function read<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    if (db.engine === "postgres") return await readPipelined(db.kysely, work);
    return await db.kysely.connection().execute(async (connection) => {
      await sql`begin deferred`.execute(connection);
      try {
        return await work(connection);
      } finally {
        await sql`commit`.execute(connection);
      }
    });
  } catch (error) {
    throw translateDbError(error);
  }
}

/**
 * A read that is one statement: no transaction around it, which saves PostgreSQL two round
 * trips. Used on every request (who is calling, in which organization).
 */
export async function readOnce<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await work(db.kysely);
  } catch (error) {
    throw translateDbError(error);
  }
}

export function isPostgres(tx: Tx): boolean {
  return tx.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Serializes writers of one organization for the rest of the transaction. SQLite already
 * serializes every writer (BEGIN IMMEDIATE); PostgreSQL needs a row lock.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  if (isPostgres(tx)) {
    await sql`select id from organizations where id = ${organizationId} for update`.execute(tx);
  }
}

/**
 * A write transaction for one organization. The organization row is locked first: taking it
 * later (when the audit event is appended) deadlocks on PostgreSQL against the key-share
 * locks that foreign-key inserts of another writer already hold. Writers of one organization
 * therefore take turns on both engines, and see the same outcomes.
 *
 * The work runs under an AuditGuard: if it changed rows but appended no audit event, the
 * transaction is rolled back with an INTERNAL error rather than committed unrecorded.
 */
export async function inOrgTransaction<T>(
  db: Db,
  scope: OrgScope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (tx) => {
    await lockOrganization(tx, scope.organizationId);
    return audited(tx, work);
  });
}

/** Runs the work under an AuditGuard and refuses to let it commit rows without an event. */
async function audited<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const guard = new AuditGuard();
  const result = await work(tx.withPlugin(guard));
  guard.assertEvidenced();
  return result;
}

/** Serializes the creation of organizations, so two cannot claim the same slug at once. */
async function lockOrganizationCreation(tx: Tx): Promise<void> {
  if (isPostgres(tx)) {
    await sql`select pg_advisory_xact_lock(hashtext('attest:create-organization'))`.execute(tx);
  }
}

/**
 * The transaction that creates an organization: there is no organization row to lock yet, so
 * creations take turns instead; the same guard as inOrgTransaction holds its writes to their
 * first event (organization.created).
 */
export async function inOrganizationCreation<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    await lockOrganizationCreation(tx);
    return audited(tx, work);
  });
}
