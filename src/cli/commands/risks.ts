/** `attest risks`: the starter library, the register, adding and editing risks, and the yearly assessment. */
import type { Command } from "commander";
import type { Risk } from "../../domain/risk.ts";
import {
  listRiskAssessments,
  recordRiskAssessment,
} from "../../services/program/risk-assessments.service.ts";
import {
  addRisksFromLibrary,
  createRisk,
  listRiskRegister,
  riskLibrary,
  showRisk,
  updateRisk,
} from "../../services/program/risks.service.ts";
import type { CreateRiskInput, UpdateRiskInput } from "../../services/program/risks.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";
import { eventLine } from "../io.ts";

function scores(risk: Risk): [string, string] {
  return [
    `${risk.likelihood}×${risk.impact}=${risk.inherentScore}`,
    `${risk.residualLikelihood}×${risk.residualImpact}=${risk.residualScore}`,
  ];
}

function printRisk(io: Io, risk: Risk): void {
  const [inherent, residual] = scores(risk);
  const rows: [string, string][] = [
    ["Risk", `${risk.ref}  ${risk.title}`],
    ["Category", risk.category],
    ["Owner", risk.owner ?? "unassigned"],
    ["Inherent", `${inherent} (likelihood × impact)`],
    ["Treatment", risk.treatment],
    ["Controls", risk.controls.join(", ") || "none"],
    ["Residual", residual],
    ["Review by", risk.reviewDate],
    ["Accepted", risk.acceptanceNote ?? "-"],
    ["From", risk.templateId ?? "written here"],
    ["Description", risk.description],
  ];
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
}

interface RiskFieldOptions {
  title?: string;
  description?: string;
  category?: string;
  owner?: string;
  likelihood?: string;
  impact?: string;
  treatment?: string;
  controls?: string;
  residualLikelihood?: string;
  residualImpact?: string;
  reviewDate?: string;
  acceptanceNote?: string;
}

interface AddOptions extends RiskFieldOptions {
  from?: string;
}

/** The options given, as service input (controls as a list). */
function fields(options: RiskFieldOptions): UpdateRiskInput {
  const { controls, ...rest } = options;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...given, ...(controls === undefined ? {} : { controls: list(controls) }) };
}

function withFieldOptions(command: Command): Command {
  return command
    .option("--title <text>", "short title")
    .option("--description <text>", "the event, its cause and its effect")
    .option("--category <category>", "security, availability, operational, vendor, people, …")
    .option("--owner <email>", "the member who owns it")
    .option("--likelihood <1-5>", "how likely, 1 (rare) to 5 (almost certain)")
    .option("--impact <1-5>", "how severe, 1 (negligible) to 5 (severe)")
    .option("--treatment <treatment>", "mitigate, accept, transfer or avoid")
    .option("--controls <refs>", "controls that mitigate it, comma-separated")
    .option("--residual-likelihood <1-5>", "likelihood with the controls in place")
    .option("--residual-impact <1-5>", "impact with the controls in place")
    .option("--review-date <date>", "YYYY-MM-DD")
    .option("--acceptance-note <text>", "for an accepted risk: who accepted it and why");
}

