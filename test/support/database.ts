/**
 * A fresh, private database for each test: a SQLite file in a temporary folder, or, when
 * TEST_DATABASE_URL is set, a new schema on that PostgreSQL server. Runs never see each
 * other's rows, and everything is dropped afterwards. With TEST_BLOB_URL=s3, evidence files
 * go to a local S3 server (test/support/s3.ts) instead of the engine's own store.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { SQLITE_FILE_NAME, openDatabase } from "../../src/db/connect.ts";
import type { DatabaseTarget } from "../../src/db/connect.ts";
import type { S3Target } from "../../src/db/blobs/s3-store.ts";
import { closeContext, openContext } from "../../src/services/platform/context.ts";
import type { ContextOptions, ServiceContext } from "../../src/services/platform/context.ts";

export const testEngine = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

export type TestBlobs = "engine" | "s3";
/** Where evidence files go in this run: the engine's own store, or S3 (TEST_BLOB_URL=s3). */
export const testBlobs: TestBlobs = process.env.TEST_BLOB_URL === "s3" ? "s3" : "engine";

export interface TestDatabase {
  target: DatabaseTarget;
  /** Environment for a CLI process or runCli call that should use this database. */
  env: Record<string, string>;
  dataDir: string;
  /** Where evidence files go when not in the engine's own store. */
  blobStore: S3Target | null;
  drop(): Promise<void>;
}

/** A fresh prefix on this worker's local S3 server, and the environment that reaches it. */
async function testBlobStore(blobs: TestBlobs) {
  if (blobs === "engine") return { blobStore: null, blobEnv: {} };
  const { s3Env, s3TestTarget } = await import("./s3.ts");
  const blobStore = await s3TestTarget();
  const blobEnv = s3Env(blobStore);
  // The SDK finds its keys in process.env, also for CLI commands run in this process.
  process.env.AWS_ACCESS_KEY_ID = blobEnv.AWS_ACCESS_KEY_ID;
  process.env.AWS_SECRET_ACCESS_KEY = blobEnv.AWS_SECRET_ACCESS_KEY;
  return { blobStore, blobEnv };
}

export async function createTestDatabase(blobs: TestBlobs = testBlobs): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "attest-test-"));
  const url = process.env.TEST_DATABASE_URL;
  const { blobStore, blobEnv } = await testBlobStore(blobs);
  if (url === undefined || url === "") {
    return {
      target: { engine: "sqlite", file: path.join(dataDir, SQLITE_FILE_NAME) },
      env: { ATTEST_DATA_DIR: dataDir, ...blobEnv },
      dataDir,
      blobStore,
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
      ...blobEnv,
    },
    dataDir,
    blobStore,
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
  "maxEvidenceBytes" | "sessions" | "mailer" | "publicUrl" | "allowPrivateWebhooks" | "monitorCa"
> & {
  /** Evidence files in S3 for this test, whatever TEST_BLOB_URL says. */
  blobs?: TestBlobs;
};

export async function createTestContext(
  start = new Date("2026-03-02T09:00:00Z"),
  options: TestContextOptions = {},
): Promise<TestContext> {
  const { blobs, ...contextOptions } = options;
  const database = await createTestDatabase(blobs);
  let now = start.getTime();
  const ctx = await openContext({
    // The tests' receivers listen on 127.0.0.1.
    allowPrivateWebhooks: true,
    ...contextOptions,
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
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
