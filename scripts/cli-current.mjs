/**
 * Which compiled CLI `attest` runs (dist/cli/current.json names it), and whether the sources
 * moved on since it was built. Kept apart from build-cli.mjs and light (node:fs and node:path
 * only): every `attest` command reads this before anything else, and only a stale build
 * needs the builder and rolldown.
 */
// Taken with getBuiltinModule, not import: the ESM face of node:fs reads every export, which
// loads its promises and streams (some 5 ms before every command).
const { readFileSync, readdirSync, statSync } = process.getBuiltinModule("node:fs");
const path = process.getBuiltinModule("node:path");

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
 * command, over some 590 entries (tests, never built, are skipped without a look), and is
 * mostly system calls. Names only, then one stat each: Dirent objects cost more than they save.
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
    for (const name of readdirSync(folder)) {
      if (name.endsWith(".test.ts")) continue;
      const child = `${folder}${path.sep}${name}`;
      const stat = statSync(child);
      if (stat.isDirectory()) folders.push(child);
      else if (!name.endsWith(".ts")) continue;
      newest = Math.max(newest, stat.mtimeMs);
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
