/** `attest report share|links|revoke|bridge…|standing`: distribution and renewal. */
import type { Command } from "commander";
import {
  approveBridgeLetter,
  draftBridgeLetter,
  editBridgeLetter,
  listBridgeLettersOf,
} from "../../services/reporting/bridge-letters.service.ts";
import type { BridgeLetterView } from "../../services/reporting/bridge-letters.service.ts";
import {
  createShareLink,
  listShareLinksOf,
  revokeShareLink,
} from "../../services/reporting/report-sharing.service.ts";
import { currentReportStanding } from "../../services/reporting/report-versions.service.ts";
import { readTextFile, writeOutputFile } from "../files.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

const AGE_WORDS = {
  current: "current",
  "renew-soon": "current, but renew soon (10 months or older)",
  aging: "aging: over 12 months old, customers will ask for a newer one",
  expired: "expired: over 18 months old",
} as const;

function letterNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`the letter number must be 1, 2, …, not "${value}"`);
  }
  return number;
}

function printLetter(io: Io, letter: BridgeLetterView): void {
  for (const warning of letter.warnings) io.err(`warning: ${warning}\n`);
  io.out(`${letter.text}\n\n`);
  io.out(
    `Bridge letter ${letter.number} for version ${letter.version}, ${letter.gapFrom} to ${letter.through}: ` +
      `${letter.approval === null ? "not approved" : `approved by ${letter.approval.name} at ${letter.approval.at}`}.\n`,
  );
}

export function registerReportSharing(report: Command, runtime: Runtime): void {
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const out = runtime.io;

  report
    .command("share")
    .description("Share a final version through an expiring link that asks for an NDA")
    .argument("<engagement>", "engagement")
    .requiredOption("--recipient <name>", "who the link is for (shown in the access log)")
    .option("--days <n>", "days until the link expires (1–90)", "30")
    .option("--version <n>", "the final version (default: the newest)")
    .option("--base-url <url>", "where customers reach Attest (default: ATTEST_PUBLIC_URL)")
    .action(
      async (
        handle: string,
        options: { recipient: string; days: string; version?: string; baseUrl?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const created = await withActor(runtime, globals, (ctx, actor) =>
          createShareLink(
            ctx,
            actor,
            handle,
            {
              recipient: options.recipient,
              days: options.days,
              ...(options.version === undefined ? {} : { version: options.version }),
            },
            options.baseUrl ?? null,
          ),
        );
        if (globals.json) return printJson(out, created);
        out.out(
          `Link for ${created.link.recipient}, good until ${created.link.expiresAt} ` +
            `(shown once; only its hash is kept):\n${created.url}\n`,
        );
      },
    );

  report
    .command("links")
    .description("Share links with their state and access log")
    .argument("<engagement>", "engagement")
    .action(async (handle: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const links = await withActor(runtime, globals, (ctx, actor) =>
        listShareLinksOf(ctx, actor, handle),
      );
      if (globals.json) return printJson(out, links);
      if (links.length === 0) return out.out("No share links.\n");
      for (const link of links) {
        out.out(
          `${link.id}  v${link.version}  ${link.recipient}  ${link.state}  expires ${link.expiresAt}\n`,
        );
        for (const a of link.access) {
          const who =
            a.reader === null ? "" : `  ${a.reader.name}, ${a.reader.company} <${a.reader.email}>`;
          out.out(`    ${a.at}  ${a.event.padEnd(15)} ${a.address ?? "-"}${who}\n`);
        }
      }
    });

  report
    .command("revoke")
    .description("Revoke a share link")
    .argument("<engagement>", "engagement")
    .argument("<link>", "link id (from `attest report links`)")
    .action(async (handle: string, link: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      await withActor(runtime, globals, (ctx, actor) => revokeShareLink(ctx, actor, handle, link));
      if (globals.json) return printJson(out, { revoked: link });
      out.out(`Revoked ${link}.\n`);
    });

  report
    .command("bridge")
    .description("Draft a bridge letter from the template (or from --file)")
    .argument("<engagement>", "engagement")
    .option("--through <date>", "the last day it speaks for (default: today)")
    .option("--file <file>", "the letter's text instead of the template")
    .action(
      async (handle: string, options: { through?: string; file?: string }, command: Command) => {
        const globals = globalsOf(command);
        const text = options.file === undefined ? undefined : await readTextFile(options.file);
        const letter = await withActor(runtime, globals, (ctx, actor) =>
          draftBridgeLetter(ctx, actor, handle, {
            ...(options.through === undefined ? {} : { through: options.through }),
            ...(text === undefined ? {} : { text }),
          }),
        );
        if (globals.json) return printJson(out, letter);
        printLetter(out, letter);
      },
    );

  report
    .command("bridge-letter")
    .description("Show, edit, approve (owner) or write out a bridge letter")
    .argument("<engagement>", "engagement")
    .argument("[number]", "letter number (default: the newest)")
    .option("--file <file>", "replace its text (only before approval)")
    .option("--approve", "approve it as it stands")
    .option("--out <file>", "write the letter's text to a file")
    .action(
      async (
        handle: string,
        numberArg: string | undefined,
        options: { file?: string; approve?: boolean; out?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const text = options.file === undefined ? undefined : await readTextFile(options.file);
        const letter = await withActor(runtime, globals, async (ctx, actor) => {
          const letters = await listBridgeLettersOf(ctx, actor, handle);
          const number = numberArg === undefined ? letters[0]?.number : letterNumber(numberArg);
          if (number === undefined)
            throw new UsageError("no bridge letter yet: run `attest report bridge`");
          let current = letters.find((l) => l.number === number);
          if (text !== undefined)
            current = await editBridgeLetter(ctx, actor, handle, number, { text });
          if (options.approve === true)
            current = await approveBridgeLetter(ctx, actor, handle, number);
          if (current === undefined) throw new UsageError(`there is no bridge letter ${number}`);
          return current;
        });
        if (options.out !== undefined) await writeOutputFile(options.out, `${letter.text}\n`);
        if (globals.json) return printJson(out, letter);
        printLetter(out, letter);
      },
    );

  report
    .command("standing")
    .description("The newest final report and how old it is")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const standing = await withActor(runtime, globals, currentReportStanding);
      if (globals.json) return printJson(out, standing);
      if (standing === null) return out.out("No final report yet.\n");
      out.out(
        formatTable(
          ["REPORT", "VERSION", "COVERS TO", "ISSUED", "AGE"],
          [
            [
              `${standing.engagement} (Type ${standing.type})`,
              String(standing.version),
              standing.coverageEnd,
              standing.issueDate,
              `${standing.age.months} months, ${AGE_WORDS[standing.age.status]}`,
            ],
          ],
        ),
      );
    });
}
