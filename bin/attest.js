#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/), compiling it first when it is missing or older than the
// sources; only development tools (tests, benchmarks) run the TypeScript directly.
await import("../scripts/check-node.mjs");
// A command allocates most of what it ever will while loading; young-generation room from the
// start spares it a dozen small collections as the space would otherwise grow step by step.
(await import("node:v8")).setFlagsFromString("--min-semi-space-size=16");
// V8 keeps the compiled code of each module on disk, so later runs skip parsing the bundle.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.(new URL("../dist/compile-cache", import.meta.url).pathname);
const { currentEntry } = await import("../scripts/cli-current.mjs");
const entry = currentEntry() ?? (await (await import("../scripts/build-cli.mjs")).buildCli());
const { pathToFileURL } = await import("node:url");
await import(pathToFileURL(entry).href);
