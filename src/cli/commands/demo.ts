import type { Command } from "commander";
import { loadDemo } from "../../services/demo/demo.ts";
import { printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { operatorPrincipal, serverAddress, withContext } from "../runtime.ts";

export function registerDemo(program: Command, runtime: Runtime): void {
  program
    .command("demo")
    .description("Fill an empty data directory with a believable demo company")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const summary = await withContext(runtime, (ctx) =>
        loadDemo(ctx, operatorPrincipal(), { baseUrl: serverAddress(runtime) }),
      );
      if (globals.json) return printJson(runtime.io, summary);
      const signIn = summary.accounts
        .filter((a) => a.role === "owner" || a.role === "auditor")
        .map(
          (a) =>
            `  ${a.name} (${a.job}, ${a.role}), ${a.email}:\n` +
            `    ${a.link ?? "signs in with the password the account already has"}\n`,
        )
        .join("");
      const program = [
        `Policies ${summary.policies.policies.join(" and ")} are published, with ` +
          `${summary.policies.acknowledgements} acknowledgements.`,
        `Risk register: ${summary.risks.risks} risks from the starter library, assessed as ` +
          `${summary.risks.assessment} (snapshot SHA-256 ${summary.risks.sha256}).`,
        `The auditor's request list on ${summary.engagement} holds ` +
          `${summary.requests.requests} requests (accepted, submitted, returned and open), and ` +
          `${summary.imported.requests} the draw opened for the pull requests it sampled from ` +
          `${summary.imported.control}'s imported population of ${summary.imported.rows}, each ` +
          "answered and accepted.",
        `Training: ${summary.training.imported} completions imported from the provider; ` +
          `${summary.training.overdue.join(" and ")} are overdue. Roster filed: ${summary.training.roster}.`,
        `Vendors: ${summary.vendors.vendors} with ${summary.vendors.reports} assurance reports; ` +
          `${summary.vendors.flagged} is flagged (its report's period ended 14 months ago).`,
        `People register: ${summary.register.people} people; overdue: ` +
          `${summary.register.overdue.join(", ") || "nothing"}.`,
        `Findings: ${summary.findings.findings} from a CodeQL scan, a Prowler scan and a day of ` +
          `CloudTrail logs, ${summary.findings.triaged} triaged.`,
        `Access reviews: ${summary.accessReviews.completed} completed and filed on AC-06 ` +
          `(snapshot SHA-256 ${summary.accessReviews.sha256}); ${summary.accessReviews.open} ` +
          `in progress with ${summary.accessReviews.flagged} flagged accounts.`,
        `Checks: connector ${summary.checks.connector} (GitHub, a synthetic snapshot) ran ` +
          `${summary.checks.checks} checks in ${summary.checks.run}, ${summary.checks.failing} failing.`,
      ];
      const commands = [
        "attest readiness",
        "attest report show E-1",
        "attest report build E-1 --format pdf --out report.pdf",
        "attest audit-log verify",
        "attest policies status P-1",
        "attest tasks",
        "attest risks list",
        "attest requests list E-1",
        "attest training status",
        "attest vendors",
        "attest people list",
        "attest findings list",
        "attest access-review status AR-2",
        "attest checks list --status",
        `attest checks replay --run ${summary.checks.run}`,
      ];
      runtime.io.out(
        `Loaded ${summary.organization}: ${summary.implemented} of ${summary.controls} controls ` +
          `implemented, ${summary.evidence} evidence items over twelve months.\n` +
          `Engagement ${summary.engagement} (Type 2, last six months): sampled by the auditor ` +
          `with seed ${summary.seed}, ${summary.sampledItems} items tested, one exception in ` +
          `${summary.exception.control} with management's response.\n` +
          `Its report is final (version ${summary.report.version}, issued ${summary.report.issueDate}) ` +
          `with the auditor's recorded opinion, and shared with a customer:\n` +
          `  ${summary.report.shareLink}\n` +
          `Sign in with these one-time links (each sets a password, valid seven days):\n${signIn}` +
          `The command line acts as Maya, the only owner; --as ${summary.report.auditor} acts ` +
          "as the auditor.\n" +
          program.map((line) => `${line}\n`).join("") +
          `Try: ${commands.join(", ")}\n`,
      );
    });
}
