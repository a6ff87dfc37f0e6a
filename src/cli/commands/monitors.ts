/** `attest monitors`: the availability monitor's HTTPS endpoints, their uptime, a probe now. */
import type { Command } from "commander";
import { invalidField } from "../../domain/errors.ts";
import type { MonitorProbe } from "../../domain/monitor.ts";
import type { MonitorInput } from "../../services/program/monitors/monitor-input.ts";
import {
  addMonitor,
  listMonitors,
  probeMonitor,
  removeMonitor,
  showMonitor,
} from "../../services/program/monitors/monitors.service.ts";
import type { MonitorView } from "../../services/program/monitors/monitors.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

/** A number option as typed; the service checks its range and names the field. */
function numberOption(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) {
    throw invalidField(field, `"${value}" is not a number`);
  }
  return parsed;
}

const uptime = (m: MonitorView, index: number) => {
  const month = m.months[index];
  return month === undefined || month.percent === null
    ? "-"
    : `${month.percent} % (${month.month})`;
};

function probeLine(p: MonitorProbe): string {
  const answer = p.status === null ? "no answer" : String(p.status);
  const latency = p.latencyMs === null ? "" : `  ${p.latencyMs} ms`;
  return `  ${p.probedAt}  ${p.up ? "up  " : "DOWN"}  ${answer}${latency}${p.error === null ? "" : `  ${p.error}`}\n`;
}

interface AddOptions {
  name: string;
  url: string;
  expectedStatus?: string;
  interval?: string;
  timeout?: string;
  target?: string;
}

export function registerMonitors(program: Command, runtime: Runtime): void {
  const monitors = program
    .command("monitors")
    .description("The availability monitor: HTTPS endpoints probed on a schedule, monthly uptime");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  monitors
    .command("list", { isDefault: true })
    .description("List the endpoints with their state and this and last month's uptime")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const items = await withActor(runtime, globals, (ctx, actor) => listMonitors(ctx, actor));
      if (globals.json) return printJson(runtime.io, { items });
      runtime.io.out(
        formatTable(
          ["ID", "STATE", "SINCE", "LAST", "UPTIME", "PREVIOUS", "TARGET", "NAME", "URL"],
          items.map((m) => [
            m.ref,
            m.state,
            m.stateSince.slice(0, 16).replace("T", " "),
            m.lastStatus === null
              ? (m.lastError ?? "-")
              : `${m.lastStatus} ${m.lastLatencyMs ?? "?"} ms`,
            uptime(m, 0),
            uptime(m, 1),
            `${m.targetPercent} %`,
            m.name,
            m.url,
          ]),
        ),
      );
    });

  monitors
    .command("add")
    .description("Monitor an HTTPS endpoint")
    .requiredOption("--name <name>", "what people call it (API, Website)")
    .requiredOption("--url <url>", "an https:// URL")
    .option("--expected-status <code>", "the HTTP status that means up (default 200)")
    .option("--interval <minutes>", "minutes between probes (default 5)")
    .option("--timeout <seconds>", "seconds a probe may take (default 10)")
    .option("--target <percent>", "the monthly uptime it should reach (default 99.9)")
    .action(async (options: AddOptions, command: Command) => {
      const globals = globalsOf(command);
      const numbers = {
        expectedStatus: numberOption(options.expectedStatus, "expectedStatus"),
        intervalMinutes: numberOption(options.interval, "intervalMinutes"),
        timeoutSeconds: numberOption(options.timeout, "timeoutSeconds"),
        targetPercent: numberOption(options.target, "targetPercent"),
      };
      const input: MonitorInput = { name: options.name, url: options.url };
      // Only what was given: the rest takes the service's defaults.
      for (const [key, value] of Object.entries(numbers) as [
        keyof typeof numbers,
        number | undefined,
      ][]) {
        if (value !== undefined) input[key] = value;
      }
      const added = await withActor(runtime, globals, (ctx, actor) =>
        addMonitor(ctx, actor, input),
      );
      if (globals.json) return printJson(runtime.io, added);
      runtime.io.out(
        `${added.ref} added: ${added.name} (${added.url}), expecting ${added.expectedStatus} every ` +
          `${added.intervalMinutes} min, target ${added.targetPercent} %\n`,
      );
    });

  monitors
    .command("show")
    .description("Show an endpoint with its monthly uptime and last probes")
    .argument("<monitor>", "M-1")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const shown = await withActor(runtime, globals, (ctx, actor) => showMonitor(ctx, actor, key));
      if (globals.json) return printJson(runtime.io, shown);
      const m = shown.monitor;
      const rows: [string, string][] = [
        ["Monitor", `${m.ref}  ${m.name}`],
        ["URL", m.url],
        [
          "State",
          `${m.state} since ${m.stateSince}${m.lastError === null ? "" : ` (${m.lastError})`}`,
        ],
        [
          "Expects",
          `${m.expectedStatus} within ${m.timeoutSeconds} s, every ${m.intervalMinutes} min`,
        ],
        ["Target", `${m.targetPercent} % a month`],
      ];
      for (const [label, value] of rows) runtime.io.out(`${label.padEnd(8)} ${value}\n`);
      runtime.io.out("\nUptime\n");
      for (const month of m.months) {
        runtime.io.out(
          `  ${month.month}  ${month.percent ?? "-"} %  (${month.up} of ${month.probes} probes up)\n`,
        );
      }
      runtime.io.out("\nProbes\n");
      for (const p of shown.probes) runtime.io.out(probeLine(p));
    });

  monitors
    .command("remove")
    .description("Stop monitoring an endpoint (its probes and filed uptime are kept)")
    .argument("<monitor>", "M-1")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const removed = await withActor(runtime, globals, (ctx, actor) =>
        removeMonitor(ctx, actor, key),
      );
      if (globals.json) return printJson(runtime.io, removed);
      runtime.io.out(`${removed.ref} removed: ${removed.name}\n`);
    });

  monitors
    .command("probe")
    .description("Probe an endpoint now (records it, and alerts if it went down or came back)")
    .argument("<monitor>", "M-1")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const outcome = await withActor(
        runtime,
        globals,
        (ctx, actor) => probeMonitor(ctx, actor, key),
        { mail: true },
      );
      if (globals.json) return printJson(runtime.io, outcome);
      runtime.io.out(`${outcome.monitor.ref} ${outcome.monitor.name}\n${probeLine(outcome.probe)}`);
    });
}
