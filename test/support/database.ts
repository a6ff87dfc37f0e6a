/**
 * A fresh, private database for each test: a SQLite file in a temporary folder, or, when
 * TEST_DATABASE_URL is set, a new schema on that PostgreSQL server. Runs never see each
 * other's rows, and everything is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { SQLITE_FILE_NAME, openDatabase } from "../../src/db/connect.ts";
import type { DatabaseTarget } from "../../src/db/connect.ts";
import { closeContext, openContext } from "../../src/services/context.ts";
import type { ContextOptions, ServiceContext } from "../../src/services/context.ts";

export const testEngine = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

export interface TestDatabase {
  target: DatabaseTarget;
  /** Environment for a CLI process or runCli call that should use this database. */
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "attest-test-"));
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === "") {
    return {
      target: { engine: "sqlite", file: path.join(dataDir, SQLITE_FILE_NAME) },
      env: { ATTEST_DATA_DIR: dataDir },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(8).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = url.includes("?") ? "&" : "?";
  return {
    target: { engine: "postgres", url, schema },
    env: {
      ATTEST_DATA_DIR: dataDir,
      DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs SQL against a test database behind the application's back (to simulate tampering). */
export async function tamperWith(database: TestDatabase, statement: string): Promise<void> {
  const db = openDatabase(database.target);
  try {
    await sql.raw(statement).execute(db.kysely);
  } finally {
    await db.close();
  }
}

export interface TestContext {
  ctx: ServiceContext;
  database: TestDatabase;
  /** Moves the test clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** What a test may set on its context besides the clock. */
export type TestContextOptions = Pick<
  ContextOptions,
  "maxEvidenceBytes" | "sessions" | "mailer" | "publicUrl"
>;

export async function createTestContext(
  start = new Date("2026-03-02T09:00:00Z"),
  options: TestContextOptions = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  let now = start.getTime();
  const ctx = await openContext({
    ...options,
    database: database.target,
    dataDir: database.dataDir,
    now: () => new Date(now),
  });
  return {
    ctx,
    database,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      await closeContext(ctx);
      await database.drop();
    },
  };
}
