/**
 * One way to run a unit of work: a transaction, with database constraint errors translated
 * into AppErrors here, in the repository layer, so nothing above knows SQL error codes.
 */
import { PostgresAdapter, sql } from "kysely";
import type { Kysely } from "kysely";
import { AppError } from "../domain/errors.ts";
import type { Db } from "./connect.ts";
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

export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== "object" || error === null) return error;
  const driverError = error as DriverError;
  if (isUniqueViolation(driverError)) {
    return new AppError("CONFLICT", "a record with the same identifier already exists");
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
 * transaction never blocks writers).
 */
export async function read<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    if (db.engine === "postgres") {
      return await db.kysely
        .transaction()
        .setIsolationLevel("repeatable read")
        .setAccessMode("read only")
        .execute(work);
    }
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
 * Serializes writers of one organization for the rest of the transaction. SQLite already
 * serializes every writer (BEGIN IMMEDIATE); PostgreSQL needs a row lock.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select id from organizations where id = ${organizationId} for update`.execute(tx);
  }
}
