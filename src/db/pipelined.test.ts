/**
 * Reads in one transaction that go out together (pipelined.ts): each query still gets its own
 * answer, a failure fails the read only once every query has finished, and on PostgreSQL the
 * queries started together are on their way to the server before the first answer is read.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { openDatabase } from "./connect.ts";
import type { Db } from "./connect.ts";
import { settleAll } from "./pipelined.ts";
import { read } from "./transaction.ts";
import type { Tx } from "./transaction.ts";

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

const number = async (tx: Tx, n: number) =>
  (await sql<{ n: number }>`select ${n} as n`.execute(tx)).rows[0]?.n;

/** Blocks this thread, event loop and all, as a busy client would. */
function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe("reads that go out together", () => {
  it("gives each of many queries started at once its own answer", async () => {
    const wanted = Array.from({ length: 40 }, (_, i) => i * 7);
    const answers = await read(db, (tx) => settleAll(wanted.map((n) => number(tx, n))));
    expect(answers.map(Number)).toEqual(wanted);
  });

  it("fails with the first failure, and the database answers the next read", async () => {
    const failure = await read(db, (tx) =>
      settleAll([number(tx, 1), sql`select * from no_such_table`.execute(tx), number(tx, 2)]),
    ).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/no_such_table/);
    expect(Number(await read(db, (tx) => number(tx, 3)))).toBe(3);
  });

  it("waits for every read before it throws", async () => {
    let laterRead = "not finished";
    const failing = Promise.reject(new Error("the first read failed"));
    const later = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      laterRead = "finished";
    })();
    await expect(settleAll([failing, later])).rejects.toThrow("the first read failed");
    expect(laterRead).toBe("finished");
  });

  it("refuses a transaction inside the read", async () => {
    const nested = read(db, (tx) => tx.transaction().execute((inner) => number(inner, 1)));
    await expect(nested).rejects.toThrow(/transaction/);
  });
});

describe.skipIf(testEngine !== "postgres")("pipelined reads on PostgreSQL", () => {
  it("refuses a transaction inside the read rather than send BEGIN on its connection", async () => {
    // PostgreSQL only warns at a second BEGIN, and the inner COMMIT would end the read's own
    // transaction: the view's driver must refuse before anything is sent.
    const nested = read(db, (tx) => tx.transaction().execute((inner) => number(inner, 1)));
    await expect(nested).rejects.toThrow(
      "a pipelined read cannot open a transaction inside its own",
    );
  });

  it("sends queries started together before the first answer is read", async () => {
    const [first, second] = await read(db, async (tx) => {
      const slow = sql<{ at: Date }>`select clock_timestamp() as at from pg_sleep(0.2)`.execute(tx);
      const quick = sql<{ at: Date }>`select clock_timestamp() as at`.execute(tx);
      // Let both reach the connection, then keep the client busy well past the slow query:
      // a second query sent only once the first answer is read would start after the wait.
      await new Promise((resolve) => setImmediate(resolve));
      block(600);
      return settleAll([slow, quick]);
    });
    const gap = Number(second.rows[0]?.at) - Number(first.rows[0]?.at);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(200);
  });

  it("runs the work's first query inside the read-only snapshot its BEGIN went out with", async () => {
    const [settings] = await read(db, (tx) =>
      settleAll([
        sql<{ isolation: string; readOnly: string }>`select
          current_setting('transaction_isolation') as "isolation",
          current_setting('transaction_read_only') as "readOnly"`.execute(tx),
        number(tx, 1),
      ]),
    );
    expect(settings.rows[0]).toEqual({ isolation: "repeatable read", readOnly: "on" });
    const write = read(db, (tx) => sql`create table written_in_a_read (id int)`.execute(tx));
    await expect(write).rejects.toMatchObject({ code: "25006" });
  });

  it("refuses a query asked for once the read has ended, rather than run it outside", async () => {
    let kept: Tx | undefined;
    await read(db, async (tx) => {
      kept = tx;
      return number(tx, 1);
    });
    if (kept === undefined) throw new Error("the read did not run");
    await expect(number(kept, 2)).rejects.toThrow("a pipelined read has ended");
  });

  it("runs a query started after another failed inside the failed transaction", async () => {
    let lateOutcome = "";
    const failure = await read(db, (tx) =>
      settleAll([
        sql`select * from no_such_table`.execute(tx),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          lateOutcome = await number(tx, 1).then(
            () => "answered",
            (error: unknown) => String((error as { code?: unknown }).code),
          );
        })(),
      ]),
    ).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/no_such_table/);
    // 25P02: in a transaction already failed, so before it ended, not after.
    expect(lateOutcome).toBe("25P02");
  });
});
