/**
 * `attest connectors`: the systems an organization connects for its checks. Secrets (tokens,
 * keys) are never taken from the command line, where shell history and process lists would
 * keep them: each comes from an environment variable or a file.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  addConnector,
  connectorKindsView,
  definitionOf,
  listConnectorsOf,
  removeConnector,
  showConnector,
  testConnector,
  updateConnectorOf,
} from "../../services/checks/connectors.service.ts";
import type { ConnectorView } from "../../services/checks/connectors.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
const collect = (value: string, previous: string[]) => [...previous, value];

/** "k=v" pairs. */
function pairs(items: readonly string[], option: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`${option} takes NAME=VALUE, not "${item}"`);
    out[item.slice(0, at).trim()] = item.slice(at + 1);
  }
  return out;
}

/** A setting's value: JSON for a list or an object, a number or true/false as such, else text. */
function settingValue(value: string): unknown {
  const trimmed = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The default variable of a secret field: ATTEST_GITHUB_TOKEN for github's "token". */
export function defaultSecretVariable(kind: string, field: string): string {
  const name = field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  return `ATTEST_${kind.toUpperCase()}_${name}`;
}

interface SecretOptions {
  secretEnv: string[];
  secretFile: string[];
}

/** Each secret field from --secret-env, --secret-file, or its default variable. */
async function readSecrets(
  runtime: Runtime,
  kind: string,
  options: SecretOptions,
  required: boolean,
): Promise<Record<string, string> | undefined> {
  const definition = definitionOf(kind);
  const fromEnv = pairs(options.secretEnv, "--secret-env");
  const fromFile = pairs(options.secretFile, "--secret-file");
  const secrets: Record<string, string> = {};
  for (const field of definition.fields.filter((f) => f.secret)) {
    const variable = fromEnv[field.name] ?? defaultSecretVariable(kind, field.name);
    const file = fromFile[field.name];
    const value =
      file === undefined ? runtime.env[variable] : (await readFile(file, "utf8")).trim();
    if (value !== undefined && value !== "") secrets[field.name] = value;
  }
  const unknown = [...Object.keys(fromEnv), ...Object.keys(fromFile)].filter(
    (name) => !definition.fields.some((f) => f.secret && f.name === name),
  );
  if (unknown.length > 0) {
    throw new UsageError(`${kind} has no secret field ${unknown.join(", ")}`);
  }
  if (!required && Object.keys(secrets).length === 0) return undefined;
  return secrets;
}

function printConnector(runtime: Runtime, c: ConnectorView): void {
  const rows: [string, string][] = [
    ["Connector", `${c.ref}  ${c.name} (${c.system})`],
    ["Settings", JSON.stringify(c.settings)],
    ["Credentials", `${c.credentialFields.join(", ") || "none"} (sealed, never shown)`],
    ["Runs", `every ${c.intervalMinutes} minutes; next ${c.nextRunAt}`],
    [
      "Last run",
      c.lastRun === null
        ? "never"
        : `${c.lastRun.ref} ${c.lastRun.outcome} at ${c.lastRun.finishedAt}` +
          (c.lastRun.snapshotSha256 === null ? "" : `, snapshot ${c.lastRun.snapshotSha256}`),
    ],
  ];
  if (c.error !== null) {
    rows.push([
      "Error",
      `${c.error.failure}: ${c.error.message} (${c.consecutiveFailures} failed in a row; retried with backoff)`,
    ]);
  }
  for (const [label, value] of rows) runtime.io.out(`${label.padEnd(12)} ${value}\n`);
}

function secretHelp(): string {
  return (
    "Secrets are never read from the command line: each secret field comes from the " +
    "environment variable ATTEST_<KIND>_<FIELD> (ATTEST_GITHUB_TOKEN for GitHub's token), " +
    "from --secret-env FIELD=VARIABLE, or from --secret-file FIELD=PATH."
  );
}

export function registerConnectors(program: Command, runtime: Runtime): void {
  const connectors = program
    .command("connectors")
    .description("The systems connected for automated checks (GitHub, AWS, Okta)");

  connectors
    .command("list", { isDefault: true })
    .description("The connectors, their last run and any error")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) => listConnectorsOf(ctx, actor));
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["ID", "NAME", "KIND", "EVERY", "LAST RUN", "STATE"],
          items.map((c) => [
            c.ref,
            c.name,
            c.kind,
            `${c.intervalMinutes} min`,
            c.lastRun === null ? "never" : `${c.lastRun.ref} ${c.lastRun.finishedAt}`,
            c.error === null ? "ok" : `${c.error.failure}: ${c.error.message}`,
          ]),
        ),
      );
    });

  connectors
    .command("kinds")
    .description("The kinds of connector Attest ships, their fields and read-only permissions")
    .action((_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const kinds = connectorKindsView();
      if (globals.json) return printJson(runtime.io, kinds);
      for (const k of kinds) {
        runtime.io.out(`${k.kind}  ${k.title}: ${k.checks} checks\n`);
        for (const f of k.fields) {
          runtime.io.out(
            `  ${f.secret ? "secret " : "setting"} ${f.name}${f.required ? "" : " (optional)"}: ${f.help}\n`,
          );
        }
        for (const p of k.permissions) runtime.io.out(`  needs: ${p}\n`);
      }
    });

  connectors
    .command("add")
    .description(`Connect a system; a test connection runs first. ${secretHelp()}`)
    .argument("<kind>", "github, aws or okta")
    .requiredOption("--name <name>", "a name for this connector")
    .option("--setting <name=value>", "a setting (repeatable), e.g. organization=acme", collect, [])
    .option("--secret-env <field=VARIABLE>", "read a secret from this variable", collect, [])
    .option("--secret-file <field=path>", "read a secret from this file", collect, [])
    .option("--every <minutes>", "run the checks every N minutes (default 60)")
    .action(
      async (
        kind: string,
        options: SecretOptions & { name: string; setting: string[]; every?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const settings = Object.fromEntries(
          Object.entries(pairs(options.setting, "--setting")).map(([k, v]) => [k, settingValue(v)]),
        );
        const credentials = (await readSecrets(runtime, kind, options, true)) ?? {};
        const view = await withActor(runtime, globals, (ctx, actor) =>
          addConnector(ctx, actor, {
            kind: kind as "github",
            name: options.name,
            settings,
            credentials,
            ...(options.every === undefined ? {} : { intervalMinutes: Number(options.every) }),
          }),
        );
        if (globals.json) return printJson(runtime.io, view);
        runtime.io.out(`Connected ${view.ref} ${view.name}; its checks run on the next pass.\n`);
      },
    );

  connectors
    .command("update")
    .description(`Change a connector's name, settings, schedule or secrets. ${secretHelp()}`)
    .argument("<connector>", "name or id (CN-1)")
    .option("--name <name>", "a new name")
    .option(
      "--setting <name=value>",
      "a setting (repeatable); the settings given replace all",
      collect,
      [],
    )
    .option("--secret-env <field=VARIABLE>", "replace a secret from this variable", collect, [])
    .option("--secret-file <field=path>", "replace a secret from this file", collect, [])
    .option("--every <minutes>", "run the checks every N minutes")
    .action(
      async (
        key: string,
        options: SecretOptions & { name?: string; setting: string[]; every?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const view = await withActor(runtime, globals, async (ctx, actor) => {
          const current = await showConnector(ctx, actor, key);
          const explicit = options.secretEnv.length + options.secretFile.length > 0;
          const credentials = explicit
            ? await readSecrets(runtime, current.kind, options, true)
            : undefined;
          return updateConnectorOf(ctx, actor, key, {
            ...(options.name === undefined ? {} : { name: options.name }),
            ...(options.setting.length === 0
              ? {}
              : {
                  settings: Object.fromEntries(
                    Object.entries(pairs(options.setting, "--setting")).map(([k, v]) => [
                      k,
                      settingValue(v),
                    ]),
                  ),
                }),
            ...(credentials === undefined ? {} : { credentials }),
            ...(options.every === undefined ? {} : { intervalMinutes: Number(options.every) }),
          });
        });
        if (globals.json) return printJson(runtime.io, view);
        printConnector(runtime, view);
      },
    );

  connectors
    .command("show")
    .description("One connector: settings, schedule, last run, error (never its secrets)")
    .argument("<connector>", "name or id (CN-1)")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const view = await withActor(runtime, globals, (ctx, actor) =>
        showConnector(ctx, actor, key),
      );
      if (globals.json) return printJson(runtime.io, view);
      printConnector(runtime, view);
    });

  connectors
    .command("test")
    .description("Connect with the stored settings and secrets")
    .argument("<connector>", "name or id (CN-1)")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const outcome = await withActor(runtime, globals, (ctx, actor) =>
        testConnector(ctx, actor, key),
      );
      if (globals.json) return printJson(runtime.io, outcome);
      runtime.io.out(`${outcome.connector} connects.\n`);
    });

  connectors
    .command("remove")
    .description("Stop using a connector; its runs, results and evidence stay on record")
    .argument("<connector>", "name or id (CN-1)")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const view = await withActor(runtime, globals, (ctx, actor) =>
        removeConnector(ctx, actor, key),
      );
      if (globals.json) return printJson(runtime.io, view);
      runtime.io.out(`Removed ${view.ref} ${view.name}.\n`);
    });
}
