/**
 * When `attest` compiles again: the newest change among its inputs moves when a source file
 * changes, or a file or folder comes or goes, and not when only a test changes.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { newestChange } from "../../scripts/cli-current.mjs";

const newest = (inputs: string[]) => newestChange(inputs) as number;

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
/** Writes a file (or makes a folder) and sets its time. */
function put(relative: string, seconds: number, folder = false): string {
  const file = path.join(root, relative);
  if (folder) mkdirSync(file, { recursive: true });
  else writeFileSync(file, "export {};\n");
  utimesSync(file, at(seconds), at(seconds));
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "attest-cli-current-"));
  put("src", 0, true);
  put("src/a", 1, true);
  put("src/a/one.ts", 2);
  put("src/b", 3, true);
  put("src/b/two.ts", 4);
  // Folders' times are set last: writing a file inside moves them.
  utimesSync(path.join(root, "src/a"), at(1), at(1));
  utimesSync(path.join(root, "src/b"), at(3), at(3));
  utimesSync(path.join(root, "src"), at(0), at(0));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the compiled CLI's freshness check", () => {
  it("takes the newest time of any source file or folder, at any depth", () => {
    const src = path.join(root, "src");
    expect(newest([src])).toBe(at(4).getTime());
    put("src/a/one.ts", 9);
    expect(newest([src])).toBe(at(9).getTime());
    put("src/b/deeper", 5, true);
    put("src/b/deeper/three.ts", 12);
    utimesSync(path.join(root, "src/b/deeper"), at(5), at(5));
    utimesSync(path.join(root, "src/b"), at(3), at(3));
    expect(newest([src])).toBe(at(12).getTime());
  });

  it("sees a file come or go by its folder's time, even when the file itself is old", () => {
    const src = path.join(root, "src");
    const before = Date.now();
    rmSync(path.join(root, "src/a/one.ts"));
    expect(newest([src])).toBeGreaterThanOrEqual(before - 1000);
  });

  it("passes over tests and files that are not TypeScript", () => {
    const src = path.join(root, "src");
    put("src/a/one.test.ts", 20);
    put("src/a/notes.md", 21);
    utimesSync(path.join(root, "src/a"), at(1), at(1));
    expect(newest([src])).toBe(at(4).getTime());
  });

  it("counts single files given as inputs (package.json, the build script)", () => {
    const manifest = put("package.json", 30);
    expect(newest([path.join(root, "src"), manifest])).toBe(at(30).getTime());
  });
});
