/**
 * Runs the compiled CLI: CommonJS chunks in dist/cli/, each compiled with V8's code cache taken
 * after a command ran rather than before.
 *
 * Why not Node's own compile cache: it saves a module's code as soon as the module is compiled,
 * and V8 compiles a function's body only when the function is first called. That cache holds
 * each module's top level and nothing the command then calls, so every start parsed and
 * compiled those functions again (some 45 M of the 330 M instructions of `attest readiness`).
 * A cache made from the compiled script once the command has run holds them too.
 *
 * The cache is learned once per command and build: the first successful run of `attest
 * readiness` (say) writes the cache of every chunk it loaded, with the functions it ran, and a
 * marker; later runs only read. A chunk whose cache is missing, or that V8 refuses (another Node, other flags), is
 * written again by whatever command loads it. Chunk names carry their content's hash, so a cache
 * never outlives its chunk's code. The cache sits in dist/code-cache/, trusted as the chunks
 * beside it are, and build-cli.mjs prunes it; writing it is best effort.
 */
// Taken with getBuiltinModule, not import, for the reason cli-current.mjs gives.
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } =
  process.getBuiltinModule("node:fs");
const path = process.getBuiltinModule("node:path");
const vm = process.getBuiltinModule("node:vm");
const { createRequire } = process.getBuiltinModule("node:module");

/** Where the caches go, beside dist/cli/. */
export const CODE_CACHE_DIR = path.join(import.meta.dirname, "..", "dist", "code-cache");

/** Options that take a value, before the command (main.ts skips them the same way). */
const GLOBAL_VALUE_OPTIONS = new Set(["--org", "--as"]);

/**
 * What a command line is learned under: the command and its subcommand, without options or
 * values (`controls list --json` and `controls list --status gap` are one command).
 */
export function commandKey(argv) {
  const words = [];
  for (let i = 0; i < argv.length && words.length < 2; i += 1) {
    const arg = argv[i] ?? "";
    if (GLOBAL_VALUE_OPTIONS.has(arg) && words.length === 0) i += 1;
    else if (arg.startsWith("-")) {
      if (words.length > 0) break;
    } else words.push(arg);
  }
  const key = words.length === 0 ? "no-command" : words.join("-");
  return key
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "_")
    .slice(0, 60);
}

/**
 * One folder per Node release and V8 flags: V8 refuses a cache made by another, and two
 * installations sharing a checkout (the server started with flags, the CLI without) would
 * otherwise overwrite each other's.
 */
export function cacheFolder() {
  const flags = process.execArgv.join(" ");
  const flagsTag = flags === "" ? "" : `-${fnv1a(flags)}`;
  return path.join(CODE_CACHE_DIR, `${process.version}-${process.arch}${flagsTag}`);
}

/** A short name for a string (FNV-1a), without loading node:crypto for it. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function readOrNull(file) {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function exists(file) {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Node's own modules a chunk gets only once it uses them. Chunks require their modules at the
 * top, and node:crypto (which bundled pg requires as `crypto`) costs some 4 ms to load, while
 * most commands never hash, seal or open anything. A chunk gets a stand-in that loads the
 * module on its first use of any export.
 */
const LOADED_ON_USE = new Set(["node:crypto", "crypto"]);

function loadedOnUse(id) {
  let real;
  const module = () => (real ??= process.getBuiltinModule(id));
  return new Proxy(
    {},
    {
      get: (_, name) => module()[name],
      has: (_, name) => name in module(),
      ownKeys: () => Reflect.ownKeys(module()),
      // Reported configurable: the stand-in itself has no properties, and a proxy may not
      // claim a fixed one it lacks.
      getOwnPropertyDescriptor: (_, name) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(module(), name);
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
}

/** The CommonJS wrapper, with the names Node's own loader gives a module. */
const wrap = (source) =>
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/**
 * Loads the entry chunk and, through it, the chunks it requires, and saves their caches at exit
 * when this command is learning (or a cache was missing or refused). Returns what it loaded,
 * each chunk with the size of the cache it was compiled from (0 for none), for tests.
 */
export function runCompiled(entryFile, argv, { cacheDir = cacheFolder() } = {}) {
  const outDir = path.dirname(entryFile);
  const packages = createRequire(entryFile);
  // Learned per build: a new build's chunks start with no cache, and every command fills it.
  const learnedDir = path.join(cacheDir, "learned", path.basename(entryFile));
  const marker = path.join(learnedDir, commandKey(argv));
  const learning = !exists(marker);
  const modules = new Map();
  const loaded = [];
  const onUse = {};

  function load(file) {
    const known = modules.get(file);
    if (known !== undefined) return known.exports;
    const cacheFile = path.join(cacheDir, `${path.basename(file)}.v8`);
    const cachedData = readOrNull(cacheFile) ?? undefined;
    const script = new vm.Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    loaded.push({ script, cacheFile, savedBytes: accepted ? cachedData.length : 0 });
    const module = { exports: {}, filename: file };
    modules.set(file, module);
    const requireChunk = (id) => {
      if (id.startsWith("./")) return load(path.join(outDir, id));
      if (LOADED_ON_USE.has(id)) return (onUse[id] ??= loadedOnUse(id));
      return packages(id);
    };
    requireChunk.resolve = packages.resolve;
    script.runInThisContext()(module.exports, requireChunk, module, file, outDir);
    return module.exports;
  }

  function saveCaches(learn) {
    try {
      mkdirSync(learnedDir, { recursive: true });
      for (const { script, cacheFile, savedBytes } of loaded) {
        if (!learn && savedBytes > 0) continue;
        const data = script.createCachedData();
        if (data.length > savedBytes) writeAtomically(cacheFile, data);
      }
      if (learn) writeFileSync(marker, "");
    } catch {
      // A read-only installation runs without the cache.
    }
  }

  process.once("exit", (code) => {
    // Only a run that succeeded teaches the command: one stopped by a usage error ran little
    // of it, and its marker would keep the rest out of the cache for good.
    const learn = learning && code === 0;
    if (learn || loaded.some((chunk) => chunk.savedBytes === 0)) saveCaches(learn);
  });
  load(entryFile);
  return { loaded, learning };
}