export function registerRisks(program: Command, runtime: Runtime): void {
  const risks = program
    .command("risks")
    .description("The risk register and the yearly risk assessment");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  risks
    .command("library")
    .description("The starter risks that can be copied into the register")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (_ctx, actor) =>
        Promise.resolve(riskLibrary(actor)),
      );
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["ID", "CATEGORY", "L×I", "TREATMENT", "CONTROLS", "TITLE"],
          items.map((r) => [
            r.id,
            r.category,
            `${r.likelihood}×${r.impact}`,
            r.treatment,
            r.controls.join(","),
            r.title,
          ]),
        ),
      );
    });

  risks
    .command("list", { isDefault: true })
    .description("List the register")
    .option("--category <category>", "only this category")
    .option("--treatment <treatment>", "only this treatment")
    .option("--owner <email>", "only risks this member owns")
    .option("--overdue", "only risks past their review date")
    .action(
      async (
        options: { category?: string; treatment?: string; owner?: string; overdue?: boolean },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const register = await withActor(runtime, globals, (ctx, actor) =>
          listRiskRegister(ctx, actor, options),
        );
        if (globals.json) return printJson(runtime.io, register);
        runtime.io.out(
          formatTable(
            ["ID", "INHERENT", "TREATMENT", "RESIDUAL", "REVIEW BY", "OWNER", "TITLE"],
            register.items.map((r) => {
              const [inherent, residual] = scores(r);
              return [
                r.ref,
                inherent,
                r.treatment,
                residual,
                r.reviewDate,
                r.owner ?? "-",
                r.title,
              ];
            }),
          ),
        );
      },
    );

  risks
    .command("show")
    .description("Show one risk with its history")
    .argument("<risk>", "risk id, e.g. R-3")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const shown = await withActor(runtime, globals, (ctx, actor) => showRisk(ctx, actor, key));
      if (globals.json) return printJson(runtime.io, shown);
      printRisk(runtime.io, shown.risk);
      runtime.io.out("\nHistory\n");
      for (const entry of shown.history) {
        runtime.io.out(`  ${entry.at}  ${entry.actor}  ${eventLine(entry)}\n`);
      }
    });

  withFieldOptions(
    risks
      .command("add")
      .description("Add starter risks (--from RL-07,RL-12) or write one (--title … --treatment …)")
      .option("--from <ids>", "starter risk ids, comma-separated (see attest risks library)"),
  ).action(async (options: AddOptions, command: Command) => {
    const globals = globalsOf(command);
    const { from, ...rest } = options;
    if (from !== undefined) {
      const extra = Object.keys(rest).filter((k) => k !== "owner");
      if (extra.length > 0) {
        throw new UsageError(
          `--from copies starter risks as they are; edit them afterwards (not --${extra[0] ?? ""})`,
        );
      }
      const added = await withActor(runtime, globals, (ctx, actor) =>
        addRisksFromLibrary(ctx, actor, { templates: list(from), owner: rest.owner ?? null }),
      );
      if (globals.json) return printJson(runtime.io, added);
      for (const risk of added.risks) {
        runtime.io.out(`Added ${risk.ref} from ${risk.templateId ?? "?"}: ${risk.title}\n`);
      }
      for (const skipped of added.skipped) {
        runtime.io.out(
          `  ${skipped.risk}: ${skipped.controls.join(", ")} not mapped (not adopted by this organization)\n`,
        );
      }
      return;
    }
    const created = await withActor(runtime, globals, (ctx, actor) =>
      // The service checks that the required fields are there, naming any missing.
      createRisk(ctx, actor, fields(rest) as CreateRiskInput),
    );
    if (globals.json) return printJson(runtime.io, created);
    runtime.io.out(
      `Added ${created.ref}: inherent ${created.inherentScore}, residual ${created.residualScore}.\n`,
    );
  });

  withFieldOptions(
    risks
      .command("update")
      .description("Change a risk (recorded in its history, from → to)")
      .argument("<risk>", "risk id, e.g. R-3"),
  ).action(async (key: string, options: RiskFieldOptions, command: Command) => {
    const globals = globalsOf(command);
    const updated = await withActor(runtime, globals, (ctx, actor) =>
      updateRisk(ctx, actor, key, fields(options)),
    );
    if (globals.json) return printJson(runtime.io, updated);
    runtime.io.out(
      `Updated ${updated.ref}: inherent ${updated.inherentScore}, residual ${updated.residualScore}.\n`,
    );
  });

  risks
    .command("assess")
    .description(
      "Record the yearly risk assessment: freeze the register and file it as RM-01 evidence",
    )
    .requiredOption("--participants <list>", "who took part: emails or names, comma-separated")
    .option("--held-on <date>", "the day it was held (default: today)")
    .action(async (options: { participants: string; heldOn?: string }, command: Command) => {
      const globals = globalsOf(command);
      const assessment = await withActor(runtime, globals, (ctx, actor) =>
        recordRiskAssessment(ctx, actor, {
          participants: list(options.participants),
          ...(options.heldOn === undefined ? {} : { heldOn: options.heldOn }),
        }),
      );
      if (globals.json) return printJson(runtime.io, assessment);
      runtime.io.out(
        `Recorded ${assessment.ref} held on ${assessment.heldOn}: ${assessment.risks} risks frozen.\n` +
          `Snapshot SHA-256 ${assessment.sha256}\n` +
          `Evidence ${assessment.evidenceId} (PDF) filed for RM-01 and RM-02.\n`,
      );
    });

  risks
    .command("assessments")
    .description("The risk assessments held, newest first")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) =>
        listRiskAssessments(ctx, actor),
      );
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["ID", "HELD ON", "RISKS", "PARTICIPANTS", "SHA-256"],
          items.map((a) => [
            a.ref,
            a.heldOn,
            String(a.risks),
            a.participants.map((p) => p.name).join(", "),
            a.sha256,
          ]),
        ),
      );
    });
}
