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
process.exitCode = await runCli(process.argv.slice(2), { env: process.env, io: processIo });
