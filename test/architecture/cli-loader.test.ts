/**
 * The compiled CLI's loader (scripts/cli-loader.mjs): chunks run as CommonJS, and their code
 * cache is taken once a command has run, kept per command, and rebuilt when V8 refuses it.
 * Each run is a real `node` process over chunks written to a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { commandKey } from "../../scripts/cli-loader.mjs";

const LOADER = path.resolve(import.meta.dirname, "../../scripts/cli-loader.mjs");

let root: string;
let cacheDir: string;
let entry: string;

/** A helper chunk with functions that only run when called, as a command's code does. */
const HELPER = `
function square(n) { return n * n; }
function total(list) { let sum = 0; for (const n of list) sum += square(n); return sum; }
exports.total = total;
`;
const ENTRY = `
const path = require("node:path");
const { total } = require("./chunk-helper.cjs");
process.stdout.write(JSON.stringify({ total: total([1, 2, 3]), base: path.basename(__filename) }));
process.exitCode = Number(process.env.EXIT_CODE ?? 0);
`;

/** Runs the loader as `attest` would, and returns what the entry printed and the loader saw. */
function run(
  argv: string[],
  exitCode = 0,
): { output: { total: number; base: string }; accepted: boolean[] } {
  const script =
    `const { runCompiled } = await import(${JSON.stringify(LOADER)});` +
    `const r = runCompiled(${JSON.stringify(entry)}, ${JSON.stringify(argv)}, ` +
    `{ cacheDir: ${JSON.stringify(cacheDir)} });` +
    `process.stdout.write("\\n" + JSON.stringify(r.loaded.map((c) => c.savedBytes > 0)));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, EXIT_CODE: String(exitCode) },
  });
  expect(result.status).toBe(exitCode);
  const out = result.stdout;
  const [printed = "", loaded = ""] = out.split("\n");
  return { output: JSON.parse(printed), accepted: JSON.parse(loaded) as boolean[] };
}

const cacheOf = (chunk: string) => path.join(cacheDir, `${chunk}.v8`);
const mtime = (file: string) => statSync(file).mtimeMs;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "attest-cli-loader-"));
  cacheDir = path.join(root, "cache");
  entry = path.join(root, "main-test.cjs");
  writeFileSync(entry, ENTRY);
  writeFileSync(path.join(root, "chunk-helper.cjs"), HELPER);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the compiled CLI's loader", () => {
  it("runs CommonJS chunks that require each other and Node's own modules", () => {
    expect(run(["readiness", "--json"]).output).toEqual({ total: 14, base: "main-test.cjs" });
  });

  it("caches, on a command's first run, the functions the command called", () => {
    const first = run(["readiness"]);
    expect(first.accepted).toEqual([false, false]);
    const helperCache = readFileSync(cacheOf("chunk-helper.cjs"));
    // A cache made as soon as the chunk is compiled holds its top level only.
    const compiledOnly = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${HELPER}\n})`,
    ).createCachedData();
    expect(helperCache.length).toBeGreaterThan(compiledOnly.length);
    expect(readdirSync(path.join(cacheDir, "learned", "main-test.cjs"))).toEqual(["readiness"]);

    const second = run(["readiness", "--json"]);
    expect(second.accepted).toEqual([true, true]);
    expect(second.output.total).toBe(14);
  });

  it("writes nothing on later runs of a learned command, and learns a new command once", () => {
    run(["controls", "list"]);
    const written = mtime(cacheOf("main-test.cjs"));
    run(["controls", "list", "--status", "gap"]);
    expect(mtime(cacheOf("main-test.cjs"))).toBe(written);
    run(["readiness"]);
    expect(readdirSync(path.join(cacheDir, "learned", "main-test.cjs")).sort()).toEqual([
      "controls-list",
      "readiness",
    ]);
  });

  it("learns nothing from a run that failed, and learns the next run that succeeds", () => {
    run(["readiness"], 1);
    expect(readdirSync(path.join(cacheDir, "learned", "main-test.cjs"))).toEqual([]);
    // The missing caches were still written, so the next run compiles from them.
    expect(run(["readiness"]).accepted).toEqual([true, true]);
    expect(readdirSync(path.join(cacheDir, "learned", "main-test.cjs"))).toEqual(["readiness"]);
  });

  it("runs correctly from a damaged cache and writes a good one in its place", () => {
    run(["readiness"]);
    writeFileSync(cacheOf("chunk-helper.cjs"), Buffer.from("not a V8 code cache"));
    const damaged = run(["readiness"]);
    expect(damaged.output.total).toBe(14);
    expect(damaged.accepted).toEqual([true, false]);
    expect(run(["readiness"]).accepted).toEqual([true, true]);
  });
});

describe("Node's modules a chunk requires", () => {
  /** Runs an entry chunk and returns what it printed: whether node:crypto had loaded, when. */
  function cryptoLoads(source: string): string[] {
    writeFileSync(entry, source);
    const script =
      `const { runCompiled } = await import(${JSON.stringify(LOADER)});` +
      `runCompiled(${JSON.stringify(entry)}, [], { cacheDir: ${JSON.stringify(cacheDir)} });`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    return result.stdout.trim().split("\n");
  }
  const loaded = `const loaded = () => process.moduleLoadList.includes("NativeModule crypto");`;

  it("does not load node:crypto for a chunk that requires it but never uses it", () => {
    const lines = cryptoLoads(
      `${loaded} const crypto = require("node:crypto"); const pgCrypto = require("crypto");` +
        `console.log(String(loaded()));`,
    );
    expect(lines).toEqual(["false"]);
  });

  it("loads node:crypto at the first use, and the chunk gets the real functions", () => {
    const lines = cryptoLoads(
      `${loaded} const crypto = require("node:crypto"); console.log(String(loaded()));` +
        `console.log((0, crypto.createHash)("sha256").update("abc").digest("hex"));` +
        `console.log(String(loaded()), typeof crypto.webcrypto.subtle.digest, "randomUUID" in crypto,` +
        ` Object.keys(crypto).includes("createHash"), require("crypto").hash === crypto.hash);`,
    );
    expect(lines).toEqual([
      "false",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "true function true true true",
    ]);
  });
});

describe("the command a line is learned under", () => {
  it("is the command and its subcommand, without options, values or global options", () => {
    expect(commandKey(["readiness", "--json"])).toBe("readiness");
    expect(commandKey(["controls", "list", "--status", "gap"])).toBe("controls-list");
    expect(commandKey(["--org", "acme", "--as", "a@b.c", "controls", "show", "AC-01"])).toBe(
      "controls-show",
    );
    expect(commandKey(["init", "--name", "Acme"])).toBe("init");
    expect(commandKey(["--json", "readiness"])).toBe("readiness");
    expect(commandKey(["--version"])).toBe("no-command");
    expect(commandKey(["evidence", "add", "../x"])).toBe("evidence-add");
  });
});
