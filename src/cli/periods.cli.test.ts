import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
  expect((await cli(env, "init", "--name", "Acme")).code).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

const create = (from: string, to: string, ...more: string[]) =>
  cli(
    env,
    "engagement",
    "create",
    "--type",
    "2",
    "--from",
    from,
    "--to",
    to,
    "--firm",
    "Ledger",
    ...more,
  );

describe("engagement create: period rules", () => {
  it("asks a reason past twelve months, refuses two years, and a gap without --confirm-gap", async () => {
    const long = await create("2024-01-01", "2025-01-31");
    expect(long.code).toBe(3);
    expect(long.err).toContain("--period-reason");
    const tooLong = await create(
      "2022-01-01",
      "2024-06-30",
      "--period-reason",
      "a very long first period",
    );
    expect(tooLong.code).toBe(3);
    expect(tooLong.err).toContain("over 2 years");
    expect((await create("2025-01-01", "2025-06-30")).code).toBe(0);

    const gap = await create("2025-09-01", "2026-02-28");
    expect(gap.code).toBe(3);
    expect(gap.err).toContain("2025-07-01 to 2025-08-31");
    expect(gap.err).toContain("--confirm-gap");
    const confirmed = json<{ number: number }>(
      await create("2025-09-01", "2026-02-28", "--confirm-gap", "--json"),
    );
    expect(confirmed.number).toBe(2);
  });
});
