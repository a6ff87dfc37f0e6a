/**
 * `attest import sarif|prowler|cloudtrail FILE` and `attest findings`: findings from scanners,
 * posture tools and CloudTrail logs, listed, shown, triaged and filed as evidence.
 */
import { basename } from "node:path";
import type { Command } from "commander";
import type { Finding } from "../../domain/findings/finding.ts";
import { FINDING_SOURCES } from "../../domain/findings/finding.ts";
import type { FindingSource } from "../../domain/findings/finding.ts";
import { importFindings } from "../../services/program/findings/findings-import.service.ts";
import {
  listFindingsOf,
  listImports,
  recordFindingsEvidence,
  showFinding,
  triageFinding,
} from "../../services/program/findings/findings.service.ts";
import type { FindingFilter } from "../../services/program/findings/findings.service.ts";
import { readBytesFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { eventLine } from "../io.ts";

const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

function registerImport(program: Command, runtime: Runtime): void {
  const importer = program
    .command("import")
    .description("Import findings: SARIF 2.1.0, Prowler JSON-OCSF, or CloudTrail log files");
  const formats: Record<FindingSource, string> = {
    sarif: "a SARIF 2.1.0 file (CodeQL, Semgrep, Trivy, …)",
    prowler: "Prowler's JSON-OCSF output",
    cloudtrail: "a CloudTrail log file as delivered to S3 (.json or .json.gz)",
  };
  for (const source of FINDING_SOURCES) {
    importer
      .command(source)
      .description(`Import ${formats[source]}; a malformed file writes nothing`)
      .argument("<file>", 'the file ("-" reads standard input)')
      .action(async (file: string, _options: unknown, command: Command) => {
        const globals = globalsOf(command);
        const content = await readBytesFile(file);
        const outcome = await withActor(runtime, globals, (ctx, actor) =>
          importFindings(ctx, actor, {
            source,
            fileName: file === "-" ? "standard input" : basename(file),
            content,
          }),
        );
        if (globals.json) return printJson(runtime.io, outcome);
        const { counts, ref, sha256 } = outcome.import;
        runtime.io.out(
          `Imported ${ref}: ${counts.results} results, ${counts.created} new, ${counts.seenAgain} seen again` +
            (outcome.reopened.length === 0 ? "" : `, reopened ${outcome.reopened.join(", ")}`) +
            (outcome.closed.length === 0 ? "" : `, closed ${outcome.closed.join(", ")}`) +
            `.\nSHA-256 ${sha256}\n`,
        );
      });
  }
}

function printFinding(runtime: Runtime, finding: Finding): void {
  const rows: [string, string][] = [
    ["Finding", `${finding.ref}  ${finding.ruleTitle}`],
    ["Severity", finding.severity],
    ["Status", finding.status],
    ["Source", `${finding.source} (${finding.tool}), rule ${finding.ruleId}`],
    ["Resource", finding.resource],
    ["Location", finding.location ?? "-"],
    ["Message", finding.message],
    ["Happened", finding.occurredAt ?? "-"],
    ["First seen", finding.firstSeenAt],
    ["Last seen", `${finding.lastSeenAt} (${finding.lastImport})`],
    ["Due", finding.dueOn ?? "no deadline"],
    [
      "Triage",
      finding.triage === null
        ? "-"
        : `${finding.triage.decision} by ${finding.triage.by} at ${finding.triage.at}: ${finding.triage.reason}`,
    ],
  ];
  for (const [label, value] of rows) runtime.io.out(`${label.padEnd(11)} ${value}\n`);
}

function registerFindingsCommand(program: Command, runtime: Runtime): void {
  const findings = program
    .command("findings")
    .description("Findings imported from scanners, posture tools and CloudTrail");

  findings
    .command("list", { isDefault: true })
    .description("List findings, newest first")
    .option("--source <source>", FINDING_SOURCES.join(", "))
    .option("--status <status>", "open or closed")
    .option("--severity <severity>", "critical, high, medium, low or info")
    .option("--overdue", "only open findings past their deadline")
    .action(async (options: FindingFilter, command: Command) => {
      const globals = globalsOf(command);
      const list = await withActor(runtime, globals, (ctx, actor) =>
        listFindingsOf(ctx, actor, options),
      );
      if (globals.json) return printJson(runtime.io, list);
      runtime.io.out(
        formatTable(
          ["ID", "SEVERITY", "STATUS", "DUE", "SOURCE", "RULE", "RESOURCE"],
          list.items.map((f) => [
            f.ref,
            f.severity,
            f.status === "closed" ? `closed (${f.triage?.decision ?? "?"})` : f.status,
            f.dueOn ?? "-",
            f.source,
            f.ruleId,
            f.resource,
          ]),
        ),
      );
      runtime.io.out(
        `${list.counts.open} open (${list.counts.overdue} overdue), ${list.counts.closed} closed\n`,
      );
    });

  findings
    .command("show")
    .description("Show one finding with the element it came from and its history")
    .argument("<finding>", "finding id, e.g. F-12")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const shown = await withActor(runtime, globals, (ctx, actor) => showFinding(ctx, actor, key));
      if (globals.json) return printJson(runtime.io, shown);
      printFinding(runtime, shown.finding);
      runtime.io.out(`\nAs imported\n${JSON.stringify(shown.detail, null, 2)}\n\nHistory\n`);
      for (const entry of shown.history) {
        runtime.io.out(`  ${entry.at}  ${entry.actor}  ${eventLine(entry)}\n`);
      }
    });

  findings
    .command("triage")
    .description("Close an open finding with a decision and a reason")
    .argument("<finding>", "finding id, e.g. F-12")
    .requiredOption(
      "--decision <decision>",
      "remediated, false-positive, risk-accepted, authorized-activity or incident",
    )
    .requiredOption("--reason <text>", "why: what an auditor will read")
    .action(
      async (key: string, options: { decision: string; reason: string }, command: Command) => {
        const globals = globalsOf(command);
        const triaged = await withActor(runtime, globals, (ctx, actor) =>
          // The service checks the decision against its list, naming the field.
          triageFinding(ctx, actor, key, options as Parameters<typeof triageFinding>[3]),
        );
        if (globals.json) return printJson(runtime.io, triaged);
        runtime.io.out(`${triaged.ref} closed as ${triaged.triage?.decision ?? "?"}.\n`);
      },
    );

  findings
    .command("imports")
    .description("The imports, newest first, with each file's SHA-256")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) => listImports(ctx, actor));
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["ID", "SOURCE", "FILE", "RESULTS", "NEW", "BY", "AT", "SHA-256"],
          items.map((i) => [
            i.ref,
            i.source,
            i.fileName,
            String(i.counts.results),
            String(i.counts.created),
            i.importedBy,
            i.importedAt,
            i.sha256,
          ]),
        ),
      );
    });

  findings
    .command("evidence")
    .description("File the findings seen or triaged in a period as evidence for their controls")
    .requiredOption("--from <date>", "YYYY-MM-DD")
    .requiredOption("--to <date>", "YYYY-MM-DD")
    .action(async (options: { from: string; to: string }, command: Command) => {
      const globals = globalsOf(command);
      const filed = await withActor(runtime, globals, (ctx, actor) =>
        recordFindingsEvidence(ctx, actor, options),
      );
      if (globals.json) return printJson(runtime.io, filed);
      for (const item of filed) {
        runtime.io.out(`Filed ${item.id} for ${item.controls.join(", ")}: ${item.title}\n`);
      }
    });
}

export function registerFindings(program: Command, runtime: Runtime): void {
  registerImport(program, runtime);
  registerFindingsCommand(program, runtime);
}
