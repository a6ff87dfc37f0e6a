/**
 * An engagement's auditors are the accounts assigned to it (auditor_assignments); the names
 * typed when it was created become the firm's team. The column is renamed, so every
 * engagement keeps the names it had, under what they now mean.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("engagements").renameColumn("auditors", "firm_team").execute();
}
