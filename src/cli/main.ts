/** The `attest` command line. Returns the exit code instead of exiting, so tests can run it. */
import { Command, CommanderError } from "commander";
import { AppError, USAGE_EXIT_CODE } from "../domain/errors.ts";
import { registerAuditLog } from "./commands/audit-log.ts";
import { registerBundle } from "./commands/bundle.ts";
import { registerControls } from "./commands/controls.ts";
import { registerCriteria } from "./commands/criteria.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerEngagement } from "./commands/engagement.ts";
import { registerEvidence } from "./commands/evidence.ts";
import { registerInit } from "./commands/init.ts";
import { registerReadiness } from "./commands/readiness.ts";
import { registerReport } from "./commands/report.ts";
import { registerScope } from "./commands/scope.ts";
import { registerServe } from "./commands/serve.ts";
import { registerUsers } from "./commands/users.ts";
import type { Runtime } from "./runtime.ts";
import { UsageError } from "./usage.ts";

function buildProgram(runtime: Runtime, json: boolean, usage: string[]): Command {
  const program = new Command("attest")
    .description("Attest: SOC 2 scope, controls and readiness")
    .option("--json", "machine-readable output")
    .option("--org <slug>", "organization to act on (default: ATTEST_ORG, or the only one)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.out(text),
      // With --json, usage errors are reported as JSON below instead.
      writeErr: (text) => (json ? usage.push(text) : runtime.io.err(text)),
    });
  registerCriteria(program, runtime);
  registerInit(program, runtime);
  registerScope(program, runtime);
  registerControls(program, runtime);
  registerEvidence(program, runtime);
  registerReadiness(program, runtime);
  registerEngagement(program, runtime);
  registerReport(program, runtime);
  registerAuditLog(program, runtime);
  registerBundle(program, runtime);
  registerUsers(program, runtime);
  registerDemo(program, runtime);
  registerServe(program, runtime);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

function printError(
  runtime: Runtime,
  json: boolean,
  code: string,
  detail: string,
  fields: unknown[],
) {
  runtime.io.err(
    json ? `${JSON.stringify({ error: { code, detail, fields } })}\n` : `attest: ${detail}\n`,
  );
}

function reportError(runtime: Runtime, error: unknown, json: boolean): number {
  if (error instanceof UsageError) {
    printError(runtime, json, "USAGE", error.message, []);
    return USAGE_EXIT_CODE;
  }
  if (error instanceof AppError) {
    printError(runtime, json, error.code, error.message, [...error.fieldErrors]);
    return error.exitCode;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  runtime.io.err(`attest: internal error: ${message}\n`);
  return 1;
}

export async function runCli(argv: readonly string[], runtime: Runtime): Promise<number> {
  const json = argv.includes("--json");
  const usage: string[] = [];
  const program = buildProgram(runtime, json, usage);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; real usage mistakes exit 2.
      if (error.exitCode === 0) return 0;
      if (json) printError(runtime, json, "USAGE", error.message.replace(/^error: /, ""), []);
      return USAGE_EXIT_CODE;
    }
    return reportError(runtime, error, json);
  }
}
