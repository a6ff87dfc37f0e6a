/** `attest keys` and `attest keys rotate`: ids only, never a key; file and environment keys. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { SecretKey } from "../services/platform/secret-box.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

interface Rotation {
  keyId: string;
  previousKeyId: string;
  source: string;
  keyFile: string | null;
  totpSecrets: number;
  signingKeys: number;
  channelSecrets: number;
  connectorCredentials: number;
}

describe("attest keys rotate", () => {
  it("replaces the key file's key and seals the signing key again, printing ids only", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const file = path.join(database.dataDir, "attest.key");
    const oldKey = readFileSync(file, "utf8").trim();
    const status = json<{ keyId: string; source: string; keyFile: string }>(
      await cli(database.env, "keys", "--json"),
    );
    expect(status).toEqual({ keyId: expect.any(String), source: "file", keyFile: file });
    const fingerprint = json<{ fingerprint: string }>(
      await cli(database.env, "signing-key", "--json"),
    ).fingerprint;

    const result = await cli(database.env, "keys", "rotate", "--json");
    const rotation = json<Rotation>(result);
    expect(rotation).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{12}$/),
      previousKeyId: status.keyId,
      source: "file",
      keyFile: file,
      totpSecrets: 0,
      signingKeys: 1,
      channelSecrets: 0,
      connectorCredentials: 0,
    });
    const newKey = readFileSync(file, "utf8").trim();
    expect(SecretKey.fromBase64(newKey, file).id).toBe(rotation.keyId);
    expect(`${result.out}${result.err}`).not.toContain(oldKey);
    expect(`${result.out}${result.err}`).not.toContain(newKey);

    // The key pair is the same; its audit event names both key ids.
    expect(json<{ fingerprint: string }>(await cli(database.env, "signing-key", "--json"))).toEqual(
      expect.objectContaining({ fingerprint }),
    );
    const log = await cli(database.env, "audit-log", "--action", "signing-key.re-encrypted");
    expect(log.out).toContain(
      `Report signing key ${fingerprint} encrypted at rest with key ${rotation.keyId} (was key ${status.keyId})`,
    );

    const text = await cli(database.env, "keys", "rotate");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      new RegExp(
        `^Key ${rotation.keyId} replaced by [0-9a-f]{12}: 0 two-factor secret\\(s\\), 1 signing key\\(s\\), 0 notification channel secret\\(s\\) and 0 connector credential\\(s\\) sealed again\\.\\nThe new key is in ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; keep a copy`,
      ),
    );
    expect((await cli(database.env, "keys")).out).toMatch(
      /^Key [0-9a-f]{12}, from .*attest\.key\n$/,
    );
  });

  it("with ATTEST_SECRET_KEY, takes the new key from --new-key-env or refuses", async () => {
    const first = SecretKey.generate();
    const next = SecretKey.generate();
    const env = { ...database.env, ATTEST_SECRET_KEY: first.exportBase64() };
    expect((await cli(env, "init", "--name", "Acme")).code).toBe(0);

    const refused = await cli(env, "keys", "rotate", "--json");
    expect(refused.code).toBe(6);
    expect(JSON.parse(refused.err)).toMatchObject({
      error: {
        code: "INVALID_STATE",
        detail: expect.stringMatching(/^ATTEST_SECRET_KEY is set, so the key is yours to make/),
      },
    });
    const unset = await cli(env, "keys", "rotate", "--new-key-env", "NEXT_KEY");
    expect([unset.code, unset.err]).toEqual([
      2,
      "attest: --new-key-env NEXT_KEY: the variable NEXT_KEY is not set\n",
    ]);
    const malformed = await cli(
      { ...env, NEXT_KEY: "not a key" },
      "keys",
      "rotate",
      "--new-key-env",
      "NEXT_KEY",
    );
    expect([malformed.code, malformed.err]).toEqual([
      3,
      "attest: NEXT_KEY: must be the base64 of 32 random bytes (make one with: openssl rand -base64 32)\n",
    ]);

    const rotated = await cli(
      { ...env, NEXT_KEY: next.exportBase64() },
      "keys",
      "rotate",
      "--new-key-env",
      "NEXT_KEY",
      "--json",
    );
    expect(json<Rotation>(rotated)).toEqual({
      keyId: next.id,
      previousKeyId: first.id,
      source: "environment",
      keyFile: null,
      totpSecrets: 0,
      signingKeys: 1,
      channelSecrets: 0,
      connectorCredentials: 0,
    });
    expect(rotated.out).not.toContain(next.exportBase64());

    // The old key no longer starts Attest; the new one does.
    const stale = await cli(env, "readiness");
    expect(stale.code).toBe(3);
    expect(stale.err).toContain(
      `encrypted with key ${next.id} (1 value), but ATTEST_SECRET_KEY is key ${first.id}`,
    );
    expect(stale.err).not.toContain(first.exportBase64());
    const restarted = { ...database.env, ATTEST_SECRET_KEY: next.exportBase64() };
    expect((await cli(restarted, "signing-key")).code).toBe(0);
  });

  it("names ATTEST_SECRET_KEY when it is not a key, without printing it", async () => {
    const result = await cli({ ...database.env, ATTEST_SECRET_KEY: "c2hvcnQ=" }, "keys");
    expect([result.code, result.err]).toEqual([
      3,
      "attest: invalid environment: ATTEST_SECRET_KEY: must be the base64 of 32 random bytes (make one with: openssl rand -base64 32)\n",
    ]);
  });
});
