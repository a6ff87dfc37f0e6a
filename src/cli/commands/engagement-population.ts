/**
 * `attest engagement population`: a control's population imported from its system of record
 * (import, show), and the assigned auditor's acceptance or return of it.
 */
import path from "node:path";
import type { Command } from "commander";
import type { PopulationImport } from "../../domain/population-import.ts";
import {
  importPopulation,
  reviewPopulation,
  showPopulation,
} from "../../services/fieldwork/populations.service.ts";
import type { PopulationView } from "../../services/fieldwork/populations.service.ts";
import { pullPopulation } from "../../services/checks/population-pull.service.ts";
import { readTextFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

interface ImportOptions {
  control: string;
  file: string;
  source: string;
  query?: string;
  ranBy?: string;
  ranAt?: string;
  completeness?: string;
  reason?: string;
  format?: string;
}

function statusLine(item: PopulationImport): string {
  if (item.status === "pending") return "awaiting the auditor";
  const by = `by ${item.reviewedBy ?? "?"} on ${item.reviewedAt ?? "?"}`;
  return item.status === "accepted"
    ? `accepted ${by}`
    : `returned ${by}: ${item.returnReason ?? ""}`;
}

function printView(io: Io, view: PopulationView): void {
  io.out(`${view.engagement} ${view.controlRef}  ${view.title}\n`);
  io.out(`Period       ${view.period.from} to ${view.period.to}\n`);
  const current = view.current;
  if (current === null) {
    io.out(
      "No population imported. Import one from the system of record " +
        "(attest engagement population import), or record each event as evidence on the control.\n",
    );
    return;
  }
  const rows: [string, string][] = [
    [
      "Import",
      `${current.number} (${current.format}${current.fileName === null ? "" : `, ${current.fileName}`})`,
    ],
    ["Status", statusLine(current)],
    ["Rows", `${current.rowCount}, ${current.firstDate ?? "?"} to ${current.lastDate ?? "?"}`],
    ["SHA-256", current.rowsSha256],
    ["Source", current.source.system],
    ["Query", current.source.query ?? "not stated"],
    ["Run", `by ${current.source.ranBy} at ${current.source.ranAt}`],
    ["Imported", `by ${current.importedBy} at ${current.importedAt}`],
    ["Complete", current.completeness],
  ];
  if (current.reason !== null) rows.push(["Reason", current.reason]);
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
  if (view.history.length > 1) {
    io.out("\nHistory\n");
    io.out(
      formatTable(
        ["IMPORT", "ROWS", "SHA-256", "STATUS", "IMPORTED"],
        view.history.map((h) => [
          String(h.number),
          String(h.rowCount),
          h.rowsSha256.slice(0, 16),
          h.status,
          h.importedAt,
        ]),
      ),
    );
  }
}

export function registerEngagementPopulation(engagement: Command, runtime: Runtime): void {
  const population = engagement
    .command("population")
    .description(
      "An event-driven control's population imported from its system of record, and the " +
        "auditor's acceptance",
    );

  population
    .command("import")
    .description(
      "Import a population: CSV with the header key,date,label, or a JSON array of " +
        "{key, date, label}; any bad row refuses the whole file",
    )
    .argument("<id>", "engagement")
    .requiredOption("--control <ref>", "the event-driven control, such as CM-02")
    .requiredOption("--file <path>", "the CSV or JSON file (- reads standard input)")
    .requiredOption("--source <system>", "the system of record the rows come from")
    .option("--query <text>", "the query or report that produced the rows")
    .option("--ran-by <name>", "who ran it (default: you)")
    .option("--ran-at <when>", "when it was run, YYYY-MM-DD or ISO 8601 (default: now)")
    .option(
      "--completeness <text>",
      "the company's statement that the rows are complete (required)",
    )
    .option("--reason <text>", "why a new import replaces the earlier one (kept)")
    .option("--format <csv|json>", "the file's format (default: from its name)")
    .action(async (handle: string, options: ImportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const content = await readTextFile(options.file);
      const format =
        options.format ?? (options.file.toLowerCase().endsWith(".json") ? "json" : "csv");
      const view = await withActor(runtime, globals, (ctx, actor) =>
        importPopulation(ctx, actor, handle, {
          control: options.control,
          format: format as "csv" | "json",
          content,
          ...(options.file === "-" ? {} : { fileName: path.basename(options.file) }),
          source: options.source,
          completeness: options.completeness ?? "",
          ...(options.query === undefined ? {} : { query: options.query }),
          ...(options.ranBy === undefined ? {} : { ranBy: options.ranBy }),
          ...(options.ranAt === undefined ? {} : { ranAt: options.ranAt }),
          ...(options.reason === undefined ? {} : { reason: options.reason }),
        }),
      );
      if (globals.json) return printJson(runtime.io, view);
      runtime.io.out(
        `Imported ${view.current?.rowCount ?? 0} rows for ${view.controlRef}; ` +
          "the auditor accepts or returns them.\n",
      );
      printView(runtime.io, view);
    });

  // Populations pulled through a connector (issue 17).
  population
    .command("pull")
    .description(
      "Pull a population for the engagement's period straight from a connected system " +
        "(e.g. github.merged-pull-requests), recording the system, query, who and when",
    )
    .argument("<id>", "engagement")
    .requiredOption("--control <ref>", "the event-driven control, such as CM-02")
    .requiredOption("--connector <name>", "the connector, by name or id (CN-1)")
    .requiredOption("--population <id>", "what to pull, e.g. github.merged-pull-requests")
    .option("--reason <text>", "why a new pull replaces the earlier import (kept)")
    .action(
      async (
        handle: string,
        options: { control: string; connector: string; population: string; reason?: string },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const view = await withActor(runtime, globals, (ctx, actor) =>
          pullPopulation(ctx, actor, handle, {
            control: options.control,
            connector: options.connector,
            population: options.population,
            ...(options.reason === undefined ? {} : { reason: options.reason }),
          }),
        );
        if (globals.json) return printJson(runtime.io, view);
        runtime.io.out(
          `Pulled ${view.current?.rowCount ?? 0} rows for ${view.controlRef}; ` +
            "the auditor accepts or returns them.\n",
        );
        printView(runtime.io, view);
      },
    );

  population
    .command("show")
    .description("A control's imported population: source, rows, SHA-256, status, history")
    .argument("<id>", "engagement")
    .requiredOption("--control <ref>", "the event-driven control")
    .action(async (handle: string, options: { control: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const view = await withActor(runtime, globals, (ctx, actor) =>
        showPopulation(ctx, actor, handle, options.control),
      );
      if (globals.json) return printJson(runtime.io, view);
      printView(runtime.io, view);
    });

  for (const decision of ["accept", "return"] as const) {
    population
      .command(decision)
      .description(
        decision === "accept"
          ? "The assigned auditor accepts the latest imported population"
          : "The assigned auditor returns the latest imported population, with a reason",
      )
      .argument("<id>", "engagement")
      .requiredOption("--control <ref>", "the event-driven control")
      .option(
        "--reason <text>",
        decision === "accept" ? "a note, kept in the audit trail" : "why (required)",
      )
      .action(
        async (handle: string, options: { control: string; reason?: string }, command: Command) => {
          const globals = command.optsWithGlobals<GlobalOptions>();
          const view = await withActor(runtime, globals, (ctx, actor) =>
            reviewPopulation(ctx, actor, handle, {
              control: options.control,
              decision,
              ...(options.reason === undefined ? {} : { reason: options.reason }),
            }),
          );
          if (globals.json) return printJson(runtime.io, view);
          printView(runtime.io, view);
        },
      );
  }
}
