/** Every row of every table, to prove a refused command changed nothing. */
import { sql } from "kysely";
import type { Db } from "../../src/db/connect.ts";

/** All the application's tables, found in the database itself so new ones are never missed. */
async function tableNames(db: Db): Promise<string[]> {
  const query =
    db.engine === "postgres"
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`;
  const rows = (await query.execute(db.kysely)).rows.map((row) => row.name);
  // The migrator's lock row flips while any process starts; it is not application data.
  return rows.filter((name) => name !== "attest_migration_lock").sort();
}

/** `except` names tables a refusal is meant to write to (the failed sign-in counter). */
export async function snapshotDatabase(db: Db, except: readonly string[] = []): Promise<string> {
  const parts: string[] = [];
  for (const table of (await tableNames(db)).filter((name) => !except.includes(name))) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db.kysely,
    );
    const lines = rows.rows.map((row) => JSON.stringify(row)).sort();
    parts.push(`${table}:${lines.length}\n${lines.join("\n")}`);
  }
  return parts.join("\n");
}
