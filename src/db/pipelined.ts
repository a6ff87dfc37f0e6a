/**
 * Reads that go out together. Kysely runs one query at a time on a transaction's connection:
 * a query waits for the previous one's answer before it is sent, so a read of twenty small
 * queries costs twenty round trips, each with the server idle while the client works and the
 * client idle while the server does. On PostgreSQL the connections run in pipeline mode
 * (connect.ts), and the view below hands queries to the connection as soon as they are asked
 * for: queries started together are written together, answered in order, and cost about one
 * round trip. SQLite answers in-process, so it has nothing to gain.
 */
import { Kysely, sql } from "kysely";
import type { DatabaseConnection, Dialect, Driver } from "kysely";
import type { Database } from "./schema.ts";

/** A transaction (transaction.ts's Tx, named here without importing it back). */
type Tx = Kysely<Database>;

const refuse = (what: string) => () => Promise.reject(new Error(`a pipelined read cannot ${what}`));

/**
 * What the view must never do on its own: open a transaction inside the one it reads in,
 * take another connection, or close the pool. Kysely asks its driver for these only.
 */
const NO_DRIVER: Driver = {
  init: async () => undefined,
  acquireConnection: refuse("take a connection of its own"),
  beginTransaction: refuse("open a transaction inside its own"),
  commitTransaction: refuse("commit"),
  rollbackTransaction: refuse("roll back"),
  releaseConnection: async () => undefined,
  destroy: async () => undefined,
};

const NO_DIALECT: Dialect = {
  createDriver: () => NO_DRIVER,
  createQueryCompiler: () => {
    throw new Error("a pipelined read compiles with its transaction's compiler");
  },
  createAdapter: () => {
    throw new Error("a pipelined read uses its transaction's adapter");
  },
  createIntrospector: () => {
    throw new Error("a pipelined read cannot introspect the database");
  },
};

/**
 * `held` (Kysely on one connection) with its queries sent as soon as they are asked for rather
 * than one after another. It keeps the compiler and plugins, and refuses any query once
 * `ended` says the read is over: it would otherwise run after the transaction, outside it.
 */
async function pipelined(held: Tx, ended: () => boolean): Promise<Tx> {
  const executor = held.getExecutor();
  const connection = await executor.provideConnection(async (one: DatabaseConnection) => one);
  return new Kysely<Database>({
    config: { dialect: NO_DIALECT },
    dialect: NO_DIALECT,
    driver: NO_DRIVER,
    executor: executor.withConnectionProvider({
      provideConnection: (use) =>
        ended() ? Promise.reject(new Error("a pipelined read has ended")) : use(connection),
    }),
  });
}

/**
 * A read-only REPEATABLE READ transaction on one PostgreSQL connection, its queries sent as
 * they are asked for. BEGIN goes out with the work's first queries rather than a round trip
 * ahead of them: were it to fail, those queries would run in no transaction, but the read
 * fails with BEGIN's error before anything is returned. COMMIT waits for the work.
 */
export async function readPipelined<T>(kysely: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return kysely.connection().execute(async (held) => {
    let ended = false;
    const view = await pipelined(held, () => ended);
    // Its outcome is taken now, so that a failed BEGIN is not an unhandled rejection while
    // the work runs; it is thrown below.
    const begun = sql`start transaction isolation level repeatable read, read only`
      .execute(held)
      .then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    try {
      const result = await work(view);
      const failed = await begun;
      if (failed !== undefined) throw failed.error;
      ended = true;
      await sql`commit`.execute(held);
      return result;
    } catch (error) {
      ended = true;
      await begun;
      await sql`rollback`.execute(held).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Promise.all for reads that share a transaction: it waits for every one to finish before it
 * answers or throws the first failure. Promise.all would throw at the first failure while the
 * others still send queries, which would then run after the transaction ended.
 */
export async function settleAll<T extends readonly unknown[]>(
  reads: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled: PromiseSettledResult<unknown>[] = await Promise.allSettled(reads);
  const values: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === "rejected") throw outcome.reason;
    values.push(outcome.value);
  }
  return values as unknown as T;
}
