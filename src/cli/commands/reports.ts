/**
 * `attest report`: the report package of an engagement — the draft and what it lacks, the
 * description, assertion and section V, review threads, finalization, versions and outputs.
 * Sharing and bridge letters are in reports-share.ts.
 */
import type { Command } from "commander";
import { isStructuredOpinion } from "../../domain/opinion-template.ts";
import type { ReportPackage } from "../../domain/report.ts";
import { threadLabel } from "../../domain/review.ts";
import type { ReviewThread } from "../../domain/review.ts";
import {
  approveAssertion,
  showReportDraft,
  updateAssertion,
  updateOtherInformation,
  updateSystemDescription,
} from "../../services/reporting/report-draft.service.ts";
import type { DescriptionInput } from "../../services/reporting/report-draft.service.ts";
import { REPORT_FORMATS, renderReport } from "../../services/reporting/report-output.ts";
import type { ReportFormat } from "../../services/reporting/report-output.ts";
import {
  listReviewThreads,
  openReviewThread,
  replyToThread,
} from "../../services/reporting/report-review.service.ts";
import {
  finalizeReport,
  listReportVersionsOf,
  loadReportPackage,
  packageChoice,
} from "../../services/reporting/report-versions.service.ts";
import { parseInput } from "../../services/platform/validation.ts";
import { readJsonFile, readTextFile, writeOutputFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";
import { registerReportOpinion } from "./reports-opinion.ts";
import { registerReportSharing } from "./reports-share.ts";

function printDraft(io: Io, pkg: ReportPackage): void {
  const e = pkg.engagement;
  const period = e.type === 1 ? `as of ${e.asOf}` : `${e.periodFrom} to ${e.periodTo}`;
  io.out(`${e.label} report, draft of version ${pkg.version}: Type ${e.type}, ${period}\n`);
  io.out(
    `Opinion       ${pkg.opinion === null ? "none recorded (readiness report)" : `${pkg.opinion.type}, recorded by ${pkg.opinion.recordedByName}${isStructuredOpinion(pkg.opinion) ? `, dated ${pkg.opinion.date}` : ""}`}\n`,
  );
  const approval = pkg.assertion.approval;
  io.out(
    `Assertion     ${pkg.assertion.generated ? "template words" : "edited"}, ${approval === null ? "not approved" : `approved by ${approval.name} ${approval.at}`}\n`,
  );
  for (const words of pkg.voidedSignOffs) io.out(`Void          ${words}\n`);
  const controls = new Map(pkg.criteria.flatMap((c) => c.controls).map((c) => [c.ref, c]));
  const tested = [...controls.values()].filter((c) => c.test !== null).length;
  const exceptions = [...controls.values()].reduce((n, c) => n + c.exceptions.length, 0);
  io.out(
    `Criteria      ${pkg.criteria.length} in scope; ${controls.size} controls, ${tested} tested, ` +
      `${exceptions} exceptions\n`,
  );
  if (pkg.descriptionGaps.length === 0) {
    io.out("Description   complete (DC1–DC9)\n");
    return;
  }
  io.out(`Description   ${pkg.descriptionGaps.length} items missing:\n`);
  for (const gap of pkg.descriptionGaps) io.out(`  ${gap.criterion}  ${gap.missing}\n`);
}

function printThreads(io: Io, threads: ReviewThread[]): void {
  if (threads.length === 0) {
    io.out("No review threads.\n");
    return;
  }
  for (const t of threads) {
    io.out(
      `${threadLabel(t)}  section ${t.section}${t.item === null ? "" : ` (${t.item})`}  ${t.status}\n`,
    );
    for (const c of t.comments) {
      const verb = c.action === "comment" ? "" : `[${c.action}] `;
      io.out(`    ${c.createdAt}  ${c.authorName} (${c.authorRole}): ${verb}${c.body}\n`);
    }
  }
}

export function registerReport(program: Command, runtime: Runtime): void {
  const report = program
    .command("report")
    .description("The report package: description, assertion, review, final versions, sharing");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const out = runtime.io;

  report
    .command("show")
    .description("The draft: opinion, assertion, and what the description still lacks")
    .argument("<engagement>", "engagement (E-1 or 1)")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const view = await withActor(runtime, globals, (ctx, actor) =>
        showReportDraft(ctx, actor, handle),
      );
      if (globals.json) return printJson(out, view.package);
      printDraft(out, view.package);
    });

  report
    .command("description")
    .description("Replace fields of the system description from a JSON file (see the README)")
    .argument("<engagement>", "engagement")
    .option("--file <file>", "JSON with any of the description's fields")
    .option("--print", "print the current description as JSON (a starting point to edit)")
    .action(
      async (handle: string, options: { file?: string; print?: boolean }, command: Command) => {
        const globals = globalsOf(command);
        if (options.print === true) {
          const view = await withActor(runtime, globals, (ctx, actor) =>
            showReportDraft(ctx, actor, handle),
          );
          return printJson(out, view.package.description);
        }
        if (options.file === undefined) throw new UsageError("give --file FILE or --print");
        const input = (await readJsonFile(options.file)) as DescriptionInput;
        const view = await withActor(runtime, globals, (ctx, actor) =>
          updateSystemDescription(ctx, actor, handle, input),
        );
        if (globals.json) return printJson(out, view.package.description);
        printDraft(out, view.package);
      },
    );

  report
    .command("assertion")
    .description("Management's assertion: print it, replace it from a file, or regenerate it")
    .argument("<engagement>", "engagement")
    .option("--file <file>", "the new text (- for standard input)")
    .option("--regenerate", "start again from the template words")
    .option("--approve", "approve it as it stands (owner); recorded with your name")
    .action(
      async (
        handle: string,
        options: { file?: string; regenerate?: boolean; approve?: boolean },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const text = options.file === undefined ? undefined : await readTextFile(options.file);
        const view = await withActor(runtime, globals, async (ctx, actor) => {
          if (text !== undefined) await updateAssertion(ctx, actor, handle, { text });
          else if (options.regenerate === true) {
            await updateAssertion(ctx, actor, handle, { regenerate: true });
          }
          if (options.approve === true) return approveAssertion(ctx, actor, handle);
          return showReportDraft(ctx, actor, handle);
        });
        const assertion = view.package.assertion;
        if (globals.json) return printJson(out, assertion);
        out.out(`${assertion.text}\n\n`);
        out.out(
          assertion.approval === null
            ? "Not approved.\n"
            : `Approved by ${assertion.approval.name} at ${assertion.approval.at}.\n`,
        );
      },
    );

  report
    .command("other-information")
    .description("Section V: other information from management, from a text file")
    .argument("<engagement>", "engagement")
    .requiredOption("--file <file>", "the text (- for standard input)")
    .action(async (handle: string, options: { file: string }, command: Command) => {
      const globals = globalsOf(command);
      const text = await readTextFile(options.file);
      const view = await withActor(runtime, globals, (ctx, actor) =>
        updateOtherInformation(ctx, actor, handle, { text }),
      );
      if (globals.json) return printJson(out, { otherInformation: view.package.otherInformation });
      out.out(`Section V saved (${text.trim().length} characters).\n`);
    });

  report
    .command("threads")
    .description("Review threads on the draft, with their comments")
    .argument("<engagement>", "engagement")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const threads = await withActor(runtime, globals, (ctx, actor) =>
        listReviewThreads(ctx, actor, handle),
      );
      if (globals.json) return printJson(out, threads);
      printThreads(out, threads);
    });

  report
    .command("comment")
    .description("Open a review thread on a section (I–V) and optionally an item")
    .argument("<engagement>", "engagement")
    .requiredOption("--section <I-V>", "report section")
    .option("--item <id>", "what in the section: a criterion, control or DC item")
    .requiredOption("--text <text>", "the comment")
    .action(
      async (
        handle: string,
        options: { section: string; item?: string; text: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const thread = await withActor(runtime, globals, (ctx, actor) =>
          openReviewThread(ctx, actor, handle, {
            section: options.section,
            body: options.text,
            ...(options.item === undefined ? {} : { item: options.item }),
          }),
        );
        if (globals.json) return printJson(out, thread);
        out.out(`Opened ${threadLabel(thread)} on section ${thread.section}.\n`);
      },
    );

  report
    .command("reply")
    .description("Reply to a thread; --resolve, --dispute or --reopen change its status")
    .argument("<engagement>", "engagement")
    .argument("<thread>", "thread (T-1 or 1)")
    .requiredOption("--text <text>", "the reply")
    .option("--resolve", "mark the thread resolved")
    .option("--dispute", "mark the thread disputed")
    .option("--reopen", "open it again")
    .action(
      async (
        handle: string,
        threadHandle: string,
        options: { text: string; resolve?: boolean; dispute?: boolean; reopen?: boolean },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const chosen = (["resolve", "dispute", "reopen"] as const).filter(
          (flag) => options[flag] === true,
        );
        if (chosen.length > 1) throw new UsageError("give one of --resolve, --dispute, --reopen");
        const action = options.resolve
          ? "resolved"
          : options.dispute
            ? "disputed"
            : options.reopen
              ? "reopened"
              : "comment";
        const thread = await withActor(runtime, globals, (ctx, actor) =>
          replyToThread(ctx, actor, handle, threadHandle, {
            body: options.text,
            action,
          }),
        );
        if (globals.json) return printJson(out, thread);
        out.out(`${threadLabel(thread)} is ${thread.status}.\n`);
      },
    );

  report
    .command("finalize")
    .description(
      "Freeze the draft as the next final version (the assigned auditor; needs every thread " +
        "resolved); it is issued on the opinion's date",
    )
    .argument("<engagement>", "engagement")
    .option("--issue-date <date>", "confirm the report's date: it must be the opinion's")
    .action(async (handle: string, options: { issueDate?: string }, command: Command) => {
      const globals = globalsOf(command);
      const version = await withActor(runtime, globals, (ctx, actor) =>
        finalizeReport(ctx, actor, handle, {
          ...(options.issueDate === undefined ? {} : { issueDate: options.issueDate }),
        }),
      );
      if (globals.json) return printJson(out, version);
      out.out(
        `Finalized version ${version.version}, issued ${version.issueDate} ` +
          `(SHA-256 ${version.sha256}). Later edits make version ${version.version + 1}.\n`,
      );
    });

  report
    .command("versions")
    .description("Final versions, newest first")
    .argument("<engagement>", "engagement")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const versions = await withActor(runtime, globals, (ctx, actor) =>
        listReportVersionsOf(ctx, actor, handle),
      );
      if (globals.json) return printJson(out, versions);
      out.out(
        formatTable(
          ["VERSION", "ISSUED", "FINALIZED", "BY", "SHA-256"],
          versions.map((v) => [
            String(v.version),
            v.issueDate,
            v.finalizedAt,
            v.finalizedBy,
            v.sha256.slice(0, 16),
          ]),
        ),
      );
    });

  report
    .command("build")
    .description("Write the package as pdf, html, json, oscal-ssp or oscal-ar")
    .argument("<engagement>", "engagement")
    .requiredOption("--format <format>", REPORT_FORMATS.join("|"))
    .requiredOption("--out <file>", "where to write it")
    .option("--version <n>", '"latest" (default: newest final, else the draft), "draft" or N')
    .action(
      async (
        handle: string,
        options: { format: string; out: string; version?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw new UsageError(
            `--format must be one of ${REPORT_FORMATS.join(", ")}, not "${options.format}"`,
          );
        }
        const choice = parseInput(packageChoice, options.version, "version");
        const pkg = await withActor(runtime, globals, (ctx, actor) =>
          loadReportPackage(ctx, actor, handle, choice),
        );
        const file = await renderReport(pkg, options.format as ReportFormat);
        await writeOutputFile(options.out, file.body);
        const what =
          pkg.state === "final"
            ? `final version ${pkg.version}`
            : `draft of version ${pkg.version}`;
        if (globals.json) {
          return printJson(out, {
            out: options.out,
            bytes: file.body.length,
            state: pkg.state,
            version: pkg.version,
          });
        }
        out.out(`Wrote ${options.out} (${options.format}, ${what}, ${file.body.length} bytes).\n`);
      },
    );

  registerReportOpinion(report, runtime);
  registerReportSharing(report, runtime);
}
