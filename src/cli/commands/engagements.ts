import type { Command } from "commander";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import type { ControlTest, ItemResult } from "../../domain/test-results.ts";
import {
  advanceEngagement,
  createEngagement,
  listEngagements,
  showEngagement,
} from "../../services/fieldwork/engagements.service.ts";
import {
  drawEngagementSample,
  getEngagementSample,
} from "../../services/fieldwork/sampling.service.ts";
import {
  extendControlSample,
  rollForwardSample,
} from "../../services/fieldwork/sample-growth.service.ts";
import {
  engagementResults,
  recordControlTest,
  recordItemResult,
  respondToException,
} from "../../services/fieldwork/testing.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, withActor } from "../runtime.ts";
import { registerEngagementAssign } from "./engagement-assign.ts";
import { registerEngagementExports } from "./engagement-exports.ts";
import { registerEngagementPopulation } from "./engagement-population.ts";
import { registerEngagementWorkpaper } from "./engagement-workpaper.ts";
import { printSample, printSampleRequests, sampleJson } from "./engagement-sample-output.ts";
import { UsageError } from "../usage.ts";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function periodOf(e: Engagement): string {
  return e.type === 1 ? `as of ${e.asOf ?? "?"}` : `${e.periodFrom ?? "?"} to ${e.periodTo ?? "?"}`;
}

interface CreateOptions {
  type: string;
  asOf?: string;
  from?: string;
  to?: string;
  categories?: string;
  firm: string;
  periodReason?: string;
  confirmGap?: boolean;
}

interface SampleOptions {
  seed?: string;
  redrawReason?: string;
  extend?: string;
  rollForward?: boolean;
  itgcTested?: boolean;
  recordedEvents?: string;
}

interface TestOptions {
  control: string;
  method?: string[];
  procedure?: string;
  auditor?: string;
  on?: string;
  design?: string;
  notes?: string;
  item?: string;
  pass?: boolean;
  exception?: string;
  response?: string;
}

/** " for Dana Whitfield, entered by ana on the auditor's behalf", or "" for a response. */
function recordedFor(recorded: ControlTest | ItemResult): string {
  const [auditor, enteredBy] =
    "tester" in recorded
      ? [recorded.tester, recorded.enteredBy]
      : recorded.managementResponse === null
        ? [recorded.recordedBy, recorded.enteredBy]
        : [null, null];
  if (auditor === null) return "";
  return enteredBy === null
    ? ` for ${auditor}`
    : ` for ${auditor}, entered by ${enteredBy} on the auditor's behalf`;
}

