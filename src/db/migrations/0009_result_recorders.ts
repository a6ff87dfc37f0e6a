/**
 * Who recorded a test or a result: the auditor's account (by email), and, when the owner
 * entered it on the auditor's behalf, the owner's name. Rows recorded before keep null in both:
 * their tester was free text.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("engagement_tests").addColumn("tester_email", "text").execute();
  await db.schema.alterTable("engagement_tests").addColumn("entered_by", "text").execute();
  await db.schema.alterTable("engagement_results").addColumn("recorded_by_email", "text").execute();
  await db.schema.alterTable("engagement_results").addColumn("entered_by", "text").execute();
}
