import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { listAuditLog, verifyAuditLog } from "../../services/platform/audit-log.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

export function registerAuditLog(program: Command, runtime: Runtime): void {
  const auditLog = program
    .command("audit-log")
    .description("The hash-chained record of every change")
    .option("--since <date>", "only events on or after this date (YYYY-MM-DD, UTC)")
    .action(async (options: { since?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const entries = await withActor(runtime, globals, (ctx, actor) =>
        listAuditLog(ctx, actor, options),
      );
      if (globals.json) return printJson(runtime.io, entries);
      runtime.io.out(
        formatTable(
          ["SEQ", "AT", "ACTOR", "ACTION", "TARGET"],
          entries.map((e) => [
            String(e.seq),
            e.at,
            e.actor.name,
            e.action,
            `${e.target.type} ${e.target.id}`,
          ]),
        ),
      );
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
