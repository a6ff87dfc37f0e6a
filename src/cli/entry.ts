/** The `attest` process: runs one command with the real environment and output, then exits. */
import { processIo } from "./io.ts";
import { runCli } from "./main.ts";

// A reader that stops early (attest readiness | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// No top-level await: the compiled CLI is CommonJS (see scripts/build-cli.mjs).
void runCli(process.argv.slice(2), { env: process.env, io: processIo }).then((code) => {
  process.exitCode = code;
});
