#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/), compiling it first when it is missing or older than the
// sources; only development tools (tests, benchmarks) run the TypeScript directly.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `attest: Node.js 22.12 or later is needed (this is ${process.version}). ` +
      "In a checkout, `. scripts/use-node.sh` puts Node 24 on this shell's PATH.\n",
  );
  process.exit(1);
}
// V8 keeps the compiled code of each module on disk, so later runs skip parsing the bundle.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.(new URL("../dist/compile-cache", import.meta.url).pathname);
const { currentEntry } = await import("../scripts/cli-current.mjs");
const entry = currentEntry() ?? (await (await import("../scripts/build-cli.mjs")).buildCli());
const { pathToFileURL } = await import("node:url");
await import(pathToFileURL(entry).href);
