/**
 * Connecting ahead (connect.ts warmUp): the open that follows uses the session already under
 * way instead of starting a second, and a session nothing took is closed. PostgreSQL only:
 * SQLite opens synchronously and warmUp does nothing for it.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { discardWarmUp, openDatabase, warmUp } from "./connect.ts";
import type { DatabaseTarget } from "./connect.ts";

let database: TestDatabase;
/** The test's database, its connections named by application (see sessions). */
let url: string;
let target: Extract<DatabaseTarget, { engine: "postgres" }>;
let application: string;

/** The sessions the server has open for this test's connections (named by application). */
async function sessions(): Promise<number> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    const result = await admin.query<{ count: string }>(
      "select count(*) from pg_stat_activity where application_name = $1",
      [application],
    );
    return Number(result.rows[0]?.count);
  } finally {
    await admin.end();
  }
}

async function waitFor(count: number): Promise<number> {
  let seen = await sessions();
  for (let tries = 0; seen !== count && tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await sessions();
  }
  return seen;
}

beforeEach(async () => {
  database = await createTestDatabase();
  application = `warm-${randomBytes(4).toString("hex")}`;
  if (database.target.engine === "postgres") {
    const separator = database.target.url.includes("?") ? "&" : "?";
    url = `${database.target.url}${separator}application_name=${application}`;
    target = { ...database.target, url };
  }
});
afterEach(async () => {
  discardWarmUp();
  await database.drop();
});

describe.skipIf(testEngine !== "postgres")("connecting ahead on PostgreSQL", () => {
  it("opens the database on the session already starting, not a second one", async () => {
    warmUp(target);
    const db = openDatabase(target);
    try {
      // Asked for at once, before the warmed connection can have been made.
      const result = await sql<{ one: number }>`select 1 as one`.execute(db.kysely);
      expect(result.rows).toEqual([{ one: 1 }]);
      expect(await sessions()).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("closes a warmed session that no open took", async () => {
    warmUp(target);
    expect(await waitFor(1)).toBe(1);
    discardWarmUp();
    expect(await waitFor(0)).toBe(0);
  });

  it("leaves another database's open to its own pool", async () => {
    warmUp({
      ...target,
      url: `${target.engine === "postgres" ? target.url : ""}&connect_timeout=5`,
    });
    const db = openDatabase(target);
    try {
      await sql`select 1`.execute(db.kysely);
      // The warmed session (another target) and this database's own.
      expect(await waitFor(2)).toBe(2);
    } finally {
      await db.close();
    }
  });
});
