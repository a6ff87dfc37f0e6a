/**
 * `attest checks`: the open checks (list, show with their source), runs on demand, replay of
 * stored results from their snapshot, and exceptions for failing resources.
 */
import type { Command } from "commander";
import {
  addException,
  listExceptionsOf,
  revokeException,
} from "../../services/checks/exceptions.service.ts";
import {
  describeCheck,
  listCheckCatalog,
  listCheckStatuses,
  listRunsOf,
  replay,
  showCheck,
  showRun,
} from "../../services/checks/results.service.ts";
import type { Replay } from "../../services/checks/results.service.ts";
import { runChecks } from "../../services/checks/runs.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

function printReplay(runtime: Runtime, outcome: Replay): void {
  runtime.io.out(`Run ${outcome.run}, snapshot SHA-256 ${outcome.snapshotSha256} (verified)\n`);
  for (const r of outcome.results) {
    runtime.io.out(`${r.agrees ? "agrees " : "DIFFERS"} ${r.ref}\n`);
    for (const d of r.differences) {
      const side = (x: { status: string; reason: string } | null) =>
        x === null ? "absent" : `${x.status}: ${x.reason}`;
      runtime.io.out(
        `    ${d.resourceId}: stored ${side(d.stored)}; replayed ${side(d.replayed)}\n`,
      );
    }
  }
  runtime.io.out(
    outcome.agrees
      ? `All ${outcome.results.length} results agree with their snapshot.\n`
      : "Some stored results differ from what their snapshot gives.\n",
  );
}

