/**
 * The build's edit to pg (scripts/build-cli.mjs pgWebCryptoOnUse): pg's password helpers no
 * longer read node:crypto's WebCrypto when they load, and give the same answers as pg's own.
 */
import nodeCrypto from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { RolldownMagicString } from "rolldown";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { pgWebCryptoOnUse } from "../../scripts/build-cli.mjs";

const UTILS = createRequire(import.meta.url).resolve("pg/lib/crypto/utils.js");

interface PgCrypto {
  postgresMd5PasswordHash(user: string, password: string, salt: Buffer): Promise<string>;
  randomBytes(length: number): Buffer;
  deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer>;
  sha256(text: Uint8Array): Promise<ArrayBuffer>;
  hashByName(name: string, text: Uint8Array): Promise<ArrayBuffer>;
  hmacSha256(key: ArrayBuffer, message: string): Promise<ArrayBuffer>;
  md5(text: string): Promise<string>;
}

/** Runs the module's source as CommonJS; `read` lists the node:crypto exports it reads. */
function load(source: string): { utils: PgCrypto; read: string[] } {
  const read: string[] = [];
  const watched = new Proxy(nodeCrypto, {
    get: (target, name) => {
      read.push(String(name));
      return Reflect.get(target, name) as unknown;
    },
  });
  const module = { exports: {} as PgCrypto };
  const wrapped = vm.runInThisContext(`(function (exports, require, module) {${source}\n})`) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: unknown,
  ) => void;
  wrapped(module.exports, (id) => (id === "crypto" ? watched : undefined), module);
  return { utils: module.exports, read };
}

type Transform = (code: string, id: string) => { code: string } | null;
const transform = (pgWebCryptoOnUse(RolldownMagicString) as { transform: Transform }).transform;
const original = readFileSync(UTILS, "utf8");
const edited = transform(original, UTILS)?.code ?? "";
const hex = (bytes: ArrayBuffer) => Buffer.from(bytes).toString("hex");

describe("pg's crypto helpers as the CLI's build leaves them", () => {
  it("read nothing from node:crypto when they load, where pg's own read its WebCrypto", () => {
    expect(load(original).read).toContain("webcrypto");
    expect(load(edited).read).toEqual([]);
  });

  it("give the answers pg's own give, for every helper", async () => {
    const before = load(original).utils;
    const after = load(edited).utils;
    const salt = Buffer.from("0123456789abcdef");
    const text = Buffer.from("SCRAM client-first-message");
    expect(hex(await after.deriveKey("secret", salt, 4096))).toBe(
      hex(await before.deriveKey("secret", salt, 4096)),
    );
    expect(hex(await after.sha256(text))).toBe(hex(await before.sha256(text)));
    expect(hex(await after.hashByName("SHA-256", text))).toBe(
      hex(await before.hashByName("SHA-256", text)),
    );
    const key = await before.sha256(salt);
    expect(hex(await after.hmacSha256(key, "message"))).toBe(
      hex(await before.hmacSha256(key, "message")),
    );
    expect(await after.md5("text")).toBe(await before.md5("text"));
    expect(await after.postgresMd5PasswordHash("user", "password", salt)).toBe(
      await before.postgresMd5PasswordHash("user", "password", salt),
    );
    expect(after.randomBytes(24)).toHaveLength(24);
  });

  it("leaves every other module alone", () => {
    expect(transform(original, "/x/node_modules/pg/lib/client.js")).toBeNull();
  });
});
