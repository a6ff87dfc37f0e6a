import { sql } from "kysely";
import { KNOWN_MIGRATIONS } from "../../db/migrate.ts";
import { read } from "../../db/transaction.ts";
import type { ServiceContext } from "./context.ts";

export interface Health {
  status: "ok";
  database: string;
  schema: string;
}

/** Answers only when the database does: a load balancer should not send traffic otherwise. */
export async function checkHealth(ctx: ServiceContext): Promise<Health> {
  await read(ctx.db, (tx) => sql`select 1`.execute(tx));
  return { status: "ok", database: ctx.db.engine, schema: KNOWN_MIGRATIONS.at(-1) ?? "none" };
}
