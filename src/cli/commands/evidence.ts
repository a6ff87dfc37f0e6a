import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { invalidField } from "../../domain/errors.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import {
  addEvidence,
  linkEvidenceToControl,
  listEvidence,
  readEvidenceFile,
  removeEvidence,
  showEvidence,
} from "../../services/program/evidence.service.ts";
import type { EvidenceContent } from "../../services/program/evidence.service.ts";
import { listOverdueControls } from "../../services/program/readiness.service.ts";
import { mediaTypeOf, writeOutputFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import { eventLine } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

interface AddOptions {
  url?: string;
  record?: string;
  title?: string;
  control?: string[];
  for?: string;
  from?: string;
  to?: string;
  source?: string;
}

async function contentFrom(
  file: string | undefined,
  options: AddOptions,
): Promise<EvidenceContent> {
  const given = [file, options.url, options.record].filter((v) => v !== undefined);
  if (given.length !== 1) throw new UsageError("give exactly one of FILE, --url or --record");
  if (options.url !== undefined) return { kind: "link", url: options.url };
  if (options.record !== undefined) {
    try {
      return { kind: "record", record: JSON.parse(options.record) as unknown };
    } catch (error) {
      throw invalidField("record", `not valid JSON (${(error as Error).message})`);
    }
  }
  const filePath = file ?? "";
  const info = await stat(filePath).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    throw invalidField("file", `"${filePath}" is not a readable file`);
  }
  return {
    kind: "file",
    content: createReadStream(filePath),
    fileName: path.basename(filePath),
    mediaType: mediaTypeOf(filePath),
  };
}

