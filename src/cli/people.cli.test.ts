/** `attest people`: import (refused whole on a bad row), list, show, complete a step. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { peopleCsv, workforce } from "../../test/support/people.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function people(...argv: string[]) {
  const result = await cli(database.env, "people", ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

describe("attest people", () => {
  it("imports a CSV file, lists the register and shows a leaver's checklist", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const file = join(database.dataDir, "people.csv");
    const leaver = { email: "sam@acme.example", name: "Sam Leaver", start: "2024-01-08" };
    await writeFile(file, peopleCsv(workforce(5, "acme.example", [leaver])));
    const first = await people("import", file);
    expect(first.out).toBe("Imported 6 rows: 6 created, 0 updated, 0 ended, 0 unchanged.\n");

    // The same file with an end date for Sam, a week before the CLI's test clock (2 March 2026).
    const lastWeek = "2026-02-23";
    await writeFile(file, peopleCsv(workforce(5, "acme.example", [{ ...leaver, end: lastWeek }])));
    const second = json<{ ended: { email: string; line: number }[] }>(
      await people("import", file, "--json"),
    );
    expect(second.ended).toEqual([{ line: 7, email: "sam@acme.example", name: "Sam Leaver" }]);

    const list = await people("list");
    expect(list.out).toMatch(/sam@acme\.example\s+Sam Leaver\s+employee\s+left/);
    expect(list.out).toContain("Overdue: Access removed in every system for Sam Leaver (AC-05)");
    const shown = json<{ checklists: { kind: string; steps: { id: string; state: string }[] }[] }>(
      await people("show", "sam@acme.example", "--json"),
    );
    expect(shown.checklists.map((c) => c.kind)).toEqual(["leaver"]);
    const step = shown.checklists[0]?.steps[0];
    expect(step?.state).toBe("overdue");

    const done = await people("complete", step?.id ?? "", "--note", "suspended in the IdP");
    expect(done.out).toMatch(/Access removed in every system\s+done/);
  });

  it("refuses a file with a bad row, naming the line and field, and exits non-zero", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const file = join(database.dataDir, "bad.csv");
    await writeFile(
      file,
      peopleCsv([
        { email: "a@acme.example", name: "A" },
        { email: "b@acme.example", name: "B", type: "intern" as "employee" },
      ]),
    );
    const result = await cli(database.env, "people", "import", file);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('line 3, type: "intern" is not employee or contractor');
    const list = json<{ items: unknown[] }>(await people("list", "--json"));
    expect(list.items).toEqual([]);
  });
});
