/** `attest access-review`: start a campaign from account lists, read it, decide, record removals, complete. */
import type { Command } from "commander";
import { isFlagged } from "../../domain/access-review.ts";
import {
  completeCampaign,
  decideAccounts,
  recordAccessRemoved,
} from "../../services/program/access-review-decisions.service.ts";
import {
  importAccounts,
  listCampaignSummaries,
  showCampaign,
  startCampaign,
} from "../../services/program/access-reviews.service.ts";
import type {
  AccountView,
  CampaignDetail,
  CampaignSummary,
} from "../../services/program/access-reviews.service.ts";
import { readTextFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { collect, withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

function progress(c: CampaignSummary): string {
  return `${c.decided}/${c.accounts} decided, ${c.flagged} flagged`;
}

function printCampaign(io: Io, c: CampaignDetail): void {
  const rows: [string, string][] = [
    ["Campaign", `${c.ref}  ${c.name}`],
    [
      "Status",
      c.status === "completed"
        ? `completed on ${c.completedOn ?? ""}`
        : c.overdue
          ? "open, overdue"
          : "open",
    ],
    ["Period", `${c.periodFrom} to ${c.periodTo}`],
    ["Due", c.dueOn],
    ["Reviewers", c.reviewers.join(", ")],
    [
      "Systems",
      c.systemViews
        .map(
          (s) => `${s.name} (${s.importedAt === null ? "not imported" : `${s.accounts} accounts`})`,
        )
        .join(", "),
    ],
    ["Accounts", progress(c)],
  ];
  if (c.sha256 !== null) rows.push(["SHA-256", c.sha256]);
  for (const [label, value] of rows) io.out(`${label.padEnd(10)} ${value}\n`);
  const flagged = c.accountViews.filter(isFlagged);
  if (flagged.length === 0) {
    io.out("\nNo account is flagged.\n");
    return;
  }
  io.out(`\nFlagged accounts (${flagged.length}):\n`);
  io.out(
    formatTable(
      ["SYSTEM", "ACCOUNT", "EMAIL", "FLAGS", "DECISION", "WHY"],
      flagged.map((a) => [
        a.system,
        a.account,
        a.email,
        a.flags.join(","),
        a.decision ?? "-",
        a.reason ?? "",
      ]),
    ),
  );
}

/** An account of the campaign by id, or by name (with its system when two systems share it). */
function findAccount(c: CampaignDetail, key: string, system: string | undefined): AccountView {
  const wanted = key.trim().toLowerCase();
  const matches = c.accountViews.filter(
    (a) =>
      (a.id === wanted || a.account.toLowerCase() === wanted) &&
      (system === undefined || a.system.toLowerCase() === system.trim().toLowerCase()),
  );
  const [only] = matches;
  if (only === undefined) throw new UsageError(`${c.ref} has no account "${key}"`);
  if (matches.length > 1) {
    throw new UsageError(
      `"${key}" is an account on ${matches.map((a) => a.system).join(", ")}; say which with --system`,
    );
  }
  return only;
}

export function registerAccessReview(program: Command, runtime: Runtime): void {
  const review = program
    .command("access-review")
    .description("Access reviews (AC-06): accounts of each system matched to the people register");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  review
    .command("start")
    .description(
      "Start a campaign from systems' account lists (CSV header account,email,privileged); " +
        "any bad row refuses the whole start",
    )
    .requiredOption(
      "--system <name>",
      "a system reviewed (repeatable, paired with --accounts)",
      collect,
    )
    .requiredOption(
      "--accounts <file>",
      "its account list (repeatable, in the order of --system)",
      collect,
    )
    .option("--reviewer <email>", "a reviewer (repeatable; yourself when left out)", collect)
    .option("--name <text>", "the campaign's name")
    .option("--period-from <date>", "first day reviewed (default: three months before --period-to)")
    .option("--period-to <date>", "last day reviewed (default: today)")
    .option("--due <date>", "when the decisions are due (default: in two weeks)")
    .action(
      async (
        options: {
          system: string[];
          accounts: string[];
          reviewer?: string[];
          name?: string;
          periodFrom?: string;
          periodTo?: string;
          due?: string;
        },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        if (options.system.length !== options.accounts.length) {
          throw new UsageError("give one --accounts file for each --system, in the same order");
        }
        const imports: { system: string; csv: string }[] = [];
        for (const [index, system] of options.system.entries()) {
          imports.push({
            system,
            csv: await readTextFile(options.accounts[index] ?? "", "accounts"),
          });
        }
        const detail = await withActor(runtime, globals, (ctx, actor) =>
          startCampaign(
            ctx,
            actor,
            {
              name: options.name ?? `Access review: ${options.system.join(", ")}`,
              systems: options.system,
              ...(options.reviewer === undefined ? {} : { reviewers: options.reviewer }),
              ...(options.periodFrom === undefined ? {} : { periodFrom: options.periodFrom }),
              ...(options.periodTo === undefined ? {} : { periodTo: options.periodTo }),
              ...(options.due === undefined ? {} : { dueOn: options.due }),
            },
            imports,
          ),
        );
        if (globals.json) return printJson(runtime.io, detail);
        runtime.io.out(`Started ${detail.ref}.\n`);
        printCampaign(runtime.io, detail);
      },
    );

  review
    .command("import")
    .description("Import (or replace, while none is decided) one system's account list")
    .argument("<campaign>", "AR-1 or its id")
    .requiredOption("--system <name>", "the system")
    .requiredOption("--accounts <file>", "the CSV file ('-' for standard input)")
    .action(
      async (key: string, options: { system: string; accounts: string }, command: Command) => {
        const globals = globalsOf(command);
        const csv = await readTextFile(options.accounts, "accounts");
        const result = await withActor(runtime, globals, (ctx, actor) =>
          importAccounts(ctx, actor, key, { system: options.system, csv }),
        );
        if (globals.json) return printJson(runtime.io, result);
        runtime.io.out(
          `Imported ${result.accounts} accounts of ${result.system} into ${result.campaign}: ` +
            `${result.leavers} leavers, ${result.unknown} unknown, ${result.privileged} privileged.\n`,
        );
      },
    );

  review
    .command("list")
    .description("Campaigns, newest first")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) =>
        listCampaignSummaries(ctx, actor),
      );
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["CAMPAIGN", "STATUS", "DUE", "SYSTEMS", "ACCOUNTS", "NAME"],
          items.map((c) => [
            c.ref,
            c.overdue ? "overdue" : c.status,
            c.dueOn,
            c.systems.join(","),
            progress(c),
            c.name,
          ]),
        ),
      );
    });

  review
    .command("status")
    .description(
      "A campaign, with each flagged account and its reason (leaver, unknown, privileged)",
    )
    .argument("<campaign>", "AR-1 or its id")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const detail = await withActor(runtime, globals, (ctx, actor) =>
        showCampaign(ctx, actor, key),
      );
      if (globals.json) {
        const { accountViews, ...rest } = detail;
        return printJson(runtime.io, {
          ...rest,
          flaggedAccounts: accountViews.filter(isFlagged),
          accountViews,
        });
      }
      printCampaign(runtime.io, detail);
    });

  review
    .command("decide")
    .description("Decide keep, change or remove for an account (a reviewer of the campaign)")
    .argument("<campaign>", "AR-1 or its id")
    .argument("[account]", "the account's name or id")
    .argument("[decision]", "keep, change or remove")
    .option("--system <name>", "the account's system, when two systems have that account")
    .option("--comment <text>", "why (required to keep a flagged account, or for a change)")
    .option("--keep-unflagged", "keep every undecided account that is not flagged")
    .action(
      async (
        key: string,
        account: string | undefined,
        decision: string | undefined,
        options: { system?: string; comment?: string; keepUnflagged?: boolean },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        if (options.keepUnflagged !== true && (account === undefined || decision === undefined)) {
          throw new UsageError("name the account and the decision, or use --keep-unflagged");
        }
        const detail = await withActor(runtime, globals, async (ctx, actor) => {
          const current = await showCampaign(ctx, actor, key);
          const decisions =
            options.keepUnflagged === true
              ? current.accountViews
                  .filter((a) => !isFlagged(a) && a.decision === null)
                  .map((a) => ({
                    account: a.id,
                    decision: "keep",
                    comment: options.comment ?? null,
                  }))
              : [
                  {
                    account: findAccount(current, account ?? "", options.system).id,
                    decision: decision ?? "",
                    comment: options.comment ?? null,
                  },
                ];
          if (decisions.length === 0) return current;
          let latest = current;
          for (let i = 0; i < decisions.length; i += 1000) {
            latest = await decideAccounts(ctx, actor, key, {
              decisions: decisions.slice(i, i + 1000),
            });
          }
          return latest;
        });
        if (globals.json) return printJson(runtime.io, detail);
        runtime.io.out(`${detail.ref}: ${progress(detail)}.\n`);
      },
    );

  review
    .command("done")
    .description("Record a removal or change as done, with the evidence item that shows it")
    .argument("<campaign>", "AR-1 or its id")
    .argument("<account>", "the account's name or id")
    .requiredOption("--evidence <id>", "the evidence item (id or unique prefix)")
    .option("--system <name>", "the account's system, when two systems have that account")
    .option("--note <text>", "what was done")
    .action(
      async (
        key: string,
        account: string,
        options: { evidence: string; system?: string; note?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const detail = await withActor(runtime, globals, async (ctx, actor) => {
          const current = await showCampaign(ctx, actor, key);
          const found = findAccount(current, account, options.system);
          return recordAccessRemoved(ctx, actor, key, found.id, {
            evidenceId: options.evidence,
            note: options.note ?? null,
          });
        });
        if (globals.json) return printJson(runtime.io, detail);
        runtime.io.out(`Recorded: ${account} done in ${detail.ref}.\n`);
      },
    );

  review
    .command("complete")
    .description(
      "Complete a campaign whose accounts are all decided: freeze it and file it as AC-06 evidence",
    )
    .argument("<campaign>", "AR-1 or its id")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const summary = await withActor(runtime, globals, (ctx, actor) =>
        completeCampaign(ctx, actor, key),
      );
      if (globals.json) return printJson(runtime.io, summary);
      runtime.io.out(
        `Completed ${summary.ref} on ${summary.completedOn ?? ""}: snapshot SHA-256 ${summary.sha256 ?? ""}, ` +
          `evidence ${summary.evidenceId ?? ""} on AC-06.\n`,
      );
    });
}
