/** `attest access-review`: start from a CSV, status with each flag's reason, decide, complete. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountRows, accountsCsv, registerCsv } from "../../test/support/access-review.ts";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let dir: string;
beforeEach(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "attest-access-review-"));
});
afterEach(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

async function run(...argv: string[]) {
  const result = await cli(database.env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

interface Status {
  ref: string;
  accounts: number;
  decided: number;
  flagged: number;
  status: string;
  sha256: string | null;
  flaggedAccounts: { account: string; flags: string[]; reason: string }[];
}

describe("attest access-review", () => {
  it("flags the leavers, unknown and privileged accounts, then decides and completes", async () => {
    await run("init", "--name", "Acme");
    await run("users", "add", "--email", "maya@acme.example", "--name", "Maya", "--role", "owner");
    await run("people", "import", file("people.csv", registerCsv(200)));

    // A bad file refuses the whole start, naming its lines.
    const bad = await cli(
      database.env,
      "access-review",
      "start",
      "--system",
      "GitHub",
      "--accounts",
      file("bad.csv", "account,email,privileged\nana,ana@acme.example,true\nbo,,false\n"),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("line 3, email: is empty");
    expect(json<unknown[]>(await run("access-review", "list", "--json"))).toEqual([]);

    const started = json<Status>(
      await run(
        "access-review",
        "start",
        "--system",
        "GitHub",
        "--accounts",
        file("github.csv", accountsCsv(accountRows(200))),
        "--json",
      ),
    );
    expect(started).toMatchObject({ ref: "AR-1", accounts: 200, flagged: 9, status: "open" });

    const status = json<Status>(await run("access-review", "status", "AR-1", "--json"));
    const byFlag = (flag: string) =>
      status.flaggedAccounts.filter((a) => a.flags.includes(flag)).map((a) => a.account);
    expect(byFlag("leaver").sort()).toEqual(["lee.left", "max.gone", "ola.out"]);
    expect(byFlag("unknown").sort()).toEqual(["ci-bot", "contractor"]);
    expect(byFlag("privileged").sort()).toEqual(["hana", "person100", "person150", "person50"]);
    const text = (await run("access-review", "status", "AR-1")).out;
    expect(text).toContain("Flagged accounts (9)");
    expect(text).toMatch(/lee\.left\s+lee\.left@acme\.example\s+leaver/);
    expect(text).toContain("no one in the people register has this email");

    // Keeping a flagged account needs a comment; the CLI's reviewer is Maya.
    const refused = await cli(database.env, "access-review", "decide", "AR-1", "lee.left", "keep");
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("needs a comment saying why");
    for (const account of ["lee.left", "max.gone", "ola.out", "ci-bot", "contractor"]) {
      await run("access-review", "decide", "AR-1", account, "remove", "--comment", "no access");
    }
    for (const account of ["hana", "person50", "person100", "person150"]) {
      await run("access-review", "decide", "AR-1", account, "keep", "--comment", "admin");
    }
    const incomplete = await cli(database.env, "access-review", "complete", "AR-1");
    expect(incomplete.err).toContain("191 of 200 accounts are not decided");
    expect((await run("access-review", "decide", "AR-1", "--keep-unflagged")).out).toBe(
      "AR-1: 200/200 decided, 9 flagged.\n",
    );

    const done = (await run("access-review", "complete", "AR-1")).out;
    expect(done).toMatch(/^Completed AR-1 on 2026-03-02: snapshot SHA-256 [0-9a-f]{64}, evidence /);
    const [summary] = json<Status[]>(await run("access-review", "list", "--json"));
    expect(summary).toMatchObject({ ref: "AR-1", status: "completed", decided: 200 });
    const tasks = json<{ source: string; title: string }[]>(await run("tasks", "--json")).filter(
      (t) => t.source === "access-review",
    );
    expect(tasks.map((t) => t.title).sort()).toEqual([
      "Remove the access of ci-bot on GitHub",
      "Remove the access of contractor on GitHub",
      "Remove the access of lee.left on GitHub",
      "Remove the access of max.gone on GitHub",
      "Remove the access of ola.out on GitHub",
    ]);
  });
});
