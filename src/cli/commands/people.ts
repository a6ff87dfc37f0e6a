/** `attest people`: the register, its CSV import, a person's checklists, steps and background check. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { recordBackgroundCheck } from "../../services/program/background-checks.service.ts";
import { importPeople } from "../../services/program/people-import.service.ts";
import {
  addPerson,
  listPeopleRegister,
  showPerson,
} from "../../services/program/people.service.ts";
import { completeStep } from "../../services/program/person-steps.service.ts";
import type { PersonDetail } from "../../services/program/people.service.ts";
import { readTextFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

function printPerson(io: Io, detail: PersonDetail): void {
  const p = detail.person;
  const rows: [string, string][] = [
    ["Person", `${p.name} <${p.email}>`],
    ["Title", [p.title, p.department].filter((v) => v !== "").join(", ") || "-"],
    ["Type", p.type],
    ["Status", p.status],
    ["Manager", detail.manager === null ? "-" : `${detail.manager.name} <${detail.manager.email}>`],
    ["Started", p.startDate ?? "-"],
    ["Ends", p.endDate ?? "-"],
    ["Employee id", p.employeeId ?? "-"],
    ["Account", p.account === null ? "none" : p.account.role],
  ];
  if (detail.backgroundCheck !== null) {
    const check = detail.backgroundCheck;
    rows.push([
      "Background",
      `${check.status} (${check.provider}${check.checkedOn === null ? "" : `, ${check.checkedOn}`})`,
    ]);
  }
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
  for (const checklist of detail.checklists) {
    io.out(`\n${checklist.title}\n`);
    io.out(
      formatTable(
        ["STEP", "STATE", "DUE BY", "OWNER", "DONE", "ID"],
        checklist.steps.map((s) => [
          s.title,
          s.state,
          s.dueBy,
          s.assignee?.email ?? "unassigned",
          s.completedAt === null
            ? "-"
            : `${s.completedAt.slice(0, 10)} ${s.completedByName ?? ""}${s.late ? " (late)" : ""}`,
          s.id,
        ]),
      ),
    );
  }
}

export function registerPeople(program: Command, runtime: Runtime): void {
  const people = program
    .command("people")
    .description("The people register: employees and contractors, joiners and leavers");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  people
    .command("list", { isDefault: true })
    .description("List the register with each person's open and overdue checklist steps")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const register = await withActor(runtime, globals, (ctx, actor) =>
        listPeopleRegister(ctx, actor),
      );
      if (globals.json) return printJson(runtime.io, register);
      runtime.io.out(
        formatTable(
          ["EMAIL", "NAME", "TYPE", "STATUS", "START", "END", "OPEN", "OVERDUE"],
          register.items.map((p) => [
            p.email,
            p.name,
            p.type,
            p.status,
            p.startDate ?? "-",
            p.endDate ?? "-",
            String(p.openSteps),
            String(p.overdueSteps),
          ]),
        ),
      );
      for (const step of register.overdue) {
        runtime.io.out(
          `Overdue: ${step.title} for ${step.person.name} (${step.control}), due by ${step.dueBy}\n`,
        );
      }
    });

  people
    .command("show")
    .description("One person with their onboarding and offboarding checklists")
    .argument("<email>", "their email (or id)")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const detail = await withActor(runtime, globals, (ctx, actor) => showPerson(ctx, actor, key));
      if (globals.json) return printJson(runtime.io, detail);
      printPerson(runtime.io, detail);
    });

  people
    .command("import")
    .description(
      "Import the HR system's CSV: email,name,title,department,manager_email,start_date," +
        "end_date,type (employee_id optional); any bad row refuses the whole file",
    )
    .argument("<file>", "the CSV file ('-' for standard input)")
    .option("--invite", "invite the people without an account as employees")
    .action(async (file: string, options: { invite?: boolean }, command: Command) => {
      const globals = globalsOf(command);
      const csv = await readTextFile(file);
      const result = await withActor(runtime, globals, (ctx, actor) =>
        importPeople(ctx, actor, { csv, invite: options.invite === true }),
      );
      if (globals.json) return printJson(runtime.io, result);
      runtime.io.out(
        `Imported ${result.rows} rows: ${result.created.length} created, ` +
          `${result.updated.length} updated, ${result.ended.length} ended, ` +
          `${result.unchanged} unchanged.\n`,
      );
      for (const invited of result.invited) {
        runtime.io.out(
          `Invited ${invited.email}${invited.link === null ? "" : `: ${invited.link}`}\n`,
        );
      }
    });

  people
    .command("add")
    .description("Add one person; a start date opens their onboarding checklist")
    .requiredOption("--email <email>", "their work email")
    .requiredOption("--name <name>", "their name")
    .option("--title <title>", "job title")
    .option("--department <department>", "department")
    .option("--manager <email>", "their manager's email (someone in the register)")
    .option("--start <date>", "start date, YYYY-MM-DD")
    .option("--end <date>", "end date, YYYY-MM-DD")
    .option("--type <type>", "employee or contractor", "employee")
    .option("--employee-id <id>", "the HR system's id")
    .action(
      async (
        options: {
          email: string;
          name: string;
          title?: string;
          department?: string;
          manager?: string;
          start?: string;
          end?: string;
          type: string;
          employeeId?: string;
        },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const detail = await withActor(runtime, globals, (ctx, actor) =>
          addPerson(ctx, actor, {
            email: options.email,
            name: options.name,
            title: options.title ?? "",
            department: options.department ?? "",
            managerEmail: options.manager ?? null,
            startDate: options.start ?? null,
            endDate: options.end ?? null,
            type: options.type,
            employeeId: options.employeeId ?? null,
          }),
        );
        if (globals.json) return printJson(runtime.io, detail);
        printPerson(runtime.io, detail);
      },
    );

  people
    .command("complete")
    .description("Complete an onboarding or offboarding step (its id, from attest people show)")
    .argument("<step>", "the step's id")
    .option("--evidence <id>", "an evidence item that shows it was done")
    .option("--note <text>", "a note for the record")
    .action(
      async (step: string, options: { evidence?: string; note?: string }, command: Command) => {
        const globals = globalsOf(command);
        const detail = await withActor(runtime, globals, (ctx, actor) =>
          completeStep(ctx, actor, step, {
            evidenceId: options.evidence ?? null,
            note: options.note ?? null,
          }),
        );
        if (globals.json) return printJson(runtime.io, detail);
        printPerson(runtime.io, detail);
      },
    );

  people
    .command("background-check")
    .description("Record a person's background check (owners and admins)")
    .argument("<email>", "their email")
    .requiredOption("--status <status>", "pending, clear, adverse or not-required")
    .requiredOption("--provider <name>", "the screening provider")
    .option("--date <date>", "the day the check completed, YYYY-MM-DD")
    .option("--document <file>", "the provider's report, filed as HR-01 evidence")
    .action(
      async (
        key: string,
        options: { status: string; provider: string; date?: string; document?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const document =
          options.document === undefined ? null : await readDocument(options.document);
        const check = await withActor(runtime, globals, (ctx, actor) =>
          recordBackgroundCheck(ctx, actor, key, {
            status: options.status,
            provider: options.provider,
            checkedOn: options.date ?? null,
            document,
          }),
        );
        if (globals.json) return printJson(runtime.io, check);
        runtime.io.out(
          `Recorded the background check of ${key}: ${check.status} (${check.provider})` +
            `${check.evidenceId === null ? "" : `, report filed as evidence ${check.evidenceId}`}.\n`,
        );
      },
    );
}

async function readDocument(file: string) {
  try {
    const bytes = await readFile(file);
    return { fileName: basename(file), contentBase64: bytes.toString("base64") };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new AppError("VALIDATION_FAILED", `document "${file}": ${reason}`, [
      { field: "document", message: reason },
    ]);
  }
}
