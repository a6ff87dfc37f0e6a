/**
 * `attest policies`: the template library, adopting and editing policies, the workflow to
 * publication, the acknowledgement roster (and filing it as evidence), and a version's PDF.
 */
import type { Command } from "commander";
import { listPoliciesOf, listPolicyTemplates } from "../../services/program/policies.service.ts";
import { adoptPolicy, showPolicy, updatePolicy } from "../../services/program/policies.service.ts";
import type { PolicySummary, PolicyView } from "../../services/program/policies.service.ts";
import {
  policyAcknowledgementStatus,
  recordRosterEvidence,
} from "../../services/program/policy-acknowledgements.service.ts";
import type { AcknowledgementRoster } from "../../services/program/policy-acknowledgements.service.ts";
import { diffPolicyVersions } from "../../services/program/policy-diff.service.ts";
import { policyPdf } from "../../services/program/policy-pdf.ts";
import {
  approvePolicy,
  publishPolicy,
  retirePolicy,
  submitPolicy,
} from "../../services/program/policy-workflow.service.ts";
import { readTextFile, writeOutputFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

function printList(io: Io, policies: readonly PolicySummary[]): void {
  io.out(
    formatTable(
      ["POLICY", "STATE", "VERSION", "OWNER", "REVIEW DUE", "TITLE"],
      policies.map((p) => [
        p.label,
        p.state,
        p.current === null ? "-" : `v${p.current.version}`,
        p.owner,
        p.reviewDueBy ?? "-",
        p.title,
      ]),
    ),
  );
}

function printPolicy(io: Io, p: PolicyView): void {
  io.out(`${p.label} ${p.title} [${p.state}]\n`);
  io.out(`Owner: ${p.owner}; reviewed every ${p.reviewMonths} months`);
  io.out(p.reviewDueBy === null ? "\n" : `; next review due by ${p.reviewDueBy}\n`);
  if (p.current !== null) {
    io.out(
      `In force: v${p.current.version}, SHA-256 ${p.current.sha256}, approved by ` +
        `${p.current.approvedBy} on ${p.current.approvedAt.slice(0, 10)}\n`,
    );
  }
  if (p.approval !== null) io.out(`Working text approved by ${p.approval.name}\n`);
  io.out(`\n${p.body ?? p.currentBody ?? ""}\n`);
}

function printRoster(io: Io, r: AcknowledgementRoster): void {
  io.out(
    `${r.policy} ${r.title} v${r.version} (SHA-256 ${r.sha256}): ` +
      `${r.acknowledged.length} of ${r.asked} acknowledged; due by ${r.ackDueBy}\n\n`,
  );
  const rows = [
    ...r.acknowledged.map((a) => [a.email, "acknowledged", a.acknowledgedAt, a.address ?? ""]),
    ...r.missing.map((m) => [m.email, m.overdue ? "OVERDUE" : "missing", `due ${m.dueBy}`, ""]),
  ];
  io.out(formatTable(["PERSON", "STATE", "WHEN", "ADDRESS"], rows));
  for (const earlier of r.earlier) {
    io.out(`\nv${earlier.version}: ${earlier.acknowledged.length} acknowledged (kept)\n`);
  }
}

/** "--value name=value" repeated, into the adoption's values. */
function collectValue(pair: string, previous: Record<string, string>): Record<string, string> {
  const at = pair.indexOf("=");
  if (at <= 0) throw new UsageError(`--value takes name=value, not "${pair}"`);
  return { ...previous, [pair.slice(0, at).trim()]: pair.slice(at + 1) };
}

export function registerPolicies(program: Command, runtime: Runtime): void {
  const policies = program
    .command("policies")
    .description("Policies: adopt, edit, approve, publish");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const answer = <T>(command: Command, value: T, print: (io: Io, v: T) => void) =>
    globalsOf(command).json ? printJson(runtime.io, value) : print(runtime.io, value);
  const step = (
    name: string,
    description: string,
    run: (
      ctx: Parameters<typeof showPolicy>[0],
      actor: Parameters<typeof showPolicy>[1],
      id: string,
    ) => Promise<PolicyView>,
  ) =>
    policies
      .command(`${name} <policy>`)
      .description(description)
      .action(async (id: string, _options: unknown, command: Command) => {
        const view = await withActor(runtime, globalsOf(command), (ctx, actor) =>
          run(ctx, actor, id),
        );
        answer(command, view, printPolicy);
      });

  policies
    .command("templates")
    .description("The policy template library")
    .action(async (_options: unknown, command: Command) => {
      const templates = await withActor(runtime, globalsOf(command), async (_ctx, actor) =>
        listPolicyTemplates(actor),
      );
      answer(command, templates, (io, all) =>
        io.out(
          formatTable(
            ["TEMPLATE", "TITLE", "CONTROLS", "VALUES"],
            all.map((t) => [
              t.id,
              t.title,
              t.controls.join(","),
              t.variables.map((v) => v.name).join(","),
            ]),
          ),
        ),
      );
    });
  policies
    .command("list")
    .description("Policies with their state, version in force and review date")
    .action(async (_options: unknown, command: Command) => {
      answer(command, await withActor(runtime, globalsOf(command), listPoliciesOf), printList);
    });
  policies
    .command("show <policy>")
    .description("One policy (P-3): its text, version in force and approval")
    .action(async (id: string, _options: unknown, command: Command) => {
      const view = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        showPolicy(ctx, actor, id),
      );
      answer(command, view, printPolicy);
    });
  policies
    .command("adopt <template>")
    .description("Adopt a template, its placeholders filled with the organization's values")
    .option("--value <name=value>", "a template value (repeatable)", collectValue, {})
    .option("--owner <email>", "who keeps it reviewed (default: you)")
    .option(
      "--audience <roles>",
      "roles asked to acknowledge it, comma-separated (default: everyone)",
    )
    .option("--ack-days <days>", "days people have to acknowledge it (default 30)")
    .action(
      async (
        template: string,
        options: {
          value: Record<string, string>;
          owner?: string;
          audience?: string;
          ackDays?: string;
        },
        command: Command,
      ) => {
        const view = await withActor(runtime, globalsOf(command), (ctx, actor) =>
          adoptPolicy(ctx, actor, {
            template,
            values: options.value,
            ...(options.owner === undefined ? {} : { owner: options.owner }),
            ...(options.audience === undefined ? {} : { audience: list(options.audience) }),
            ...(options.ackDays === undefined ? {} : { ackDays: Number(options.ackDays) }),
          }),
        );
        answer(command, view, printPolicy);
      },
    );
  policies
    .command("edit <policy>")
    .description("Change the working text (from a Markdown file), title or owner")
    .option("--file <markdown>", "the new text")
    .option("--title <title>", "a new title")
    .option("--owner <email>", "a new owner")
    .action(
      async (
        id: string,
        options: { file?: string; title?: string; owner?: string },
        command: Command,
      ) => {
        if (
          options.file === undefined &&
          options.title === undefined &&
          options.owner === undefined
        ) {
          throw new UsageError("give --file, --title or --owner");
        }
        const body = options.file === undefined ? undefined : await readTextFile(options.file);
        const view = await withActor(runtime, globalsOf(command), (ctx, actor) =>
          updatePolicy(ctx, actor, id, {
            ...(body === undefined ? {} : { body }),
            ...(options.title === undefined ? {} : { title: options.title }),
            ...(options.owner === undefined ? {} : { owner: options.owner }),
          }),
        );
        answer(command, view, printPolicy);
      },
    );
  step("submit", "Submit the draft for an owner's approval", submitPolicy);
  step("approve", "Approve the text in review (an owner's signature)", approvePolicy);
  step(
    "publish",
    "Publish the approved text as a new version; everyone asked acknowledges it",
    publishPolicy,
  );
  policies
    .command("retire <policy>")
    .description("Retire a policy (its versions and acknowledgements stay)")
    .requiredOption("--reason <text>", "why it is retired")
    .action(async (id: string, options: { reason: string }, command: Command) => {
      const view = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        retirePolicy(ctx, actor, id, { reason: options.reason }),
      );
      answer(command, view, printPolicy);
    });
  policies
    .command("status <policy>")
    .description("Who acknowledged the version in force, when and which hash; who is missing")
    .action(async (id: string, _options: unknown, command: Command) => {
      const roster = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        policyAcknowledgementStatus(ctx, actor, id),
      );
      answer(command, roster, printRoster);
    });
  policies
    .command("evidence <policy>")
    .description("File the acknowledgement roster as evidence of the policy's controls")
    .action(async (id: string, _options: unknown, command: Command) => {
      const item = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        recordRosterEvidence(ctx, actor, id),
      );
      answer(command, item, (io, e) =>
        io.out(
          `Evidence ${e.id.slice(0, 8)} "${e.title}" for ${e.controls.join(", ") || "no control"}\n`,
        ),
      );
    });
  policies
    .command("diff <policy>")
    .description("Line diff between versions (default: the version in force and the working text)")
    .option("--from <version>", "the older version")
    .option("--to <version>", "the newer version (default: the working text)")
    .action(async (id: string, options: { from?: string; to?: string }, command: Command) => {
      const diff = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        diffPolicyVersions(
          ctx,
          actor,
          id,
          options.from === undefined ? undefined : Number(options.from),
          options.to === undefined ? undefined : Number(options.to),
        ),
      );
      answer(command, diff, (io, d) => {
        const sign = { same: " ", removed: "-", added: "+" } as const;
        for (const line of d.lines) io.out(`${sign[line.kind]} ${line.text}\n`);
      });
    });
  policies
    .command("pdf <policy>")
    .description("Write a published version as PDF")
    .requiredOption("--out <file>", "where to write it")
    .option("--version <number>", "which version (default: the one in force)")
    .action(async (id: string, options: { out: string; version?: string }, command: Command) => {
      const pdf = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        policyPdf(
          ctx,
          actor,
          id,
          options.version === undefined ? undefined : Number(options.version),
        ),
      );
      await writeOutputFile(options.out, pdf.body);
      answer(command, { file: options.out, bytes: pdf.body.length }, (io, w) =>
        io.out(`Wrote ${w.file} (${w.bytes} bytes)\n`),
      );
    });
}
