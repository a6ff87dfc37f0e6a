/**
 * Compiles the TypeScript sources into the JavaScript that `attest` runs (dist/cli/), so a
 * command never pays for compiling at start. Run by `npm install` (prepare), and by
 * bin/attest.js whenever a source is newer than the last build (cli-current.mjs tells).
 *
 * Every output file is named after its content and written beside, then renamed into place;
 * dist/cli/current.json names the entry last. A process already running keeps finding the
 * chunks it loads later, and several processes building at once write the same files.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, POINTER, newestChange } from "./cli-current.mjs";

export { currentEntry } from "./cli-current.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/**
 * Pure-JavaScript packages bundled in: loading them from node_modules costs more in module
 * resolution than in running them. zod, Kysely and commander serve every command; the
 * PostgreSQL client (pg and the packages it requires) goes in a chunk of its own, loaded when
 * a PostgreSQL database is opened (40 ms from node_modules, 10 ms bundled). Every other package
 * stays external (native addons, packages that read their own files, and the heavy ones that
 * only some commands import), as do Node's own modules.
 */
const BUNDLED_PACKAGES =
  /^(zod|kysely|commander|pg|pg-pool|pg-types|pg-protocol|pg-connection-string|pg-int8|pg-cloudflare|postgres-array|postgres-bytea|postgres-date|postgres-interval|xtend)(\/|$)/;

/**
 * Node's own modules are taken with require() rather than import: the ESM face of a built-in
 * reads every export once, and so loads each lazy part of it (node:crypto's WebCrypto, X.509
 * and key generation, node:fs's promises and streams), some 4 ms a command for nothing.
 * require() leaves them until used. Rolldown prints each import of an external module on its
 * own line, in the forms matched here, before minifying.
 */
const BUILTIN_IMPORT = /^import (?:([\w$]+)|\* as ([\w$]+)|\{([^}]*)\}) from "(node:[\w/]+)";$/gm;

function requireOf(defaultName, namespace, names, id) {
  const taken =
    names === undefined
      ? (defaultName ?? namespace)
      : `{ ${names
          .split(",")
          .map((name) => name.trim().replace(/^([\w$]+) as ([\w$]+)$/, "$1: $2"))
          .filter((name) => name !== "")
          .join(", ")} }`;
  return `const ${taken} = require(${JSON.stringify(id)});`;
}

/** Each import line in its place, so the source map stays true. */
function requireBuiltins(code, RolldownMagicString) {
  const edited = new RolldownMagicString(code);
  for (const match of code.matchAll(BUILTIN_IMPORT)) {
    const [line, defaultName, namespace, names, id] = match;
    edited.update(
      match.index,
      match.index + line.length,
      requireOf(defaultName, namespace, names, id),
    );
  }
  return { code: edited.toString(), map: edited.generateMap({ hires: true }).toString() };
}

function builtinsByRequire(RolldownMagicString) {
  return {
    name: "builtins-by-require",
    renderChunk: (code) => requireBuiltins(code, RolldownMagicString),
  };
}

/**
 * commander requires node:child_process when it loads, for executable subcommands, which
 * Attest does not have; that load (with node:net and node:dgram) cost every command ~3 ms.
 * Its one use, spawn, now requires the module when called. The line is matched exactly, so a
 * commander that changes it fails the build instead of silently keeping the cost.
 */
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";

function commanderSpawnOnUse(RolldownMagicString) {
  return {
    name: "commander-spawn-on-use",
    transform(code, id) {
      if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
      const at = code.indexOf(COMMANDER_CHILD_PROCESS);
      if (at < 0) {
        throw new Error(`build-cli: commander no longer has the line ${COMMANDER_CHILD_PROCESS}`);
      }
      const edited = new RolldownMagicString(code).update(
        at,
        at + COMMANDER_CHILD_PROCESS.length,
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      );
      return { code: edited.toString(), map: edited.generateMap({ hires: true }).toString() };
    },
  };
}

function isExternal(id) {
  if (id.startsWith(".") || id.startsWith("/") || id.startsWith("\0")) return false;
  return !BUNDLED_PACKAGES.test(id);
}

/** Outputs of older builds are removed once this old, so a long-running server keeps its own. */
const KEEP_OLD_MS = 24 * 60 * 60 * 1000;

function writeAtomically(file, contents) {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

function pruneOldOutputs(keep, now) {
  for (const name of readdirSync(OUT_DIR)) {
    if (keep.has(name) || name === "current.json") continue;
    const file = path.join(OUT_DIR, name);
    try {
      if (now - statSync(file).mtimeMs > KEEP_OLD_MS) unlinkSync(file);
    } catch {
      // Another build removed it first.
    }
  }
}

/**
 * Builds dist/cli/ and returns the entry's path. Rolldown rather than esbuild: over the same
 * sources its chunks leave a command less to load (readiness 139 → 120 ms, controls list
 * 92 → 83 ms, measured side by side).
 */
export async function buildCli() {
  const sourcesChangedAt = newestChange();
  const { rolldown, RolldownMagicString } = await import("rolldown");
  const bundle = await rolldown({
    cwd: ROOT,
    input: { main: "src/cli/entry.ts" },
    platform: "node",
    transform: { target: "node22" },
    external: isExternal,
    plugins: [commanderSpawnOnUse(RolldownMagicString), builtinsByRequire(RolldownMagicString)],
    logLevel: "warn",
  });
  let output;
  try {
    ({ output } = await bundle.generate({
      format: "esm",
      // .mjs: Node knows the format from the name, instead of looking up package.json's "type"
      // for every chunk a command loads.
      entryFileNames: "[name]-[hash].mjs",
      chunkFileNames: "chunk-[hash].mjs",
      // Bundled CommonJS (commander) calls require() for Node's own modules, as do the chunks.
      banner:
        'import { createRequire as __attestRequire } from "node:module"; const require = __attestRequire(import.meta.url);',
      sourcemap: true,
      minify: true,
      keepNames: true,
    }));
  } finally {
    await bundle.close();
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const written = new Set();
  for (const file of output) {
    writeAtomically(
      path.join(OUT_DIR, file.fileName),
      file.type === "chunk" ? file.code : file.source,
    );
    written.add(file.fileName);
  }
  const entry = output.find((file) => file.type === "chunk" && file.isEntry);
  if (entry === undefined) throw new Error("build-cli: rolldown produced no entry");
  writeAtomically(
    POINTER,
    `${JSON.stringify({ entry: entry.fileName, sourcesChangedAt }, null, 2)}\n`,
  );
  pruneOldOutputs(written, Date.now());
  return path.join(OUT_DIR, entry.fileName);
}

if (
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === path.resolve(process.argv[1])
) {
  const started = performance.now();
  const entry = await buildCli();
  process.stderr.write(
    `attest: compiled ${path.relative(ROOT, entry)} in ${Math.round(performance.now() - started)} ms\n`,
  );
}
