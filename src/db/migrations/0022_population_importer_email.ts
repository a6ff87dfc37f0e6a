/**
 * Who imported a population, by account as well as by name: each sampled occurrence of an
 * imported population becomes a request for its evidence, addressed to the control's owner or,
 * when it has none, to whoever imported the rows. Imports made before keep null: their
 * requests go to the control's owner only.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("population_imports").addColumn("imported_by_email", "text").execute();
}
