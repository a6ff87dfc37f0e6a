import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { listAuditLog, verifyAuditLog } from "../../services/platform/audit-log.service.ts";
import { eventLine, formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

interface ListOptions {
  action?: string;
  targetType?: string;
  target?: string;
  actor?: string;
  from?: string;
  since?: string;
  to?: string;
  limit?: string;
  cursor?: string;
}

export function registerAuditLog(program: Command, runtime: Runtime): void {
  const auditLog = program
    .command("audit-log")
    .description("The hash-chained record of every change, newest first, a page at a time")
    .option("--action <action>", "one action, e.g. control.updated or evidence.added")
    .option("--target-type <type>", "control, evidence, engagement, report, member, scope…")
    .option("--target <ref>", "a record as people name it (AC-04, E-2, an evidence title) or id")
    .option("--actor <who>", "a person's email or name, or an actor id")
    .option("--from <date>", "first day (YYYY-MM-DD, the organization's time zone)")
    .option("--since <date>", "same as --from")
    .option("--to <date>", "last day (YYYY-MM-DD, the organization's time zone)")
    .option("--limit <n>", "events per page, 1 to 500", "50")
    .option("--cursor <cursor>", "the page after the one that printed this cursor")
    .action(async (options: ListOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { since, ...query } = options;
      const page = await withActor(runtime, globals, (ctx, actor) =>
        listAuditLog(ctx, actor, {
          ...query,
          ...(query.from === undefined && since !== undefined ? { from: since } : {}),
        }),
      );
      if (globals.json) return printJson(runtime.io, page);
      runtime.io.out(
        formatTable(
          ["SEQ", "AT", "ACTOR", "EVENT"],
          page.items.map((e) => [String(e.seq), e.at, e.actor.name, eventLine(e)]),
        ),
      );
      if (page.nextCursor !== null) {
        runtime.io.out(`Older events: the same command with --cursor ${page.nextCursor}\n`);
      }
    });

  auditLog
    .command("verify")
    .description("Recompute the chain and re-hash every stored file; exit 6 if anything is off")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const result = await withActor(runtime, globals, verifyAuditLog);
      if (globals.json) printJson(runtime.io, result);
      else {
        runtime.io.out(
          `${result.events} events, chain ${result.chain === null ? "intact" : "BROKEN"}; ` +
            `${result.filesChecked} files checked, ${result.corruptFiles.length} corrupt; ` +
            `${result.recordsChecked} records checked against the trail, ` +
            `${result.records.length} differ.\n`,
        );
        if (result.head !== null) {
          runtime.io.out(
            `Newest event: ${result.head.seq} ${result.head.hash} ` +
              "(keep this line elsewhere: a later verify then proves nothing was cut off)\n",
          );
        }
        for (const record of result.records) {
          runtime.io.out(`Record ${record.target}: ${record.problem}\n`);
        }
        if (result.chain !== null) {
          runtime.io.out(`First broken link: event ${result.chain.seq}: ${result.chain.reason}\n`);
        }
        for (const file of result.corruptFiles) {
          runtime.io.out(`Corrupt file ${file.sha256}: ${file.problem}\n`);
        }
      }
      if (!result.ok) {
        throw new AppError(
          "INVALID_STATE",
          "the audit trail or the evidence store was tampered with",
        );
      }
    });
}
