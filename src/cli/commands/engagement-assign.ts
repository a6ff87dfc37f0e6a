/** `attest engagement assign`: which auditor accounts work on an engagement. */
import type { Command } from "commander";
import { normalizeEmail } from "../../domain/account.ts";
import { AppError } from "../../domain/errors.ts";
import {
  assignAuditor,
  listAssignees,
  listMembers,
  unassignAuditor,
} from "../../services/access/members.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

export function registerEngagementAssign(engagement: Command, runtime: Runtime): void {
  engagement
    .command("assign")
    .description("Assign an auditor account to an engagement (--unassign removes it)")
    .argument("<id>", "engagement")
    .requiredOption("--auditor <email>", "the auditor's account (a member with the auditor role)")
    .option("--unassign", "remove the assignment instead")
    .action(
      async (
        handle: string,
        options: { auditor: string; unassign?: boolean },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const assignees = await withActor(runtime, globals, async (ctx, actor) => {
          const email = normalizeEmail(options.auditor);
          const member = (await listMembers(ctx, actor)).find((m) => m.user.email === email);
          if (member === undefined) {
            throw new AppError(
              "NOT_FOUND",
              `--auditor: ${email} is not a member of this organization ` +
                "(attest users add --role auditor makes the account)",
              [{ field: "auditor", message: "not a member" }],
            );
          }
          if (options.unassign === true) {
            await unassignAuditor(ctx, actor, handle, member.user.id);
            return listAssignees(ctx, actor, handle);
          }
          return assignAuditor(ctx, actor, handle, member.user.id);
        });
        if (globals.json) return printJson(runtime.io, assignees);
        runtime.io.out(
          assignees.length === 0
            ? `No auditor is assigned to ${handle}.\n`
            : formatTable(
                ["AUDITOR", "NAME", "ASSIGNED"],
                assignees.map((a) => [a.user.email, a.user.name, a.assignedAt]),
              ),
        );
      },
    );
}
