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
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, POINTER, newestChange } from "./cli-current.mjs";
import { CODE_CACHE_DIR } from "./cli-loader.mjs";

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

/**
 * pg reads `crypto.webcrypto` when it loads, for password authentication (SCRAM), which made
 * every PostgreSQL command load node:crypto (some 4 ms; cli-loader.mjs hands chunks a stand-in
 * that loads it on first use). The two lines are replaced by a function called where they were
 * used, so node:crypto loads when a server asks for a password. Matched exactly, as above.
 */
const PG_WEBCRYPTO = "const webCrypto = nodeCrypto.webcrypto || globalThis.crypto";
const PG_SUBTLE = "const subtleCrypto = webCrypto.subtle";

export function pgWebCryptoOnUse(RolldownMagicString) {
  return {
    name: "pg-webcrypto-on-use",
    transform(code, id) {
      if (!/[\\/]pg[\\/]lib[\\/]crypto[\\/]utils\.js$/.test(id)) return null;
      const lines = [PG_WEBCRYPTO, PG_SUBTLE].map((line) => code.indexOf(line));
      if (lines.some((at) => at < 0)) {
        throw new Error(
          `build-cli: pg's crypto/utils.js no longer has the lines ${PG_WEBCRYPTO}; ${PG_SUBTLE}`,
        );
      }
      const edited = new RolldownMagicString(code);
      edited.update(
        lines[0],
        lines[0] + PG_WEBCRYPTO.length,
        "const webCrypto = () => nodeCrypto.webcrypto || globalThis.crypto",
      );
      edited.remove(lines[1], lines[1] + PG_SUBTLE.length);
      for (const match of code.matchAll(/\b(webCrypto|subtleCrypto)\./g)) {
        const at = match.index ?? 0;
        const name = match[1] ?? "";
        if (at === lines[1] + "const subtleCrypto = ".length) continue;
        edited.update(
          at,
          at + name.length,
          name === "webCrypto" ? "webCrypto()" : "webCrypto().subtle",
        );
      }
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

function removeIfOld(file, now) {
  try {
    if (now - statSync(file).mtimeMs > KEEP_OLD_MS) rmSync(file, { recursive: true, force: true });
  } catch {
    // Another build removed it first.
  }
}

function listOrNone(folder) {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Removes old builds' outputs, and their code caches and learned markers (cli-loader.mjs), in
 * every Node release's cache folder.
 */
function pruneOldOutputs(keep, now) {
  for (const name of readdirSync(OUT_DIR)) {
    if (!keep.has(name) && name !== "current.json") removeIfOld(path.join(OUT_DIR, name), now);
  }
  for (const release of listOrNone(CODE_CACHE_DIR)) {
    const folder = path.join(CODE_CACHE_DIR, release);
    for (const name of listOrNone(folder)) {
      // <chunk>.v8, or <chunk>.v8.<pid>.tmp left by a process that died while writing it.
      const chunk = name.replace(/\.v8(\.\d+\.tmp)?$/, "");
      if (name !== "learned" && (!keep.has(chunk) || name.endsWith(".tmp"))) {
        removeIfOld(path.join(folder, name), now);
      }
    }
    for (const entry of listOrNone(path.join(folder, "learned"))) {
      if (!keep.has(entry)) removeIfOld(path.join(folder, "learned", entry), now);
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
    plugins: [commanderSpawnOnUse(RolldownMagicString), pgWebCryptoOnUse(RolldownMagicString)],
    logLevel: "warn",
  });
  let output;
  try {
    ({ output } = await bundle.generate({
      // CommonJS, loaded by cli-loader.mjs with a code cache of its own. Node's own modules
      // come by require(), which leaves their lazy parts (node:crypto's WebCrypto, node:fs's
      // promises and streams) unloaded until used, where an ES import reads every export.
      format: "cjs",
      // Packages a command imports on demand come by require() too: the loader compiles the
      // chunks with vm.Script, where an import() would need an experimental hook.
      dynamicImportInCjs: false,
      entryFileNames: "[name]-[hash].cjs",
      chunkFileNames: "chunk-[hash].cjs",
      sourcemap: true,
      minify: true,
      keepNames: true,
    }));
  } finally {
    await bundle.close();
  }
  for (const file of output) {
    if (file.type === "chunk" && /\bimport\(/.test(file.code)) {
      throw new Error(
        `build-cli: ${file.fileName} keeps an import(), which cli-loader.mjs cannot run`,
      );
    }
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
