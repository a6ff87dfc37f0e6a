import type { Command } from "commander";
import type { Control } from "../../domain/control.ts";
import { listControls } from "../../services/program/controls-read.ts";
import type { UpdateControlInput } from "../../services/program/controls.service.ts";
import { readTextFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import { eventLine } from "../io.ts";
import { UsageError } from "../usage.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, withActor } from "../runtime.ts";

/**
 * The changes load when one is asked for: `controls list`, the common call, then loads
 * neither the control library nor the write schemas.
 */
const changes = () => import("../../services/program/controls.service.ts");

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function printControl(io: Io, control: Control): void {
  const rows: [string, string][] = [
    ["Control", `${control.ref}  ${control.title}`],
    ["Status", control.status + (control.statusReason ? ` (${control.statusReason})` : "")],
    ["Owner", control.owner ?? `unassigned (suggested role: ${control.ownerRole ?? "none"})`],
    ["Kind", `${control.kind}, ${control.automation}, ${control.frequency}`],
    ["Criteria", control.criteria.join(", ") || "none"],
    ["Description", control.description],
    ["Evidence", control.suggestedEvidence.join("; ") || "none suggested"],
    ["Test", control.testProcedure],
    ["Version", `${control.version}, updated ${control.updatedAt}`],
  ];
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
}

interface ListOptions {
  status?: string;
  criterion?: string;
  owner?: string;
}

interface AddOptions {
  ref: string;
  title: string;
  description: string;
  kind: string;
  automation: string;
  frequency: string;
  ownerRole?: string;
  owner?: string;
  criteria?: string;
  evidence?: string[];
  testProcedure?: string;
}

interface UpdateOptions {
  status?: string;
  owner?: string;
  clearOwner?: boolean;
  reason?: string;
  title?: string;
  description?: string;
  kind?: string;
  automation?: string;
  frequency?: string;
  ownerRole?: string;
  testProcedure?: string;
}

function updateInput(options: UpdateOptions): UpdateControlInput {
  const { clearOwner, ...rest } = options;
  if (clearOwner && rest.owner !== undefined) {
    throw new UsageError("give --owner or --clear-owner, not both");
  }
  const input: UpdateControlInput = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  return clearOwner ? { ...input, owner: null } : input;
}

export function registerControls(program: Command, runtime: Runtime): void {
  const controls = program.command("controls").description("The organization's controls");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  controls
    .command("list", { isDefault: true })
    .description("List controls")
    .option("--status <status>", "not-started, in-progress, implemented or not-applicable")
    .option("--criterion <id>", "only controls mapped to this criterion")
    .option("--owner <owner>", "only controls with this owner")
    .action(async (options: ListOptions, command: Command) => {
      const globals = globalsOf(command);
      const shown = await withActor(runtime, globals, (ctx, actor) =>
        listControls(ctx, actor, options),
      );
      if (globals.json) return printJson(runtime.io, shown);
      runtime.io.out(
        formatTable(
          ["ID", "STATUS", "FREQUENCY", "OWNER", "SUGGESTED ROLE", "CRITERIA", "TITLE"],
          shown.map((c) => [
            c.ref,
            c.status,
            c.frequency,
            c.owner ?? "-",
            c.ownerRole ?? "-",
            c.criteria.join(","),
            c.title,
          ]),
        ),
      );
    });

  controls
    .command("show")
    .description("Show one control with its history")
    .argument("<id>", "control id, e.g. AC-04")
    .action(async (ref: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const { showControl } = await changes();
      const result = await withActor(runtime, globals, (ctx, actor) =>
        showControl(ctx, actor, ref),
      );
      if (globals.json) return printJson(runtime.io, result);
      printControl(runtime.io, result.control);
      runtime.io.out("\nHistory\n");
      for (const entry of result.history) {
        runtime.io.out(`  ${entry.at}  ${entry.actor}  ${eventLine(entry)}\n`);
      }
    });

  controls
    .command("add")
    .description("Add a control of your own")
    .requiredOption("--ref <id>", "control id, e.g. ACME-01")
    .requiredOption("--title <text>", "short title")
    .requiredOption("--description <text>", "what the control does")
    .requiredOption("--kind <kind>", "preventive, detective or corrective")
    .requiredOption("--automation <automation>", "manual, automated or it-dependent-manual")
    .requiredOption(
      "--frequency <frequency>",
      "continuous, daily, weekly, monthly, quarterly, annual or event-driven",
    )
    .option("--owner-role <role>", "suggested owner role, e.g. security")
    .option("--owner <owner>", "who owns it")
    .option("--criteria <list>", "criteria it addresses, comma-separated")
    .option("--evidence <text>", "suggested evidence (repeatable)", collect)
    .option("--test-procedure <text>", "how an auditor tests it")
    .action(async (options: AddOptions, command: Command) => {
      const globals = globalsOf(command);
      const { createControl } = await changes();
      const control = await withActor(runtime, globals, (ctx, actor) =>
        createControl(ctx, actor, {
          ref: options.ref,
          title: options.title,
          description: options.description,
          kind: options.kind,
          automation: options.automation,
          frequency: options.frequency,
          ownerRole: options.ownerRole ?? null,
          owner: options.owner ?? null,
          criteria: options.criteria === undefined ? [] : list(options.criteria),
          suggestedEvidence: options.evidence ?? [],
          ...(options.testProcedure === undefined ? {} : { testProcedure: options.testProcedure }),
        }),
      );
      if (globals.json) return printJson(runtime.io, control);
      runtime.io.out(`Added ${control.ref}.\n`);
    });

  controls
    .command("owners")
    .description(
      "Assign owners in bulk: every control suggesting --role to --to, or a CSV of ref,email",
    )
    .option("--csv <file>", "a CSV file of ref,email lines (a header line is allowed)")
    .option("--role <role>", "the suggested owner role, e.g. security")
    .option("--to <email>", "the member who owns the role's controls")
    .action(async (options: { csv?: string; role?: string; to?: string }, command: Command) => {
      const globals = globalsOf(command);
      const byRole = options.role !== undefined || options.to !== undefined;
      if (byRole === (options.csv !== undefined)) {
        throw new UsageError("give --csv FILE, or --role ROLE with --to EMAIL");
      }
      if (byRole && (options.role === undefined || options.to === undefined)) {
        throw new UsageError("--role and --to go together");
      }
      const csv = options.csv === undefined ? undefined : await readTextFile(options.csv, "--csv");
      const { assignControlOwners } =
        await import("../../services/program/control-owners.service.ts");
      const outcome = await withActor(runtime, globals, (ctx, actor) =>
        assignControlOwners(
          ctx,
          actor,
          csv === undefined ? { role: options.role ?? "", email: options.to ?? "" } : { csv },
        ),
      );
      if (globals.json) return printJson(runtime.io, outcome);
      for (const change of outcome.changed) {
        runtime.io.out(`${change.ref}  ${change.from ?? "(none)"} -> ${change.to}\n`);
      }
      runtime.io.out(
        `${outcome.changed.length} control${outcome.changed.length === 1 ? "" : "s"} assigned` +
          (outcome.unchanged.length === 0
            ? ".\n"
            : `; ${outcome.unchanged.length} already had that owner.\n`),
      );
    });

  controls
    .command("update")
    .description("Change a control's status, owner or text (recorded in its history)")
    .argument("<id>", "control id")
    .option("--status <status>", "not-started, in-progress, implemented or not-applicable")
    .option("--owner <owner>", "who owns it")
    .option("--clear-owner", "remove the owner")
    .option("--reason <text>", "why (required for not-applicable)")
    .option("--title <text>")
    .option("--description <text>")
    .option("--kind <kind>")
    .option("--automation <automation>")
    .option("--frequency <frequency>")
    .option("--owner-role <role>")
    .option("--test-procedure <text>")
    .action(async (ref: string, options: UpdateOptions, command: Command) => {
      const globals = globalsOf(command);
      const { updateControl } = await changes();
      const control = await withActor(runtime, globals, (ctx, actor) =>
        updateControl(ctx, actor, ref, updateInput(options)),
      );
      if (globals.json) return printJson(runtime.io, control);
      runtime.io.out(`Updated ${control.ref}: ${control.status}.\n`);
    });

  for (const [name, verb, action] of [
    ["map", "Map a control to a criterion", "mapControl"],
    ["unmap", "Remove a control's mapping to a criterion", "unmapControl"],
  ] as const) {
    controls
      .command(name)
      .description(verb)
      .argument("<id>", "control id")
      .argument("<criterion>", "criterion id, e.g. CC6.1")
      .action(async (ref: string, criterion: string, _options: unknown, command: Command) => {
        const globals = globalsOf(command);
        const run = (await changes())[action];
        const control = await withActor(runtime, globals, (ctx, actor) =>
          run(ctx, actor, ref, { criterion }),
        );
        if (globals.json) return printJson(runtime.io, control);
        runtime.io.out(`${control.ref} now maps to ${control.criteria.join(", ") || "nothing"}.\n`);
      });
  }
}
