/**
 * Stops at once, saying what to do, when the running Node is older than package.json's engines
 * field (22.12). Older releases do not fail cleanly: Node 20 crashes with a bare "Segmentation
 * fault" inside require() when it loads better-sqlite3's prebuilt addon, before any of our code
 * can report anything. The CLI, the benchmarks and the test runner import this first.
 */
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `attest: Node.js 22.12 or later is needed (this is ${process.version}). ` +
      "In a checkout, `. scripts/use-node.sh` puts Node 24 on this shell's PATH.\n",
  );
  process.exit(1);
}
