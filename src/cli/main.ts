/** The `attest` command line. Returns the exit code instead of exiting, so tests can run it. */
import { Command, CommanderError } from "commander";
import { AppError, USAGE_EXIT_CODE } from "../domain/errors.ts";
import { registerControls } from "./commands/controls.ts";
import { registerCriteria } from "./commands/criteria.ts";
import { registerInit } from "./commands/init.ts";
import { registerReadiness } from "./commands/readiness.ts";
import { registerScope } from "./commands/scope.ts";
import { registerServe } from "./commands/serve.ts";
import type { Runtime } from "./runtime.ts";

function buildProgram(runtime: Runtime): Command {
  const program = new Command("attest")
    .description("Attest: SOC 2 scope, controls and readiness")
    .option("--json", "machine-readable output")
    .option("--org <slug>", "organization to act on (default: ATTEST_ORG, or the only one)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.out(text),
      writeErr: (text) => runtime.io.err(text),
    });
  registerCriteria(program, runtime);
  registerInit(program, runtime);
  registerScope(program, runtime);
  registerControls(program, runtime);
  registerReadiness(program, runtime);
  registerServe(program, runtime);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

function reportError(runtime: Runtime, error: unknown, json: boolean): number {
  if (error instanceof AppError) {
    if (json) {
      runtime.io.err(
        `${JSON.stringify({ error: { code: error.code, detail: error.message, fields: error.fieldErrors } })}\n`,
      );
    } else {
      runtime.io.err(`attest: ${error.message}\n`);
    }
    return error.exitCode;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  runtime.io.err(`attest: internal error: ${message}\n`);
  return 1;
}

export async function runCli(argv: readonly string[], runtime: Runtime): Promise<number> {
  const program = buildProgram(runtime);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; real usage mistakes exit 2.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    return reportError(runtime, error, argv.includes("--json"));
  }
}
