import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rewriteZip } from "../../test/support/bundles.ts";
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

/** Somewhere no database is, nor could be opened: verify must not need one. */
const NO_DATABASE = {
  ATTEST_DATA_DIR: "/nonexistent/attest",
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
};

describe("attest bundle and signing-key", () => {
  it("builds a bundle, verifies it offline, and names each problem of a tampered copy", async () => {
    const file = path.join(database.dataDir, "review.csv");
    writeFileSync(file, "user,access\nana,admin\n");
    const created = await cli(
      env,
      ...["engagement", "create", "--type", "2", "--from", "2025-01-01", "--to", "2025-12-31"],
      ...["--firm", "Ledger & Co"],
    );
    expect(created.code, created.err).toBe(0);
    for (const control of ["AC-06", "CM-01"]) {
      const added = await cli(
        env,
        "evidence",
        "add",
        file,
        "--control",
        control,
        "--for",
        "2025-06-30",
      );
      expect(added.code, added.err).toBe(0);
    }

    const key = json<{ fingerprint: string; publicKey: string }>(
      await cli(env, "signing-key", "--json"),
    );
    const shown = await cli(env, "signing-key");
    expect(shown.out).toContain(`Fingerprint  ${key.fingerprint}`);
    expect(shown.out).toContain(key.publicKey);

    const bundle = path.join(database.dataDir, "e1.zip");
    const built = await cli(env, "bundle", "build", "E-1", "--out", bundle);
    expect(built.code, built.err).toBe(0);
    expect(built.out).toContain("2 evidence items");
    expect(built.out).toContain(key.fingerprint);

    const good = await cli(NO_DATABASE, "bundle", "verify", bundle, "--key", key.fingerprint);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toMatch(/^OK: bundle of E-1 \(Acme, made .*\): 3 files .*expected key/);
    const unkeyed = await cli(NO_DATABASE, "bundle", "verify", bundle);
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.out).toContain("The key was not compared");

    const tampered = path.join(database.dataDir, "tampered.zip");
    let changed = "";
    let removed = "";
    await rewriteZip(bundle, tampered, (entries) => {
      const evidence = entries.filter((e) => e.name.startsWith("evidence/"));
      changed = evidence[0]?.name ?? "";
      removed = evidence[1]?.name ?? "";
      return entries
        .filter((e) => e.name !== removed)
        .map((e) =>
          e.name === changed ? { ...e, data: Buffer.from("user,access\neve,admin\n") } : e,
        );
    });
    const bad = await cli(NO_DATABASE, "bundle", "verify", tampered, "--key", key.fingerprint);
    expect(bad.code).toBe(6);
    const lines = bad.out.trim().split("\n");
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^HASH MISMATCH ${escape(changed)}: SHA-256 [0-9a-f]{64}; the manifest says`),
        ),
        `MISSING ${removed}: listed in the manifest, absent from the ZIP`,
      ]),
    );
    expect(lines.at(-1)).toMatch(/^FAILED: /);
    expect(bad.err).toContain("the bundle does not verify: 2 problems");

    const otherKey = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const wrongKey = await cli(
      NO_DATABASE,
      "bundle",
      "verify",
      bundle,
      "--key",
      otherKey,
      "--json",
    );
    expect(wrongKey.code).toBe(6);
    expect(JSON.parse(wrongKey.out)).toMatchObject({ ok: false, key: "unexpected" });

    expect((await cli(NO_DATABASE, "bundle", "verify", file)).code).toBe(3);
    expect(existsSync("/nonexistent/attest")).toBe(false);
  });

  it("refuses an unknown engagement and a missing --out", async () => {
    const out = path.join(database.dataDir, "none.zip");
    const missing = await cli(env, "bundle", "build", "E-9", "--out", out);
    expect(missing.code).toBe(5);
    expect(missing.err).toContain('engagement "E-9" was not found');
    expect(existsSync(out)).toBe(false);
    expect((await cli(env, "bundle", "build", "E-1")).code).toBe(2);
  });
});
