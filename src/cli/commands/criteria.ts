import type { Command } from "commander";
import {
  listCatalogCriteria,
  listCriteriaForOrganization,
} from "../../services/program/catalog.service.ts";
import { importCriterionText } from "../../services/program/catalog.service.ts";
import type { CriterionView } from "../../services/program/catalog.service.ts";
import { readJsonFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

export function registerCriteria(program: Command, runtime: Runtime): void {
  program
    .command("criteria")
    .description("List the Trust Services Criteria (our labels and summaries)")
    .option("--category <category>", "only this category, e.g. availability")
    .option("--official-text", "include the official wording your organization imported")
    .action(async (options: { category?: string; officialText?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const criteria = options.officialText
        ? await withActor(runtime, globals, (ctx, actor) =>
            listCriteriaForOrganization(ctx, actor, { category: options.category }),
          )
        : listCatalogCriteria({ category: options.category });
      if (globals.json) return printJson(runtime.io, criteria);
      if (options.officialText) {
        for (const c of criteria) {
          const text = (c as CriterionView).officialText;
          runtime.io.out(`${c.id}  ${c.label}\n  ${text?.text ?? "(no official text imported)"}\n`);
          for (const point of text?.pointsOfFocus ?? []) runtime.io.out(`  - ${point}\n`);
        }
        return;
      }
      runtime.io.out(
        formatTable(
          ["ID", "CATEGORY", "COSO", "POF", "LABEL"],
          criteria.map((c) => [
            c.id,
            c.category,
            c.cosoPrinciple === null ? "" : String(c.cosoPrinciple),
            String(c.pointsOfFocus),
            c.label,
          ]),
        ),
      );
    });

  program
    .command("catalog")
    .description("Manage the criteria catalog")
    .command("import-text")
    .description(
      "Load the official criteria wording from your own licensed JSON file " +
        '({"criteria":[{"id":"CC1.1","text":"…","pointsOfFocus":["…"]}]})',
    )
    .argument("<file>", "JSON file with the official text")
    .action(async (file: string, _options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const content = await readJsonFile(file);
      const result = await withActor(runtime, globals, (ctx, actor) =>
        importCriterionText(ctx, actor, content, file),
      );
      if (globals.json) return printJson(runtime.io, result);
      runtime.io.out(
        `Imported the official text of ${result.imported} criteria ` +
          `(${result.categories.join(", ")}), replacing ${result.replaced} from an earlier ` +
          "import. It is stored for this organization only.\n",
      );
    });
}
