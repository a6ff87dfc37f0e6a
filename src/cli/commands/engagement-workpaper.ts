/**
 * `attest engagement workpaper`: a control's workpaper (its attributes tested and each sampled
 * item's results), its test steps, and the auditor's own files attached to it.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { invalidField } from "../../domain/errors.ts";
import { attachToWorkpaper } from "../../services/fieldwork/workpaper-attachments.service.ts";
import type { ControlWorkpaper } from "../../services/fieldwork/workpapers.service.ts";
import { setWorkpaperSteps, showWorkpaper } from "../../services/fieldwork/workpapers.service.ts";
import { mediaTypeOf } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const MARKS = { met: "met", "not-met": "NOT MET", "not-applicable": "n/a" } as const;

function printWorkpaper(io: Io, paper: ControlWorkpaper): void {
  io.out(`${paper.controlRef} ${paper.title}: ${paper.conclusion}\n`);
  if (paper.summary !== "") io.out(`${paper.summary}\n`);
  io.out(
    paper.steps.length === 0
      ? "No test steps yet (attest engagement workpaper steps … --step TEXT).\n"
      : paper.steps.map((s, i) => `  ${i + 1}. ${s.text}\n`).join(""),
  );
  if (paper.items.length > 0) {
    io.out(
      formatTable(
        ["ITEM", "LABEL", "RESULT", "ATTRIBUTES", "EVIDENCE", "NOTE"],
        paper.items.map((item) => [
          item.key,
          item.label,
          item.result ?? "to test",
          item.attributes.map((a, i) => `${i + 1}:${a === null ? "-" : MARKS[a]}`).join(" "),
          String(item.evidence.length),
          item.note ?? "",
        ]),
      ),
    );
  }
  for (const file of paper.attachments) {
    io.out(`Attached: ${file.fileName} (${file.itemKey ?? "whole control"}, ${file.size} bytes)\n`);
  }
}

export function registerEngagementWorkpaper(engagement: Command, runtime: Runtime): void {
  const workpaper = engagement
    .command("workpaper")
    .description("The auditor's workpaper of a control: steps, item results, own files");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  workpaper
    .command("show")
    .description("A control's steps and each sampled item's results, in words")
    .argument("<id>", "engagement")
    .requiredOption("--control <id>", "the control")
    .action(async (handle: string, o: { control: string }, command: Command) => {
      const globals = globalsOf(command);
      const paper = await withActor(runtime, globals, (ctx, actor) =>
        showWorkpaper(ctx, actor, handle, o.control),
      );
      if (globals.json) return printJson(runtime.io, paper);
      printWorkpaper(runtime.io, paper);
    });

  workpaper
    .command("steps")
    .description("Set the attributes tested, in order (a step kept by its text keeps its results)")
    .argument("<id>", "engagement")
    .requiredOption("--control <id>", "the control")
    .requiredOption("--step <text>", "an attribute tested (repeatable, in order)", collect)
    .option(
      "--auditor <email>",
      "the assigned auditor whose steps an owner enters (an auditor leaves it out)",
    )
    .action(
      async (
        handle: string,
        o: { control: string; step: string[]; auditor?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const steps = await withActor(runtime, globals, (ctx, actor) =>
          setWorkpaperSteps(ctx, actor, handle, {
            control: o.control,
            steps: o.step,
            ...(o.auditor === undefined ? {} : { auditor: o.auditor }),
          }),
        );
        if (globals.json) return printJson(runtime.io, steps);
        runtime.io.out(steps.map((s, i) => `${i + 1}. ${s.text}\n`).join(""));
      },
    );

  workpaper
    .command("attach")
    .description("Attach one of the auditor's own files (never shown to the company)")
    .argument("<id>", "engagement")
    .requiredOption("--control <id>", "the control")
    .option("--item <key>", "the sampled item it supports (default: the whole control)")
    .requiredOption("--file <path>", "the file")
    .action(
      async (
        handle: string,
        o: { control: string; item?: string; file: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const info = await stat(o.file).catch(() => undefined);
        if (info === undefined || !info.isFile()) {
          throw invalidField("file", `"${o.file}" is not a readable file`);
        }
        const attached = await withActor(runtime, globals, (ctx, actor) =>
          attachToWorkpaper(
            ctx,
            actor,
            handle,
            { control: o.control, ...(o.item === undefined ? {} : { item: o.item }) },
            {
              content: createReadStream(o.file),
              fileName: path.basename(o.file),
              mediaType: mediaTypeOf(o.file),
            },
          ),
        );
        if (globals.json) return printJson(runtime.io, attached);
        runtime.io.out(
          `Attached ${attached.fileName} to ${attached.controlRef}` +
            `${attached.itemKey === null ? "" : ` ${attached.itemKey}`} (sha256 ${attached.sha256}).\n`,
        );
      },
    );
}
