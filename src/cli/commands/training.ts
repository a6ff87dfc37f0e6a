/**
 * `attest training`: the modules, everyone's status, importing a provider's completions, and
 * filing a period's completion roster as evidence.
 */
import { basename } from "node:path";
import type { Command } from "commander";
import type { TrainingStatus } from "../../contracts/training.ts";
import { importTrainingCompletions } from "../../services/program/training-import.service.ts";
import { recordTrainingRosterEvidence } from "../../services/program/training-roster.service.ts";
import { listTrainingModules, trainingStatus } from "../../services/program/training.service.ts";
import { readTextFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

function printStatus(io: Io, status: TrainingStatus): void {
  const { totals } = status;
  io.out(
    `${totals.people} people: ${totals.current} current, ${totals.due} due, ` +
      `${totals.overdue} overdue (as of ${status.today})\n\n`,
  );
  io.out(
    formatTable(
      ["PERSON", "STATE", "MODULE", "MODULE STATE", "DUE BY", "LAST PASSED", "SCORE"],
      status.people.flatMap((p) =>
        p.modules.map((m, index) => [
          index === 0 ? p.email : "",
          index === 0 ? p.state : "",
          m.moduleId,
          m.state,
          m.dueBy,
          m.lastPassedOn ?? "-",
          m.lastScore === null ? "-" : `${m.lastScore}%`,
        ]),
      ),
    ),
  );
}

export function registerTraining(program: Command, runtime: Runtime): void {
  const training = program
    .command("training")
    .description("Security awareness training: modules, status, imports and rosters");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const answer = <T>(command: Command, value: T, print: (io: Io, v: T) => void) =>
    globalsOf(command).json ? printJson(runtime.io, value) : print(runtime.io, value);

  training
    .command("modules")
    .description("The training modules with their version, audience and pass mark")
    .action(async (_options: unknown, command: Command) => {
      const modules = await withActor(runtime, globalsOf(command), async (_ctx, actor) =>
        listTrainingModules(actor),
      );
      answer(command, modules, (io, all) =>
        io.out(
          formatTable(
            ["MODULE", "VERSION", "FOR", "QUESTIONS", "PASS", "MINUTES", "TITLE"],
            all.map((m) => [
              m.id,
              `v${m.version} ${m.sha256.slice(0, 12)}`,
              m.audience + (m.categories.length === 0 ? "" : ` (${m.categories.join(", ")})`),
              String(m.questions),
              `${Math.round(m.passMark * 100)}%`,
              String(m.minutes),
              m.title,
            ]),
          ),
        ),
      );
    });
  training
    .command("status")
    .description("Everyone who must train and where they stand on each module")
    .action(async (_options: unknown, command: Command) => {
      const status = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        trainingStatus(ctx, actor),
      );
      answer(command, status, printStatus);
    });
  training
    .command("import <file>")
    .description(
      "Import a provider's completions (CSV header email,module,completed_on,score); " +
        "a bad row refuses the whole file",
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const csv = await readTextFile(file);
      const result = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        importTrainingCompletions(ctx, actor, {
          fileName: file === "-" ? "stdin.csv" : basename(file),
          csv,
        }),
      );
      answer(command, result, (io, r) =>
        io.out(
          `${r.created} completions recorded, ${r.skipped} already recorded; the file is ` +
            `evidence ${r.evidence.id.slice(0, 8)} for ${r.evidence.controls.join(", ") || "no control"}\n`,
        ),
      );
    });
  training
    .command("roster")
    .description("File a period's completion roster as evidence of the training controls")
    .requiredOption("--from <date>", "first day, YYYY-MM-DD")
    .requiredOption("--to <date>", "last day, YYYY-MM-DD")
    .action(async (options: { from: string; to: string }, command: Command) => {
      const filed = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        recordTrainingRosterEvidence(ctx, actor, { from: options.from, to: options.to }),
      );
      answer(command, filed, (io, { roster, evidence }) => {
        io.out(
          `${roster.complete} of ${roster.asked} people current on ${roster.to}; ` +
            `${roster.completions.length} passes from ${roster.from} to ${roster.to}\n`,
        );
        io.out(
          formatTable(
            ["PERSON", "MODULE", "OVERDUE SINCE"],
            roster.missing.map((m) => [m.email, m.moduleId, m.dueBy]),
          ),
        );
        io.out(
          `Evidence ${evidence.id.slice(0, 8)} "${evidence.title}" for ` +
            `${evidence.controls.join(", ") || "no control"}\n`,
        );
      });
    });
}
