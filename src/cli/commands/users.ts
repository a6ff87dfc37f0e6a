import type { Command } from "commander";
import {
  addMemberAsOperator,
  listUsersForOperator,
  passwordResetLinkFor,
  turnOffTwoFactorForUser,
} from "../../services/access/operator-accounts.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { serverAddress, withContext } from "../runtime.ts";

export function registerUsers(program: Command, runtime: Runtime): void {
  const users = program
    .command("users")
    .description("Accounts, and recovery when someone cannot sign in")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const listed = await withContext(runtime, listUsersForOperator);
      if (globals.json) return printJson(runtime.io, listed);
      runtime.io.out(
        formatTable(
          ["EMAIL", "NAME", "TWO-FACTOR", "ORGANIZATIONS"],
          listed.map((u) => [
            u.email,
            u.name,
            u.totpEnabled ? "on" : "off",
            u.memberships.map((m) => `${m.organization} (${m.role})`).join(", "),
          ]),
        ),
      );
    });

  users
    .command("add")
    .description("Make an account a member with a role, and print its one-time sign-in link")
    .requiredOption("--email <email>", "the person's email address")
    .requiredOption("--name <name>", "the person's name, as reports and the audit log show it")
    .requiredOption("--role <role>", "owner, admin, control-owner, employee or auditor")
    .action(async (options: { email: string; name: string; role: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const added = await withContext(runtime, (ctx) =>
        addMemberAsOperator(
          ctx,
          {
            ...options,
            ...(globals.org === undefined && runtime.env.ATTEST_ORG === undefined
              ? {}
              : { org: globals.org ?? runtime.env.ATTEST_ORG }),
          },
          serverAddress(runtime),
        ),
      );
      if (globals.json) return printJson(runtime.io, added);
      runtime.io.out(
        `${added.user.name} <${added.user.email}> is now ${added.role} of ${added.organization}.\n` +
          (added.link === null
            ? "They already had an account and sign in with their password.\n"
            : `Hand them this link to choose a password (once, until ${added.expiresAt}):\n` +
              `${added.link}\n`),
      );
    });

  users
    .command("reset-link")
    .argument("<email>", "the account's email address")
    .description("Print a one-hour password reset link to hand over (for servers without SMTP)")
    .action(async (email: string, _options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const reset = await withContext(runtime, (ctx) =>
        passwordResetLinkFor(ctx, email, serverAddress(runtime)),
      );
      if (globals.json) return printJson(runtime.io, reset);
      runtime.io.out(
        `Password reset link for ${reset.user.email}, valid until ${reset.expiresAt}:\n` +
          `${reset.link}\n`,
      );
    });

  users
    .command("turn-off-two-factor")
    .argument("<email>", "the account's email address")
    .description("For someone who lost their authenticator; signs them out everywhere")
    .action(async (email: string, _options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const user = await withContext(runtime, (ctx) => turnOffTwoFactorForUser(ctx, email));
      if (globals.json) return printJson(runtime.io, user);
      runtime.io.out(`Two-factor sign-in is off for ${user.email}; they were signed out.\n`);
    });
}
