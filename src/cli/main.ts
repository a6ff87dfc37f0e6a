/** The `attest` command line. Returns the exit code instead of exiting, so tests can run it. */
import { Command, CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { AppError, USAGE_EXIT_CODE } from "../domain/errors.ts";
import type { Runtime } from "./runtime.ts";
import { UsageError } from "./usage.ts";

type Register = (program: Command, runtime: Runtime) => void;

/**
 * Each top-level command and the module that defines it. A command loads only its own module
 * (and so only the services and packages it uses): PDF rendering, the HTTP server, password
 * hashing and the demo cost nothing to a command that does not need them.
 */
export const COMMAND_MODULES: Record<string, () => Promise<Register>> = {
  criteria: async () => (await import("./commands/criteria.ts")).registerCriteria,
  catalog: async () => (await import("./commands/criteria.ts")).registerCriteria,
  init: async () => (await import("./commands/init.ts")).registerInit,
  scope: async () => (await import("./commands/scope.ts")).registerScope,
  controls: async () => (await import("./commands/controls.ts")).registerControls,
  evidence: async () => (await import("./commands/evidence.ts")).registerEvidence,
  readiness: async () => (await import("./commands/readiness.ts")).registerReadiness,
  engagement: async () => (await import("./commands/engagements.ts")).registerEngagement,
  report: async () => (await import("./commands/reports.ts")).registerReport,
  "audit-log": async () => (await import("./commands/audit-log.ts")).registerAuditLog,
  bundle: async () => (await import("./commands/bundle.ts")).registerBundle,
  "signing-key": async () => (await import("./commands/bundle.ts")).registerBundle,
  users: async () => (await import("./commands/users.ts")).registerUsers,
  jobs: async () => (await import("./commands/jobs.ts")).registerJobs,
  keys: async () => (await import("./commands/keys.ts")).registerKeys,
  demo: async () => (await import("./commands/demo.ts")).registerDemo,
  serve: async () => (await import("./commands/serve.ts")).registerServe,
  risks: async () => (await import("./commands/risks.ts")).registerRisks,
  vendors: async () => (await import("./commands/vendors.ts")).registerVendors,
  policies: async () => (await import("./commands/policies.ts")).registerPolicies,
  tasks: async () => (await import("./commands/tasks.ts")).registerTasks,
  requests: async () => (await import("./commands/requests.ts")).registerRequests,
  training: async () => (await import("./commands/training.ts")).registerTraining,
  notifications: async () => (await import("./commands/notifications.ts")).registerNotifications,
  people: async () => (await import("./commands/people.ts")).registerPeople,
  import: async () => (await import("./commands/findings.ts")).registerFindings,
  findings: async () => (await import("./commands/findings.ts")).registerFindings,
  // Connectors and checks (issue 17).
  connectors: async () => (await import("./commands/connectors.ts")).registerConnectors,
  checks: async () => (await import("./commands/checks.ts")).registerChecks,
  // The availability monitor (issue 17).
  monitors: async () => (await import("./commands/monitors.ts")).registerMonitors,
  // Access reviews (issue 16 part 3).
  "access-review": async () => (await import("./commands/access-review.ts")).registerAccessReview,
};

/** The command named on the line, skipping global options and the values --org and --as take. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--org" || arg === "--as") i += 1;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/** The register functions a command line needs: its own, none for the version, all for help. */
async function registersFor(argv: readonly string[]): Promise<Register[]> {
  const name = commandName(argv);
  if (name === undefined && (argv.includes("--version") || argv.includes("-V"))) return [];
  const loaders =
    name !== undefined && name in COMMAND_MODULES
      ? [COMMAND_MODULES[name]]
      : Object.values(COMMAND_MODULES);
  const registers = await Promise.all(loaders.map((load) => load?.()));
  return [...new Set(registers.filter((r): r is Register => r !== undefined))];
}

function buildProgram(
  runtime: Runtime,
  json: boolean,
  usage: string[],
  registers: readonly Register[],
  withVersion: boolean,
): Command {
  const program = new Command("attest").description("Attest: SOC 2 scope, controls and readiness");
  // Only before a command: commander would otherwise take a command's own --version
  // (report build --version v2) for the program's.
  if (withVersion) program.version(packageJson.version, "-V, --version", "print the version");
  program
    .option("--json", "machine-readable output")
    .option("--org <slug>", "organization to act on (default: ATTEST_ORG, or the only one)")
    .option(
      "--as <email>",
      "the member account to act as, with its role (default: ATTEST_AS, or the only owner)",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.out(text),
      // With --json, usage errors are reported as JSON below instead.
      writeErr: (text) => (json ? usage.push(text) : runtime.io.err(text)),
    });
  for (const register of registers) register(program, runtime);
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

/**
 * Runs one command line. Every command reads the database, so one that is named (not --version,
 * not help) starts connecting first (runtime.ts whileConnecting), which loads with it the code
 * every database command needs.
 */
export async function runCli(argv: readonly string[], runtime: Runtime): Promise<number> {
  const name = commandName(argv);
  const help = argv.includes("--help") || argv.includes("-h") || name === "help";
  if (name === undefined || help || !(name in COMMAND_MODULES)) return runCommand(argv, runtime);
  const { whileConnecting } = await import("./runtime.ts");
  return whileConnecting(runtime, () => runCommand(argv, runtime));
}

async function runCommand(argv: readonly string[], runtime: Runtime): Promise<number> {
  const json = argv.includes("--json");
  const usage: string[] = [];
  const withVersion = commandName(argv) === undefined;
  const program = buildProgram(runtime, json, usage, await registersFor(argv), withVersion);
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
