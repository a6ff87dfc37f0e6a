#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a checkout needs no build step.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (attest readiness | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { runCli } = await import("../src/cli/main.ts");
const { processIo } = await import("../src/cli/io.ts");
process.exitCode = await runCli(process.argv.slice(2), { env: process.env, io: processIo });
