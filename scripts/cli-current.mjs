/**
 * Which compiled CLI `attest` runs (dist/cli/current.json names it), and whether the sources
 * moved on since it was built. Kept apart from build-cli.mjs and light (node:fs and node:path
 * only): every `attest` command reads this before anything else, and only a stale build
 * needs the builder and rolldown.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");
export const OUT_DIR = path.join(ROOT, "dist", "cli");
export const POINTER = path.join(OUT_DIR, "current.json");
const SOURCES = path.join(ROOT, "src");
/** What the build reads: a change to any of these makes the build stale. */
export const INPUTS = [
  SOURCES,
  path.join(ROOT, "package.json"),
  path.join(ROOT, "scripts", "build-cli.mjs"),
];

/**
 * The newest change among the inputs, counting folders (their time moves when files come or
 * go). One loop over a list of folders rather than a recursive walk: it runs before every
 * command, over some 550 files (tests, never built, are skipped), and is mostly system calls.
 */
export function newestChange(inputs = INPUTS) {
  let newest = 0;
  const folders = [];
  for (const input of inputs) {
    const stat = statSync(input);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) folders.push(input);
  }
  while (folders.length > 0) {
    const folder = folders.pop() ?? "";
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const child = `${folder}${path.sep}${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(child);
        newest = Math.max(newest, statSync(child).mtimeMs);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        newest = Math.max(newest, statSync(child).mtimeMs);
      }
    }
  }
  return newest;
}

function readPointer() {
  try {
    return JSON.parse(readFileSync(POINTER, "utf8"));
  } catch {
    return null;
  }
}

function sourcesPresent() {
  try {
    return statSync(SOURCES).isDirectory();
  } catch {
    return false;
  }
}

/** The compiled entry to import, or null when there is none or the sources moved on. */
export function currentEntry() {
  const pointer = readPointer();
  if (pointer === null) return null;
  if (sourcesPresent() && newestChange() > pointer.sourcesChangedAt) return null;
  return path.join(OUT_DIR, pointer.entry);
}
