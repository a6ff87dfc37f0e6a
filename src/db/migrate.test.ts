import { readdirSync } from "node:fs";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { openDatabase } from "./connect.ts";
import type { Db } from "./connect.ts";
import { KNOWN_MIGRATIONS, migrateToLatest } from "./migrate.ts";

let database: TestDatabase;
let db: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.target);
});
afterEach(async () => {
  await db.close();
  await database.drop();
});

describe("migrations", () => {
  it("knows every file in the migrations folder, in order, and no other name", () => {
    const files = readdirSync(new URL("./migrations/", import.meta.url))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => name.replace(/\.ts$/, ""))
      .sort();
    expect(KNOWN_MIGRATIONS).toEqual(files);
  });

  it("applies every migration once and changes nothing when run again", async () => {
    const first = await migrateToLatest(db);
    expect(first.applied).toEqual(KNOWN_MIGRATIONS);
    const second = await migrateToLatest(db);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(KNOWN_MIGRATIONS.at(-1));
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["organizations", "controls", "audit_events"]));
  });

  it("refuses a database migrated by a newer Attest, with a clear message", async () => {
    await migrateToLatest(db);
    await sql`insert into attest_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`.execute(
      db.kysely,
    );
    await expect(migrateToLatest(db)).rejects.toThrow(
      `migrated by a newer version of Attest (it has 9999_from_the_future; this version knows up to ${KNOWN_MIGRATIONS.at(-1)})`,
    );
  });

  it.runIf(testEngine === "postgres")(
    "sees only its own schema's tables, so another schema dropped meanwhile cannot fail it",
    async () => {
      const other = await createTestDatabase();
      const otherDb = openDatabase(other.target);
      try {
        await migrateToLatest(otherDb);
        await sql`create table only_elsewhere (id text)`.execute(otherDb.kysely);
        await migrateToLatest(db);
        const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
        expect(tables.map((t) => t.name)).toContain("attest_migration");
        expect(tables.map((t) => t.name)).not.toContain("only_elsewhere");
        expect(new Set(tables.map((t) => t.schema)).size).toBe(1);
      } finally {
        await otherDb.close();
        await other.drop();
      }
    },
  );
});
