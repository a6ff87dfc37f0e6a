/**
 * Opens the database: a SQLite file under the data directory by default, PostgreSQL when a
 * URL is given. Everything above this file sees one Kysely<Database> and never the engine.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
} from "kysely";
import type {
  DatabaseConnection,
  DatabaseIntrospector,
  DialectAdapter,
  Driver,
  SqliteDialectConfig,
} from "kysely";
import type pg from "pg";
import { CurrentSchemaIntrospector } from "./pg-introspector.ts";
import type { Database } from "./schema.ts";

/**
 * Each engine's driver is loaded when a database of that engine is opened, so a CLI command
 * on SQLite never loads the PostgreSQL client (and the reverse): better-sqlite3 (a native
 * addon) by a synchronous require, pg by an import when Kysely first asks for the pool (the
 * CLI build bundles it into a chunk of its own).
 */
const loadPackage = createRequire(import.meta.url);
const sqliteDriver = () => loadPackage("better-sqlite3") as typeof SQLite;

export type Engine = "sqlite" | "postgres";

export type DatabaseTarget =
  { engine: "sqlite"; file: string } | { engine: "postgres"; url: string; schema?: string };

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = "attest.sqlite";

/** How long a writer waits for another process's write to finish before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * SQLite's plain BEGIN takes the write lock only at the first write, and a reader that tries
 * to upgrade while another process writes fails at once with SQLITE_BUSY (busy_timeout does
 * not apply). BEGIN IMMEDIATE takes the write lock up front, so a second process (the CLI
 * while the server runs) waits its turn instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/**
 * SQLite does run DDL inside transactions. Saying so makes Kysely's migrator run in one
 * (BEGIN IMMEDIATE), which is what keeps two processes starting at once from both migrating.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #dialectConfig: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#dialectConfig = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#dialectConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openSqlite(file: string): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new (sqliteDriver())(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  reusePreparedStatements(sqlite);
  const kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
  });
  return { engine: "sqlite", kysely, close: () => kysely.destroy() };
}

/** PostgreSQL as Kysely knows it, but looking only at the current schema (pg-introspector.ts). */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

async function makePool(url: string, schema: string | undefined): Promise<pg.Pool> {
  const { Pool } = (await import("pg")).default;
  const made = new Pool({
    connectionString: url,
    max: 10,
    // Queries asked for together on one connection are sent together (db/pipelined.ts);
    // one at a time, as Kysely otherwise runs them, nothing changes.
    pipeline: true,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    // An idle connection does not keep the process alive: see close().
    allowExitOnIdle: true,
  });
  made.on("connect", preparePerRequestStatements);
  return made;
}

/**
 * A pool with one connection under way, for the next openDatabase of the same target (warmUp).
 * `ready` settles once that connection is made (or has failed): a query asked for before then
 * would make the pool open a second connection instead of waiting for the first.
 */
let warming: { key: string; ready: Promise<pg.Pool> } | undefined;
const poolKey = (url: string, schema: string | undefined) => `${schema ?? ""} ${url}`;

/**
 * Starts connecting to PostgreSQL before the database is opened: the server takes some 10 ms
 * to start a session, which a command can spend loading its code instead. The next
 * openDatabase of the same target takes this pool. A failure here is left for that open to
 * meet and report. Nothing to do for SQLite, whose open is synchronous.
 */
export function warmUp(target: DatabaseTarget): void {
  if (target.engine !== "postgres") return;
  discardWarmUp();
  const ready = makePool(target.url, target.schema).then((pool) =>
    pool.connect().then(
      (client) => {
        client.release();
        return pool;
      },
      () => pool,
    ),
  );
  warming = { key: poolKey(target.url, target.schema), ready };
}

/** Closes a warmed pool that no open took (the command failed before it reached the database). */
export function discardWarmUp(): void {
  const unused = warming?.ready;
  warming = undefined;
  void unused?.then((pool) => pool.end()).catch(() => undefined);
}

function openPostgres(url: string, schema: string | undefined): Db {
  const key = poolKey(url, schema);
  const warmed = warming?.key === key ? warming.ready : undefined;
  if (warmed !== undefined) warming = undefined;
  const pool = () => warmed ?? makePool(url, schema);
  const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return {
    engine: "postgres",
    kysely,
    // Each connection says goodbye (Terminate) at once, and nothing waits for the server to
    // close its side: that wait cost every command some 10 ms and tells the process nothing.
    close: async () => {
      void kysely.destroy().catch(() => undefined);
    },
  };
}

/**
 * Marks a statement that runs on every request (who is calling, in which organization): its
 * SQL text begins with this comment. SQLite needs nothing more, as every statement is prepared
 * once (below), with one caution for those statements: SQLite prepares a join again at every
 * run when a parameter compared in its WHERE clause might change the plan (in 3.54, any
 * equality with a parameter, whatever its value), so they take such values from a one-row
 * table (`with given(...) as (values (...))`) and compare columns with columns.
 */
export const PER_REQUEST = "/* per-request */";

/** Errors that mean the server no longer has, or no longer accepts, a statement we prepared. */
const STALE_STATEMENT = new Set([
  "0A000", // cached plan must not change result type: a migration changed a table since
  "26000", // prepared statement does not exist: a pooler moved us to another connection
  "42P05", // prepared statement already exists: the same, the other way round
]);

const statementNames = new Map<string, string>();

/**
 * On PostgreSQL, parsing and planning the per-request statements cost about as much server
 * time as running them. Each is therefore prepared once per connection, as a named statement.
 * Only those: a name per distinct text would pile up on the server without bound. Should the
 * server refuse a prepared statement, this connection goes back to unnamed ones.
 */
function preparePerRequestStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let naming = true;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (!naming || args.length !== 2 || typeof text !== "string" || !text.startsWith(PER_REQUEST)) {
      return query(...args);
    }
    let name = statementNames.get(text);
    if (name === undefined) {
      name = `per_request_${statementNames.size}`;
      statementNames.set(text, name);
    }
    return query({ name, text, values }).catch((error: unknown) => {
      if (!STALE_STATEMENT.has(String((error as { code?: unknown }).code))) throw error;
      naming = false;
      return query(text, values);
    });
  }) as typeof client.query;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running the small queries a
 * request makes. Statements are kept by their SQL text (parameters are bound per run), and
 * each is used to completion before the next call, so sharing one is safe.
 */
function reusePreparedStatements(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
      cache.set(source, statement);
    }
    return statement;
  }) as SQLite.Database["prepare"];
}

export function openDatabase(target: DatabaseTarget): Db {
  return target.engine === "sqlite"
    ? openSqlite(target.file)
    : openPostgres(target.url, target.schema);
}
