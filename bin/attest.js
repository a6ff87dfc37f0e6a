#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/), compiling it first when it is missing or older than the
// sources; only development tools (tests, benchmarks) run the TypeScript directly.
await import("../scripts/check-node.mjs");
// V8 keeps the compiled code of these scripts and of packages loaded from node_modules on disk;
// the CLI's own chunks have a cache of their own (cli-loader.mjs says why).
const { enableCompileCache } = await import("node:module");
enableCompileCache?.(new URL("../dist/compile-cache", import.meta.url).pathname);
const { currentEntry } = await import("../scripts/cli-current.mjs");
const entry = currentEntry() ?? (await (await import("../scripts/build-cli.mjs")).buildCli());
const { runCompiled } = await import("../scripts/cli-loader.mjs");
runCompiled(entry, process.argv.slice(2));