function defaultTitle(content: EvidenceContent): string {
  if (content.kind === "file") return content.fileName;
  if (content.kind === "link") return content.url;
  const kind = (content.record as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" ? kind : "record";
}

function describeFor(item: EvidenceItem): string {
  return item.forFrom === item.forTo ? item.forFrom : `${item.forFrom}..${item.forTo}`;
}

export function registerEvidence(program: Command, runtime: Runtime): void {
  const evidence = program.command("evidence").description("Evidence that controls operate");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  evidence
    .command("add")
    .description("Add a file, a link (--url) or a structured record (--record)")
    .argument("[file]", "file to store")
    .option("--url <url>", "a link instead of a file")
    .option("--record <json>", 'a record instead of a file: {"kind":"…","data":{…}}')
    .option("--title <text>", "what it is (default: the file name, URL or record kind)")
    .option("--control <id>", "control it serves (repeatable)", collect)
    .option("--for <date>", "the date it is evidence for (YYYY-MM-DD)")
    .option("--from <date>", "start of the period it is evidence for")
    .option("--to <date>", "end of that period")
    .option("--source <source>", "manual, automated or imported", "manual")
    .action(async (file: string | undefined, options: AddOptions, command: Command) => {
      const globals = globalsOf(command);
      const content = await contentFrom(file, options);
      const item = await withActor(runtime, globals, (ctx, actor) =>
        addEvidence(ctx, actor, content, {
          title: options.title ?? defaultTitle(content),
          source: options.source,
          controls: options.control ?? [],
          ...(options.for === undefined ? {} : { forDate: options.for }),
          ...(options.from === undefined ? {} : { from: options.from }),
          ...(options.to === undefined ? {} : { to: options.to }),
        }),
      );
      if (globals.json) return printJson(runtime.io, item);
      runtime.io.out(
        `Added ${item.id} (${item.kind}, sha256 ${item.sha256.slice(0, 12)}…) for ` +
          `${describeFor(item)}; serves ${item.controls.join(", ") || "no control yet"}.\n`,
      );
    });

  evidence
    .command("list")
    .description("List evidence, or with --overdue the controls whose evidence is due")
    .option("--control <id>", "only evidence for this control")
    .option("--overdue", "controls whose evidence is overdue or missing today")
    .option("--removed", "include removed evidence")
    .action(
      async (
        options: { control?: string; overdue?: boolean; removed?: boolean },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        if (options.overdue) {
          const overdue = await withActor(runtime, globals, listOverdueControls);
          if (globals.json) return printJson(runtime.io, overdue);
          runtime.io.out(
            formatTable(
              ["CONTROL", "STATUS", "FREQUENCY", "EVIDENCE", "WHY"],
              overdue.map((f) => [f.ref, f.status, f.frequency, f.state, f.reason]),
            ),
          );
          return;
        }
        const items = await withActor(runtime, globals, (ctx, actor) =>
          listEvidence(ctx, actor, {
            ...(options.control === undefined ? {} : { control: options.control }),
            includeRemoved: options.removed === true,
          }),
        );
        if (globals.json) return printJson(runtime.io, items);
        runtime.io.out(
          formatTable(
            ["ID", "KIND", "FOR", "CONTROLS", "TITLE"],
            items.map((i) => [
              i.id.slice(0, 8),
              i.removedAt === null ? i.kind : `${i.kind} (removed)`,
              describeFor(i),
              i.controls.join(","),
              i.title,
            ]),
          ),
        );
      },
    );

  evidence
    .command("show")
    .description("Show one evidence item with its history")
    .argument("<id>", "evidence id (or its first 8 characters)")
    .action(async (id: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const result = await withActor(runtime, globals, (ctx, actor) =>
        showEvidence(ctx, actor, id),
      );
      if (globals.json) return printJson(runtime.io, result);
      const e = result.evidence;
      const rows: [string, string][] = [
        ["Evidence", `${e.id}  ${e.title}`],
        ["Kind", `${e.kind}, ${e.source}${e.fileName ? `, ${e.fileName} (${e.size} bytes)` : ""}`],
        ["For", describeFor(e)],
        ["Controls", e.controls.join(", ") || "none"],
        ["SHA-256", e.sha256],
        ["Added", `${e.addedAt} by ${e.addedBy}`],
      ];
      if (e.url !== null) rows.push(["URL", e.url]);
      if (e.removedAt !== null) {
        rows.push(["Removed", `${e.removedAt} by ${e.removedBy ?? "?"}: ${e.removedReason ?? ""}`]);
      }
      for (const [label, value] of rows) runtime.io.out(`${label.padEnd(10)} ${value}\n`);
      runtime.io.out("\nHistory\n");
      for (const h of result.history) {
        runtime.io.out(`  ${h.at}  ${h.actor}  ${eventLine(h)}\n`);
      }
    });

  evidence
    .command("download")
    .description("Write a file's content, checked against its SHA-256")
    .argument("<id>", "evidence id")
    .requiredOption("--out <file>", "where to write it")
    .action(async (id: string, options: { out: string }, command: Command) => {
      const globals = globalsOf(command);
      const written = await withActor(runtime, globals, async (ctx, actor) => {
        const { evidence: item, content } = await readEvidenceFile(ctx, actor, id);
        // Renamed into place only once the hash has checked out.
        await writeOutputFile(options.out, content);
        return item;
      });
      if (globals.json) return printJson(runtime.io, { ...written, out: options.out });
      runtime.io.out(`Wrote ${options.out} (${written.size} bytes, SHA-256 verified).\n`);
    });

  evidence
    .command("link")
    .description("Let an evidence item serve one more control")
    .argument("<id>", "evidence id")
    .requiredOption("--control <id>", "control id")
    .action(async (id: string, options: { control: string }, command: Command) => {
      const globals = globalsOf(command);
      const item = await withActor(runtime, globals, (ctx, actor) =>
        linkEvidenceToControl(ctx, actor, id, options.control),
      );
      if (globals.json) return printJson(runtime.io, item);
      runtime.io.out(`${item.id} now serves ${item.controls.join(", ")}.\n`);
    });

  evidence
    .command("remove")
    .description("Remove an evidence item (kept in history as a tombstone with the reason)")
    .argument("<id>", "evidence id")
    .requiredOption("--reason <text>", "why it is removed")
    .action(async (id: string, options: { reason: string }, command: Command) => {
      const globals = globalsOf(command);
      const item = await withActor(runtime, globals, (ctx, actor) =>
        removeEvidence(ctx, actor, id, { reason: options.reason }),
      );
      if (globals.json) return printJson(runtime.io, item);
      runtime.io.out(`Removed ${item.id}: ${item.removedReason ?? ""}\n`);
    });
}
