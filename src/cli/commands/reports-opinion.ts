/**
 * `attest report opinion`: Section I as the auditor fills it (the form, firm, city and date;
 * for a modified opinion the criteria not met and the basis), around Attest's template words.
 * Only the assigned auditor may record it; the company's roles are refused.
 */
import type { Command } from "commander";
import { recordOpinion } from "../../services/reporting/report-draft.service.ts";
import { readTextFile } from "../files.ts";
import { printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

interface OpinionOptions {
  type: string;
  city: string;
  firm?: string;
  date?: string;
  criteriaNotMet?: string;
  basis?: string;
  text?: string;
  seen?: string;
}

export function registerReportOpinion(report: Command, runtime: Runtime): void {
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const out = runtime.io;
  report
    .command("opinion")
    .description(
      "Record Section I, the auditor's opinion (the assigned auditor only); its date is the " +
        "report's issue date",
    )
    .argument("<engagement>", "engagement")
    .requiredOption("--type <type>", "unmodified, qualified, adverse or disclaimer")
    .requiredOption("--city <city>", "the city the report is signed in")
    .option("--firm <firm>", "the audit firm (default: the engagement's)")
    .option("--date <date>", "the report's date, YYYY-MM-DD (default: today)")
    .option("--criteria-not-met <ids>", "qualified or adverse: criteria not met, e.g. CC7.2,CC7.3")
    .option("--basis <file>", "a modified opinion's basis, from a text file (- for standard input)")
    .option("--text <file>", "further paragraphs (other matters), from a text file")
    .option("--seen <sha256>", "the contentSha256 of the draft you read")
    .action(async (handle: string, options: OpinionOptions, command: Command) => {
      const globals = globalsOf(command);
      const basis = options.basis === undefined ? undefined : await readTextFile(options.basis);
      const text = options.text === undefined ? undefined : await readTextFile(options.text);
      const view = await withActor(runtime, globals, (ctx, actor) =>
        recordOpinion(ctx, actor, handle, {
          type: options.type,
          city: options.city,
          ...(options.firm === undefined ? {} : { firm: options.firm }),
          ...(options.date === undefined ? {} : { date: options.date }),
          ...(options.criteriaNotMet === undefined
            ? {}
            : { criteriaNotMet: options.criteriaNotMet.split(",").map((id) => id.trim()) }),
          ...(basis === undefined ? {} : { basisForModification: basis }),
          ...(text === undefined ? {} : { text }),
          ...(options.seen === undefined ? {} : { contentSha256: options.seen }),
        }),
      );
      const opinion = view.package.opinion;
      if (globals.json) return printJson(out, opinion);
      if (opinion === null) return;
      out.out(
        `Recorded a ${opinion.type} opinion for ${view.package.engagement.label}, ` +
          `${opinion.firm}, ${opinion.city}, dated ${opinion.date}.\n`,
      );
    });
}
