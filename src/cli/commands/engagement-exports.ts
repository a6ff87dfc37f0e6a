/**
 * `attest engagement matrix` and `attest engagement workpapers`: the engagement's exports as
 * files. The services load when the command runs, so other `engagement` commands never load
 * the ZIP writer, and only the XLSX format loads exceljs.
 */
import type { Command } from "commander";
import { printJson } from "../io.ts";
import { writeOutputFile } from "../files.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

export function registerEngagementExports(engagement: Command, runtime: Runtime): void {
  engagement
    .command("matrix")
    .description(
      "Write the control matrix (one row per control: criteria, owner, frequency, " +
        "population, sample size, test performed, result, exceptions) as CSV or XLSX",
    )
    .argument("<id>", "engagement number (E-1 or 1) or id")
    .option("--format <format>", "csv or xlsx", "csv")
    .requiredOption("--out <file>", "where to write it")
    .action(async (handle: string, options: { format: string; out: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { controlMatrixFile } =
        await import("../../services/fieldwork/exports/control-matrix.ts");
      const file = await withActor(runtime, globals, (ctx, actor) =>
        controlMatrixFile(ctx, actor, handle, options.format),
      );
      await writeOutputFile(options.out, file.bytes);
      const summary = {
        out: options.out,
        format: options.format,
        rows: file.rows,
        bytes: file.bytes.length,
      };
      if (globals.json) return printJson(runtime.io, summary);
      runtime.io.out(
        `Wrote ${options.out}: the control matrix, ${file.rows} control${file.rows === 1 ? "" : "s"} (${summary.bytes} bytes).\n`,
      );
    });

  engagement
    .command("workpapers")
    .description(
      "Write the workpapers (matrix, overview, one workpaper per control, imported " +
        "populations, the auditor's own files) as a signed ZIP; check it with " +
        "`attest bundle verify`. The assigned auditor's alone",
    )
    .argument("<id>", "engagement number (E-1 or 1) or id")
    .requiredOption("--out <file>", "where to write the ZIP")
    .action(async (handle: string, options: { out: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { buildWorkpapers } = await import("../../services/fieldwork/exports/workpapers.ts");
      const papers = await withActor(runtime, globals, (ctx, actor) =>
        buildWorkpapers(ctx, actor, handle, options.out),
      );
      const summary = {
        out: options.out,
        files: papers.files,
        attachments: papers.attachments,
        bytes: papers.zipBytes,
        signingKey: papers.signingKey,
      };
      if (globals.json) return printJson(runtime.io, summary);
      runtime.io.out(
        `Wrote ${options.out}: ${papers.files} files (${papers.attachments} of the auditor's ` +
          `own), ${summary.bytes} bytes.\n` +
          `Signed with ${papers.signingKey.algorithm} key ${papers.signingKey.fingerprint}\n`,
      );
    });
}
