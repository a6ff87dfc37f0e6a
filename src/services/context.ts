/** What every service call runs with: the database and a clock (tests set the time). */
import { openDatabase } from "../db/connect.ts";
import type { Db, DatabaseTarget } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";

export interface ServiceContext {
  db: Db;
  now: () => Date;
}

/** Opens the database, brings its schema up to date, and returns the context. */
export async function openContext(
  target: DatabaseTarget,
  now: () => Date = () => new Date(),
): Promise<ServiceContext> {
  const db = openDatabase(target);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, now };
}

export async function closeContext(ctx: ServiceContext): Promise<void> {
  await ctx.db.close();
}
