import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, sha256 } from "./key-id.ts";
import { SecretKey } from "./secret-box.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const nodeSha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("sha256", () => {
  it("gives the standard's digests of the empty message and of 'abc'", () => {
    expect(hex(sha256(new Uint8Array(0)))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(new TextEncoder().encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("agrees with node:crypto on every length from 0 to 300 bytes, across block edges", () => {
    for (let length = 0; length <= 300; length += 1) {
      const message = randomBytes(length);
      expect(hex(sha256(message)), `length ${length}`).toBe(nodeSha256(message));
    }
  });

  it("agrees with node:crypto on a message of many blocks", () => {
    const message = randomBytes(100_003);
    expect(hex(sha256(message))).toBe(nodeSha256(message));
  });
});

describe("a key's id", () => {
  it("is what node:crypto's SHA-256 of the label and the key gives, for the ids already stored", () => {
    for (let i = 0; i < 200; i += 1) {
      const material = randomBytes(32);
      const expected = createHash("sha256")
        .update("attest secret key id\0")
        .update(material)
        .digest("hex")
        .slice(0, 12);
      expect(keyIdOf(material)).toBe(expected);
      expect(SecretKey.fromBase64(material.toString("base64"), "test key").id).toBe(expected);
    }
  });
});