export function registerChecks(program: Command, runtime: Runtime): void {
  const checks = program
    .command("checks")
    .description("Open automated checks over connected systems: list, run, replay, except");

  checks
    .command("list", { isDefault: true })
    .description(
      "Every check: id, title, connector and controls (with --status, the latest results)",
    )
    .option("--status", "add each check's latest status in this organization")
    .action(async (options: { status?: boolean }, command: Command) => {
      const globals = globalsOf(command);
      if (options.status !== true) {
        const catalog = listCheckCatalog();
        if (globals.json) return printJson(runtime.io, catalog);
        runtime.io.out(
          formatTable(
            ["ID", "TITLE", "CONNECTOR", "CONTROLS"],
            catalog.map((c) => [c.id, c.title, c.connector, c.controls.join(", ")]),
          ),
        );
        return;
      }
      const statuses = await withActor(runtime, globals, (ctx, actor) =>
        listCheckStatuses(ctx, actor),
      );
      if (globals.json) return printJson(runtime.io, statuses);
      runtime.io.out(
        formatTable(
          ["ID", "STATUS", "FAILING", "CONTROLS"],
          statuses.map((c) => [
            c.id,
            c.status ?? "not run",
            String(c.results.reduce((n, r) => n + r.failing, 0)),
            c.controls.join(", "),
          ]),
        ),
      );
    });

  checks
    .command("show")
    .description("What a check checks and reads, its controls and criteria, and its source file")
    .argument("<check>", "check id, e.g. github.branch-requires-review")
    .option("--results", "add the latest results in this organization, resource by resource")
    .action(async (id: string, options: { results?: boolean }, command: Command) => {
      const globals = globalsOf(command);
      if (options.results !== true) {
        const described = describeCheck(id);
        if (globals.json) return printJson(runtime.io, described);
        runtime.io.out(`${described.id}  ${described.title}\n`);
        runtime.io.out(`Connector  ${described.connector}\n`);
        runtime.io.out(`Controls   ${described.controls.join(", ")}\n`);
        runtime.io.out(`Criteria   ${described.criteria.join(", ")}\n`);
        runtime.io.out(`Source     ${described.source}\n`);
        runtime.io.out(`Reads\n${described.reads.map((r) => `  ${r}\n`).join("")}`);
        return;
      }
      const detail = await withActor(runtime, globals, (ctx, actor) => showCheck(ctx, actor, id));
      if (globals.json) return printJson(runtime.io, detail);
      runtime.io.out(`${detail.id}  ${detail.title}: ${detail.status ?? "not run"}\n`);
      runtime.io.out(`Source     ${detail.source}\n`);
      for (const result of detail.results) {
        runtime.io.out(`\n${result.ref} on ${result.connectorName}: ${result.status}\n`);
        for (const r of result.resources) {
          const excused = r.exception === null ? "" : ` (excepted, ${r.exception})`;
          runtime.io.out(`  ${r.status.padEnd(14)} ${r.resourceName}: ${r.reason}${excused}\n`);
        }
      }
    });

  checks
    .command("run")
    .description("Run the checks now: every connector, or the one named")
    .option("--connector <name>", "one connector, by name or id (CN-1)")
    .action(async (options: { connector?: string }, command: Command) => {
      const globals = globalsOf(command);
      const summaries = await withActor(
        runtime,
        globals,
        (ctx, actor) => runChecks(ctx, actor, { connector: options.connector }),
        { mail: true },
      );
      if (globals.json) return printJson(runtime.io, summaries);
      if (summaries.length === 0)
        runtime.io.out("No connector: add one with attest connectors add.\n");
      for (const s of summaries) {
        if (s.outcome !== "ok") {
          runtime.io.out(`${s.run} ${s.connectorName}: FAILED (${s.outcome}) ${s.message ?? ""}\n`);
          continue;
        }
        runtime.io.out(`${s.run} ${s.connectorName}: snapshot ${s.snapshotSha256 ?? ""}\n`);
        runtime.io.out(
          formatTable(
            ["CHECK", "STATUS", "PASS", "FAIL", "EXCEPTED", "N/A"],
            s.results.map((r) => [
              r.checkId,
              r.status,
              String(r.passing),
              String(r.failing),
              String(r.excepted),
              String(r.notApplicable),
            ]),
          ),
        );
      }
    });

  checks
    .command("runs")
    .description("The latest runs, newest first; with a run id, that run and its results")
    .argument("[run]", "run id, e.g. CR-7")
    .option("--connector <name>", "only this connector's runs")
    .action(async (run: string | undefined, options: { connector?: string }, command: Command) => {
      const globals = globalsOf(command);
      if (run !== undefined) {
        const view = await withActor(runtime, globals, (ctx, actor) => showRun(ctx, actor, run));
        if (globals.json) return printJson(runtime.io, view);
        runtime.io.out(
          `${view.ref} ${view.connectorName}: ${view.outcome} at ${view.finishedAt}\n`,
        );
        for (const r of view.results) runtime.io.out(`  ${r.status.padEnd(14)} ${r.ref}\n`);
        return;
      }
      const runs = await withActor(runtime, globals, (ctx, actor) =>
        listRunsOf(ctx, actor, { connector: options.connector }),
      );
      if (globals.json) return printJson(runtime.io, runs);
      runtime.io.out(
        formatTable(
          ["RUN", "CONNECTOR", "TRIGGER", "FINISHED", "OUTCOME", "SNAPSHOT"],
          runs.map((r) => [
            r.ref,
            r.connectorName,
            r.trigger,
            r.finishedAt,
            r.outcome === "ok" ? "ok" : `${r.outcome}: ${r.message ?? ""}`,
            r.snapshotSha256?.slice(0, 16) ?? "-",
          ]),
        ),
      );
    });

  checks
    .command("replay")
    .description(
      "Re-evaluate stored results offline from their snapshot (loaded by hash, verified) and " +
        "compare: a result as RUN:CHECK, or every result of a run with --run",
    )
    .argument("[result]", "a result, e.g. CR-7:github.branch-requires-review")
    .option("--run <run>", "every result of this run, e.g. CR-7")
    .action(async (result: string | undefined, options: { run?: string }, command: Command) => {
      const globals = globalsOf(command);
      if ((result === undefined) === (options.run === undefined)) {
        throw new UsageError("name one result (RUN:CHECK) or one run (--run RUN)");
      }
      const outcome = await withActor(runtime, globals, (ctx, actor) =>
        replay(
          ctx,
          actor,
          options.run === undefined ? { result: result ?? "" } : { run: options.run },
        ),
      );
      if (globals.json) return printJson(runtime.io, outcome);
      printReplay(runtime, outcome);
    });

  checks
    .command("except")
    .description("Except a failing resource from a check, with a reason, until a date")
    .argument("<check>", "check id")
    .argument("<resource>", "the resource id as the result names it")
    .requiredOption("--reason <text>", "why it is acceptable: what an auditor will read")
    .requiredOption("--until <date>", "the last day it holds, YYYY-MM-DD (at most a year out)")
    .option("--approver <name>", "who approved it (default: you)")
    .action(
      async (
        check: string,
        resource: string,
        options: { reason: string; until: string; approver?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const exception = await withActor(runtime, globals, (ctx, actor) =>
          addException(ctx, actor, {
            check,
            resource,
            reason: options.reason,
            until: options.until,
            ...(options.approver === undefined ? {} : { approver: options.approver }),
          }),
        );
        if (globals.json) return printJson(runtime.io, exception);
        runtime.io.out(
          `${exception.ref}: ${resource} excepted on ${check} until ${exception.expiresOn}.\n`,
        );
      },
    );

  checks
    .command("exceptions")
    .description("The exceptions, in force or not")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) => listExceptionsOf(ctx, actor));
      if (globals.json) return printJson(runtime.io, items);
      runtime.io.out(
        formatTable(
          ["ID", "CHECK", "RESOURCE", "UNTIL", "APPROVER", "STATE", "REASON"],
          items.map((e) => [
            e.ref,
            e.checkId,
            e.resourceId,
            e.expiresOn,
            e.approver,
            e.inForce ? "in force" : e.revokedAt === null ? "expired" : "revoked",
            e.reason,
          ]),
        ),
      );
    });

  checks
    .command("revoke-exception")
    .description("Revoke an exception: the resource fails again if it still does")
    .argument("<exception>", "exception id, e.g. CE-2")
    .requiredOption("--reason <text>", "why")
    .action(async (key: string, options: { reason: string }, command: Command) => {
      const globals = globalsOf(command);
      const revoked = await withActor(runtime, globals, (ctx, actor) =>
        revokeException(ctx, actor, key, { reason: options.reason }),
      );
      if (globals.json) return printJson(runtime.io, revoked);
      runtime.io.out(`${revoked.ref} revoked.\n`);
    });
}
