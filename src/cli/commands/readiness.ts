import type { Command } from "commander";
import type { ReadinessReport } from "../../domain/readiness.ts";
import { getReadiness } from "../../services/program/readiness.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

const STATUS_LABEL = {
  covered: "covered",
  partial: "PARTIAL",
  gap: "GAP",
  "not-relevant": "n/r",
} as const;

function printReadiness(io: Io, report: ReadinessReport, verbose: boolean): void {
  const o = report.overall;
  io.out(
    `Readiness ${o.percent}%: ${o.covered} covered, ${o.partial} partial, ${o.gap} gaps, ` +
      `${o.notRelevant} not relevant (${o.criteria} criteria in scope)\n\n`,
  );
  io.out(
    formatTable(
      ["CATEGORY", "READY", "COVERED", "PARTIAL", "GAP", "N/R"],
      report.categories.map((c) => [
        c.name,
        `${c.percent}%`,
        String(c.covered),
        String(c.partial),
        String(c.gap),
        String(c.notRelevant),
      ]),
    ),
  );
  io.out("\n");
  io.out(
    formatTable(
      ["CRITERION", "STATUS", "IN PLACE", "WHY"],
      report.criteria.map((c) => [
        c.id,
        STATUS_LABEL[c.status],
        c.status === "not-relevant" ? "" : `${c.effective}/${c.applicable}`,
        verbose ? c.reasons.join(" ") : (c.reasons[0] ?? ""),
      ]),
    ),
  );
  if (report.nextControls.length > 0) {
    io.out("\nImplement next (criteria it would help):\n");
    for (const next of report.nextControls.slice(0, 10)) {
      io.out(`  ${next.ref}  ${next.title} [${next.status}]: ${next.criteria.join(", ")}\n`);
    }
  }
}

export function registerReadiness(program: Command, runtime: Runtime): void {
  program
    .command("readiness")
    .description("Where the organization stands: each criterion covered, partial or a gap, and why")
    .option("-v, --verbose", "every reason, not only the first")
    .action(async (options: { verbose?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const report = await withActor(runtime, globals, getReadiness);
      if (globals.json) return printJson(runtime.io, report);
      printReadiness(runtime.io, report, options.verbose === true);
    });
}