export function registerEngagement(program: Command, runtime: Runtime): void {
  const engagement = program
    .command("engagement")
    .description("Audit engagements (Type 1 and Type 2)");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  engagement
    .command("create")
    .description("Start an engagement: --type 1 --as-of D, or --type 2 --from D --to D")
    .requiredOption("--type <1|2>", "1: design at a date; 2: operating effectiveness over a period")
    .option("--as-of <date>", "Type 1: the date")
    .option("--from <date>", "Type 2: first day of the period")
    .option("--to <date>", "Type 2: last day of the period")
    .option("--categories <list>", "categories covered (default: the organization's scope)")
    .requiredOption("--firm <name>", "the audit firm")
    .option(
      "--period-reason <text>",
      "why a Type 2 period is shorter than six months or longer than twelve",
    )
    .option("--confirm-gap", "start after a gap since the previous Type 2's period, knowingly")
    .action(async (options: CreateOptions, command: Command) => {
      const globals = globalsOf(command);
      const created = await withActor(runtime, globals, (ctx, actor) =>
        createEngagement(ctx, actor, {
          type: options.type as "1",
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          ...(options.from === undefined ? {} : { from: options.from }),
          ...(options.to === undefined ? {} : { to: options.to }),
          ...(options.categories === undefined ? {} : { categories: list(options.categories) }),
          auditFirm: options.firm,
          ...(options.periodReason === undefined ? {} : { periodReason: options.periodReason }),
          confirmGap: options.confirmGap === true,
        }),
      );
      if (globals.json) return printJson(runtime.io, created);
      runtime.io.out(
        `Created ${engagementLabel(created)}: Type ${created.type}, ${periodOf(created)}, ` +
          `${created.categories.join(", ")}; ${created.auditFirm}. Status: planning.\n`,
      );
    });

  engagement
    .command("list")
    .description("List engagements")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const all = await withActor(runtime, globals, listEngagements);
      if (globals.json) return printJson(runtime.io, all);
      runtime.io.out(
        formatTable(
          ["ID", "TYPE", "PERIOD", "STATUS", "FIRM"],
          all.map((e) => [engagementLabel(e), String(e.type), periodOf(e), e.status, e.auditFirm]),
        ),
      );
    });

  engagement
    .command("show")
    .description("Show an engagement and its current sample")
    .argument("<id>", "engagement number (E-1 or 1) or id")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const [shown, sample] = await withActor(
        runtime,
        globals,
        async (ctx, actor) =>
          [
            await showEngagement(ctx, actor, handle),
            await getEngagementSample(ctx, actor, handle),
          ] as const,
      );
      if (globals.json) {
        return printJson(runtime.io, {
          ...shown,
          sample: sample === null ? null : sampleJson(sample),
        });
      }
      const rows: [string, string][] = [
        ["Engagement", `${engagementLabel(shown)} (${shown.id})`],
        ["Type", `${shown.type}, ${periodOf(shown)}`],
        ["Categories", shown.categories.join(", ")],
        [
          "Firm",
          `${shown.auditFirm}${shown.firmTeam.length ? ` (team: ${shown.firmTeam.join(", ")})` : ""}`,
        ],
        ["Status", shown.status],
        [
          "Frozen",
          shown.snapshot
            ? `${shown.snapshot.controls.length} controls at ${shown.snapshot.takenAt}`
            : "not yet (at fieldwork)",
        ],
      ];
      if (shown.periodReason) rows.push(["Period reason", shown.periodReason]);
      for (const [label, value] of rows) runtime.io.out(`${label.padEnd(13)} ${value}\n`);
      if (sample !== null) {
        runtime.io.out("\n");
        printSample(runtime.io, sample);
      }
    });

  registerEngagementAssign(engagement, runtime);
  registerEngagementExports(engagement, runtime);
  registerEngagementPopulation(engagement, runtime);
  registerEngagementWorkpaper(engagement, runtime);

  engagement
    .command("advance")
    .description("Move to the next step (or back to --to STATUS with --reason)")
    .argument("<id>", "engagement")
    .option("--to <status>", "target status (forward: only the next one)")
    .option("--reason <text>", "why (required to go back)")
    .action(async (handle: string, options: { to?: string; reason?: string }, command: Command) => {
      const globals = globalsOf(command);
      const moved = await withActor(runtime, globals, (ctx, actor) =>
        advanceEngagement(ctx, actor, handle, options),
      );
      if (globals.json) return printJson(runtime.io, moved);
      runtime.io.out(`${engagementLabel(moved)} is now in ${moved.status}.\n`);
    });

  engagement
    .command("sample")
    .description(
      "The assigned auditor draws each control's sample (Type 2, in fieldwork), extends a " +
        "control's sample after a deviation (--extend C), or draws the occurrences ended " +
        "since (--roll-forward)",
    )
    .argument("<id>", "engagement")
    .option("--seed <seed>", "seed to draw with (default: random, recorded)")
    .option("--redraw-reason <text>", "why a sample already drawn is drawn again")
    .option("--extend <control>", "grow this control's sample to the next size on the ladder")
    .option("--roll-forward", "draw the occurrences ended or recorded since the last draw")
    .option(
      "--itgc-tested",
      "the IT general controls (CM-*, AC-*) were tested without exceptions: automated " +
        "controls get a test of one",
    )
    .option(
      "--recorded-events <controls>",
      "event-driven controls to draw from recorded events, not their imported population",
    )
    .action(async (handle: string, options: SampleOptions, command: Command) => {
      const globals = globalsOf(command);
      const modes = [options.extend !== undefined, options.rollForward === true];
      if (modes[0] && modes[1]) throw new UsageError("--extend or --roll-forward, not both");
      if ((modes[0] || modes[1]) && (options.seed ?? options.redrawReason) !== undefined) {
        throw new UsageError("--seed and --redraw-reason are for a new draw only");
      }
      if (modes[0] && options.itgcTested === true) {
        throw new UsageError("--itgc-tested is for a draw or a roll-forward");
      }
      const itgc = options.itgcTested === true ? { itgcTested: true } : {};
      const sample = await withActor(runtime, globals, (ctx, actor) =>
        options.extend !== undefined
          ? extendControlSample(ctx, actor, handle, { control: options.extend })
          : options.rollForward === true
            ? rollForwardSample(ctx, actor, handle, itgc)
            : drawEngagementSample(ctx, actor, handle, {
                ...(options.seed === undefined ? {} : { seed: options.seed }),
                ...(options.redrawReason === undefined
                  ? {}
                  : { redrawReason: options.redrawReason }),
                ...itgc,
                ...(options.recordedEvents === undefined
                  ? {}
                  : { recordedEvents: list(options.recordedEvents) }),
              }),
      );
      if (globals.json) return printJson(runtime.io, sampleJson(sample, sample.requests));
      printSample(runtime.io, sample);
      printSampleRequests(runtime.io, sample.requests);
    });

  engagement
    .command("test")
    .description(
      "Record how a control was tested (--method …), a sampled item's result " +
        "(--item K --pass | --exception TEXT), or management's response (--item K --response TEXT)",
    )
    .argument("<id>", "engagement")
    .requiredOption("--control <id>", "the control")
    .option(
      "--method <method>",
      "inquiry, observation, inspection, re-performance (repeatable)",
      collect,
    )
    .option("--procedure <text>", "what was done (default: the control's test procedure)")
    .option(
      "--auditor <email>",
      "the assigned auditor whose test or result an owner enters (an auditor leaves it out)",
    )
    .option("--on <date>", "when it was tested (default: today)")
    .option("--design <conclusion>", "Type 1: suitably-designed or design-deficiency")
    .option("--notes <text>", "Type 1: notes on the design")
    .option("--item <key>", "a sampled item")
    .option("--pass", "the item passed")
    .option("--exception <text>", "the item failed: what was found")
    .option("--response <text>", "management's response to the item's exception")
    .action(async (handle: string, o: TestOptions, command: Command) => {
      const globals = globalsOf(command);
      const modes = [
        o.method !== undefined,
        o.pass === true || o.exception !== undefined,
        o.response !== undefined,
      ];
      if (modes.filter(Boolean).length !== 1) {
        throw new UsageError(
          "give one of: --method (a test), --pass/--exception (a result), --response",
        );
      }
      if ((modes[1] || modes[2]) && o.item === undefined)
        throw new UsageError("--item is required");
      if (o.pass === true && o.exception !== undefined)
        throw new UsageError("--pass or --exception, not both");
      const recorded = await withActor(runtime, globals, async (ctx, actor) => {
        const auditor = o.auditor === undefined ? {} : { auditor: o.auditor };
        if (o.method !== undefined) {
          return recordControlTest(ctx, actor, handle, {
            control: o.control,
            methods: o.method,
            ...auditor,
            ...(o.procedure === undefined ? {} : { procedure: o.procedure }),
            ...(o.on === undefined ? {} : { testedOn: o.on }),
            ...(o.design === undefined ? {} : { design: o.design }),
            ...(o.notes === undefined ? {} : { designNotes: o.notes }),
          });
        }
        if (o.response !== undefined) {
          return respondToException(ctx, actor, handle, {
            control: o.control,
            item: o.item ?? "",
            response: o.response,
          });
        }
        return recordItemResult(ctx, actor, handle, {
          control: o.control,
          item: o.item ?? "",
          result: o.pass ? "pass" : "exception",
          ...(o.exception === undefined ? {} : { description: o.exception }),
          ...auditor,
        });
      });
      if (globals.json) return printJson(runtime.io, recorded);
      runtime.io.out(`Recorded${recordedFor(recorded)}.\n`);
    });

  engagement
    .command("status")
    .description("Results: per control (deviations over sample size, conclusion) and per criterion")
    .argument("<id>", "engagement")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const results = await withActor(runtime, globals, (ctx, actor) =>
        engagementResults(ctx, actor, handle),
      );
      if (globals.json) return printJson(runtime.io, results);
      const e = results.engagement;
      runtime.io.out(`${engagementLabel(e)}: Type ${e.type}, ${periodOf(e)}, ${e.status}\n`);
      if (e.snapshot !== null) runtime.io.out(`${results.progress.sentence}\n`);
      if (e.snapshot === null) {
        runtime.io.out("Nothing tested yet: the scope is frozen when fieldwork starts.\n");
        return;
      }
      runtime.io.out(
        formatTable(
          ["CONTROL", "CONCLUSION", "DEVIATIONS", "TITLE"],
          results.controls.map((c) => [
            c.controlRef,
            c.conclusion,
            e.type === 1 ? "" : `${c.deviations}/${c.sampleSize} (${c.tested} tested)`,
            c.title,
          ]),
        ),
      );
      for (const c of results.controls.filter((x) => x.note !== null)) {
        runtime.io.out(`${c.controlRef}: ${c.note ?? ""}\n`);
      }
      for (const c of results.controls.filter((x) => x.test?.enteredBy)) {
        runtime.io.out(
          `${c.controlRef}: test entered by ${c.test?.enteredBy ?? ""} for ${c.test?.tester ?? ""}\n`,
        );
      }
      runtime.io.out("\n");
      runtime.io.out(
        formatTable(
          ["CRITERION", "CONCLUSION", "CONTROLS"],
          results.criteria.map((c) => [c.criterionId, c.conclusion, c.controls.join(",")]),
        ),
      );
      for (const c of results.criteria.filter((x) => x.effect !== null)) {
        runtime.io.out(`${c.criterionId}: ${c.effect ?? ""}\n`);
      }
    });
}
