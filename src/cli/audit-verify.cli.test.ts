/**
 * `attest audit-log verify` on the demo organization tampered with by direct SQL: exit 6 and
 * the records named, one case at a time; exit 0 on the demo as loaded and once put back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { TAMPER_CASES, openForTampering } from "../../test/support/tampering.ts";

let database: TestDatabase;
let db: ReturnType<typeof openForTampering>;
// Named: a tampering case makes a second owner, and the command line then asks who acts.
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...database.env, ATTEST_AS: "maya@northwind.example" };
  expect((await cli(database.env, "demo")).code).toBe(0);
  db = openForTampering(database);
}, 180_000);
afterAll(async () => {
  await db.close();
  await database.drop();
});

describe("attest audit-log verify against direct SQL", () => {
  it("exits 0 on the demo as loaded", async () => {
    const verified = await cli(env, "audit-log", "verify");
    expect(verified.err).toBe("");
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/chain intact; .* records checked against the trail, 0 differ/);
  });

  for (const tamperCase of TAMPER_CASES) {
    it(`exits 6 on ${tamperCase.name}`, async () => {
      const tampered = await tamperCase.apply(db.kysely);
      try {
        const broken = await cli(env, "audit-log", "verify");
        expect(broken.code).toBe(6);
        expect(broken.out).toContain(`${tampered.expected.length} differ`);
        for (const line of tampered.expected) expect(broken.out).toContain(`Record ${line}\n`);
      } finally {
        await tampered.undo();
      }
      expect((await cli(env, "audit-log", "verify")).code).toBe(0);
    });
  }
});
