/** Every row of every table, to prove a refused command changed nothing. */
import { sql } from "kysely";
import type { Db } from "../../src/db/connect.ts";

const TABLES = [
  "organizations",
  "organization_categories",
  "criterion_exclusions",
  "controls",
  "control_criteria",
  "audit_events",
  "criterion_texts",
] as const;

export async function snapshotDatabase(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db.kysely,
    );
    const lines = rows.rows.map((row) => JSON.stringify(row)).sort();
    parts.push(`${table}:${lines.length}\n${lines.join("\n")}`);
  }
  return parts.join("\n");
}
