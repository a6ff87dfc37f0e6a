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
 * Pure-JavaScript packages every command uses, bundled in: loading them from node_modules
 * costs more in module resolution than in running them. Every other package stays external
 * (native addons, packages that read their own files, and the heavy ones that only some
 * commands import).
 */
const BUNDLED_PACKAGES = new Set(["zod", "kysely", "commander"]);

const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith("@")
        ? args.path.split("/").slice(0, 2).join("/")
        : args.path.split("/")[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

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

/** Builds dist/cli/ and returns the entry's path. */
export async function buildCli() {
  const sourcesChangedAt = newestChange();
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: "src/cli/entry.ts" },
    outdir: OUT_DIR,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    // .mjs: Node knows the format from the name, instead of looking up package.json's "type"
    // for every chunk a command loads.
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    plugins: [externalPackages],
    // Bundled CommonJS (commander) calls require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __attestRequire } from "node:module"; const require = __attestRequire(import.meta.url);',
    },
    sourcemap: "linked",
    minify: true,
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    written.add(path.basename(file.path));
  }
  const entry = Object.entries(result.metafile.outputs).find(
    ([, output]) => output.entryPoint === "src/cli/entry.ts",
  );
  if (entry === undefined) throw new Error("build-cli: esbuild produced no entry");
  writeAtomically(
    POINTER,
    `${JSON.stringify({ entry: path.basename(entry[0]), sourcesChangedAt }, null, 2)}\n`,
  );
  pruneOldOutputs(written, Date.now());
  return path.join(OUT_DIR, path.basename(entry[0]));
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
