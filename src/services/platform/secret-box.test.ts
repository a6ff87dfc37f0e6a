import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import {
  SecretKey,
  isSealed,
  openStored,
  parseSealed,
  sealedKeyId,
  sealedPrefix,
  secretContext,
} from "./secret-box.ts";

const CONTEXT = secretContext.totp("user-1");
const SECRET = "JBSWY3DPEHPK3PXP";

function opener(...keys: SecretKey[]) {
  return (stored: string, context = CONTEXT) =>
    openStored(
      (id) => keys.find((key) => key.id === id),
      () => keys.map((key) => key.id),
      stored,
      context,
    );
}

function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("sealed secrets", () => {
  it("round-trips, in the enc:v1:<key id>:<iv>:<tag>:<ciphertext> form, a new IV each time", () => {
    const key = SecretKey.generate();
    const sealed = key.seal(SECRET, CONTEXT);
    expect(sealed).toMatch(
      /^enc:v1:[0-9a-f]{12}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/,
    );
    expect(sealed.startsWith(sealedPrefix(key.id))).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(sealedKeyId(sealed)).toBe(key.id);
    expect(parseSealed(sealed, CONTEXT).iv).toHaveLength(12);
    expect(opener(key)(sealed)).toBe(SECRET);
    const again = key.seal(SECRET, CONTEXT);
    expect(again).not.toBe(sealed);
    expect(parseSealed(again, CONTEXT).iv.equals(parseSealed(sealed, CONTEXT).iv)).toBe(false);
  });

  it("reads a value written before encryption as it is", () => {
    const key = SecretKey.generate();
    expect(isSealed(SECRET)).toBe(false);
    expect(sealedKeyId(SECRET)).toBeNull();
    expect(opener(key)(SECRET)).toBe(SECRET);
    // A PKCS#8 key in base64 never looks sealed either.
    expect(isSealed("MC4CAQAwBQYDK2VwBCIEIA==")).toBe(false);
  });

  it("fails, never giving other text, when any byte of the IV, tag or ciphertext changes", () => {
    const key = SecretKey.generate();
    const sealed = key.seal(SECRET, CONTEXT);
    const [enc, version, keyId, iv = "", tag = "", body = ""] = sealed.split(":");
    const head = `${enc}:${version}:${keyId}`;
    expect(`${head}:${iv}:${tag}:${body}`).toBe(sealed);
    const parts = { iv, tag, body };
    let tried = 0;
    for (const [name, text] of Object.entries(parts)) {
      const bytes = Buffer.from(text, "base64url");
      for (let i = 0; i < bytes.length; i += 1) {
        const flipped = Buffer.from(bytes);
        flipped[i] = (flipped[i] ?? 0) ^ 0x01;
        const changed = { ...parts, [name]: flipped.toString("base64url") };
        const tampered = `${head}:${changed.iv}:${changed.tag}:${changed.body}`;
        const error = thrown(() => opener(key)(tampered));
        expect(error.code).toBe("INTERNAL");
        expect(error.message).toBe(
          `the stored ${CONTEXT} does not decrypt with key ${key.id}: it was altered or damaged`,
        );
        tried += 1;
      }
    }
    expect(tried).toBe(12 + 16 + SECRET.length);
  });

  it("does not open a value copied onto another row (the context is authenticated)", () => {
    const key = SecretKey.generate();
    const sealed = key.seal(SECRET, CONTEXT);
    const other = secretContext.totp("user-2");
    expect(thrown(() => opener(key)(sealed, other)).message).toBe(
      `the stored ${other} does not decrypt with key ${key.id}: it was altered or damaged`,
    );
  });

  it("names both keys when a value was sealed with a key it was not given", () => {
    const written = SecretKey.generate();
    const given = SecretKey.generate();
    const error = thrown(() => opener(given)(written.seal(SECRET, CONTEXT)));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe(
      `the stored ${CONTEXT} was encrypted with key ${written.id}, which is not a key Attest ` +
        `was given (${given.id}); start Attest with the key it was written with`,
    );
  });

  it("fails on a key id rewritten to another known key", () => {
    const one = SecretKey.generate();
    const two = SecretKey.generate();
    const sealed = one.seal(SECRET, CONTEXT).replace(one.id, two.id);
    expect(thrown(() => opener(one, two)(sealed)).message).toMatch(/altered or damaged/);
  });

  it("refuses values in an unknown format or with a damaged header", () => {
    const key = SecretKey.generate();
    const sealed = key.seal(SECRET, CONTEXT);
    for (const [stored, why] of [
      [sealed.replace("enc:v1:", "enc:v2:"), "unknown format, expected enc:v1:…"],
      [`${sealed}:extra`, "damaged header"],
      [sealed.replace(key.id, "not-an-id!!!"), "damaged header"],
      [sealed.replace(/:([^:]*)$/, ":not base64url!"), "damaged encoding"],
      [sealed.replace(/^(enc:v1:[^:]*:)[^:]*/, "$1AAAA"), "damaged IV or tag"],
    ] as const) {
      const error = thrown(() => opener(key)(stored));
      expect(error.message).toBe(
        `the stored ${CONTEXT} is not a readable encrypted value (${why})`,
      );
    }
  });
});

describe("secret keys", () => {
  it("are 32 bytes of base64, the error naming where the key came from but not the key", () => {
    const key = SecretKey.generate();
    const again = SecretKey.fromBase64(`${key.exportBase64()}\n`, "ATTEST_SECRET_KEY");
    expect(again.id).toBe(key.id);
    expect(key.id).toMatch(/^[0-9a-f]{12}$/);
    for (const bad of ["", "short", Buffer.alloc(31).toString("base64"), "!".repeat(44)]) {
      const error = thrown(() => SecretKey.fromBase64(bad, "ATTEST_SECRET_KEY"));
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.message).toBe(
        "ATTEST_SECRET_KEY: must be the base64 of 32 random bytes (make one with: openssl rand -base64 32)",
      );
    }
    const long = Buffer.alloc(33, 7).toString("base64");
    expect(thrown(() => SecretKey.fromBase64(long, "NEW_KEY")).message).not.toContain(long);
  });

  it("show only their id when printed, logged or serialized", () => {
    const key = SecretKey.generate();
    const material = key.exportBase64();
    for (const shown of [
      inspect(key),
      inspect({ config: { secretKey: key } }, { depth: 5 }),
      JSON.stringify({ secretKey: key }),
      String(key),
      `${key}`,
    ]) {
      expect(shown).toContain(key.id);
      expect(shown).not.toContain(material);
    }
  });
});
