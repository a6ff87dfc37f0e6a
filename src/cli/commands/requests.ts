/** `attest requests`: the auditor's request list of an engagement, from both sides. */
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { NamedRequest } from "../../domain/audit-request.ts";
import { requestSubject } from "../../domain/audit-request.ts";
import {
  acceptRequest,
  answerRequest,
  commentOnRequest,
  returnRequest,
} from "../../services/fieldwork/request-answers.service.ts";
import {
  listEngagementRequests,
  openRequest,
  openRequestsForMissingEvidence,
  showRequest,
} from "../../services/fieldwork/requests.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

const MEDIA_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
};

function printRequest(io: Io, request: NamedRequest): void {
  const rows: [string, string][] = [
    ["Request", `${request.ref}  ${request.status}`],
    ["For", requestSubject(request)],
    ...(request.item === null ? [] : [["Item key", request.item] as [string, string]]),
    ["To", request.addressee],
    ["Due", request.dueOn],
    ["Asks", request.description],
    ["Evidence", request.evidence.map((e) => `${e.id} ${e.title}`).join("; ") || "none yet"],
  ];
  if (request.returnReason !== null) rows.push(["Returned", request.returnReason]);
  if (request.status === "withdrawn") {
    const when = `${request.decidedBy ?? "?"} on ${request.decidedAt ?? "?"}`;
    rows.push(["Withdrawn", `by ${when}: the item left the sample`]);
  }
  for (const [label, value] of rows) io.out(`${label.padEnd(9)} ${value}\n`);
  for (const comment of request.comments) {
    io.out(`  ${comment.createdAt}  ${comment.author} (${comment.side}): ${comment.body}\n`);
  }
}

interface AddOptions {
  control?: string;
  item?: string;
  text?: string;
  to: string;
  due: string;
  description?: string;
}

interface AnswerOptions {
  evidence?: string[];
  file?: string;
  comment?: string;
  for?: string;
}

export function registerRequests(program: Command, runtime: Runtime): void {
  const requests = program
    .command("requests")
    .description("The auditor's request list (provided by client) of an engagement");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const done = (command: Command, request: NamedRequest, words: string) => {
    if (globalsOf(command).json) return printJson(runtime.io, request);
    runtime.io.out(`${request.ref} ${words}.\n`);
  };

  requests
    .command("list")
    .description("The engagement's requests (a control owner: those addressed to them)")
    .argument("<engagement>", "engagement, e.g. E-1")
    .option("--status <status>", "open, submitted, accepted, returned or withdrawn")
    .action(async (engagement: string, options: { status?: string }, command: Command) => {
      const globals = globalsOf(command);
      const list = await withActor(runtime, globals, (ctx, actor) =>
        listEngagementRequests(ctx, actor, engagement, options),
      );
      if (globals.json) return printJson(runtime.io, list);
      runtime.io.out(
        formatTable(
          ["ID", "STATUS", "FOR", "TO", "DUE", "EVIDENCE"],
          list.items.map((r) => [
            r.ref,
            r.status,
            requestSubject(r),
            r.addressee,
            r.dueOn,
            String(r.evidence.length),
          ]),
        ),
      );
      const c = list.counts;
      runtime.io.out(
        `${c.open} open, ${c.submitted} submitted, ${c.returned} returned, ${c.accepted} accepted` +
          (c.withdrawn === 0 ? "" : `, ${c.withdrawn} withdrawn (their item left the sample)`) +
          `; ${c.overdue} overdue\n`,
      );
    });

  requests
    .command("show")
    .description("One request with its evidence and comments")
    .argument("<engagement>", "engagement, e.g. E-1")
    .argument("<request>", "request, e.g. R-3")
    .action(async (engagement: string, key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const request = await withActor(runtime, globals, (ctx, actor) =>
        showRequest(ctx, actor, engagement, key),
      );
      if (globals.json) return printJson(runtime.io, request);
      printRequest(runtime.io, request);
    });

  requests
    .command("add")
    .description("Open a request (the auditor): for a control, a sampled item, or in free text")
    .argument("<engagement>", "engagement, e.g. E-1")
    .option("--control <ref>", "the control asked about")
    .option("--item <key>", "a sampled item of that control")
    .option("--text <text>", "what is asked, for a request naming no control")
    .requiredOption("--to <email>", "the member it goes to")
    .requiredOption("--due <date>", "the day the answer is due, YYYY-MM-DD")
    .option("--description <text>", "what is asked, when it names a control")
    .action(async (engagement: string, options: AddOptions, command: Command) => {
      if ((options.control === undefined) === (options.text === undefined)) {
        throw new UsageError("give either --control (with --item for a sampled item) or --text");
      }
      if (options.text !== undefined && options.description !== undefined) {
        throw new UsageError("--text is the request's description; give one or the other");
      }
      const description = options.text ?? options.description;
      const request = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        openRequest(ctx, actor, engagement, {
          ...(options.control === undefined ? {} : { control: options.control }),
          ...(options.item === undefined ? {} : { item: options.item }),
          ...(description === undefined ? {} : { description }),
          to: options.to,
          dueOn: options.due,
        }),
      );
      done(
        command,
        request,
        `opened for ${requestSubject(request)}, to ${request.addressee} by ${request.dueOn}`,
      );
    });

  requests
    .command("add-missing")
    .description("Open a request for every sampled item with no evidence (the auditor)")
    .argument("<engagement>", "engagement, e.g. E-1")
    .requiredOption("--due <date>", "the day the answers are due, YYYY-MM-DD")
    .option("--to <email>", "who is asked for controls with no owner among the members")
    .action(async (engagement: string, options: { due: string; to?: string }, command: Command) => {
      const globals = globalsOf(command);
      const outcome = await withActor(runtime, globals, (ctx, actor) =>
        openRequestsForMissingEvidence(ctx, actor, engagement, {
          dueOn: options.due,
          ...(options.to === undefined ? {} : { to: options.to }),
        }),
      );
      if (globals.json) return printJson(runtime.io, outcome);
      for (const r of outcome.opened) {
        runtime.io.out(`${r.ref} opened for ${requestSubject(r)}, to ${r.addressee}\n`);
      }
      runtime.io.out(
        `${outcome.opened.length} opened; ${outcome.alreadyRequested} already requested.\n`,
      );
    });

  requests
    .command("answer")
    .description("Answer a request with evidence already in Attest and/or a file to upload")
    .argument("<engagement>", "engagement, e.g. E-1")
    .argument("<request>", "request, e.g. R-3")
    .option("--evidence <id...>", "evidence ids (repeat or list)")
    .option("--file <path>", "a file to upload as evidence for the request")
    .option("--comment <text>", "a comment for the auditor")
    .option("--for <date>", "for an upload to a request naming no item: the day it is for")
    .action(async (engagement: string, key: string, options: AnswerOptions, command: Command) => {
      if (options.evidence === undefined && options.file === undefined) {
        throw new UsageError("answer with --evidence ID… and/or --file PATH");
      }
      const filePath = options.file;
      const file =
        filePath === undefined
          ? undefined
          : {
              content: createReadStream(filePath),
              fileName: path.basename(filePath),
              mediaType:
                MEDIA_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream",
            };
      const request = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        answerRequest(
          ctx,
          actor,
          engagement,
          key,
          {
            evidence: (options.evidence ?? []).flatMap((v) => v.split(",")).filter((v) => v !== ""),
            ...(options.comment === undefined ? {} : { comment: options.comment }),
            ...(options.for === undefined ? {} : { forDate: options.for }),
          },
          file,
        ),
      );
      done(command, request, `submitted with ${request.evidence.length} evidence item(s)`);
    });

  requests
    .command("comment")
    .description("Comment on a request")
    .argument("<engagement>", "engagement, e.g. E-1")
    .argument("<request>", "request, e.g. R-3")
    .argument("<text>", "the comment")
    .action(
      async (engagement: string, key: string, text: string, _o: unknown, command: Command) => {
        const request = await withActor(runtime, globalsOf(command), (ctx, actor) =>
          commentOnRequest(ctx, actor, engagement, key, { body: text }),
        );
        done(command, request, "commented");
      },
    );

  requests
    .command("accept")
    .description("Accept the answer to a request (the auditor)")
    .argument("<engagement>", "engagement, e.g. E-1")
    .argument("<request>", "request, e.g. R-3")
    .action(async (engagement: string, key: string, _options: unknown, command: Command) => {
      const request = await withActor(runtime, globalsOf(command), (ctx, actor) =>
        acceptRequest(ctx, actor, engagement, key),
      );
      done(command, request, "accepted");
    });

  requests
    .command("return")
    .description("Return the answer to a request with the reason (the auditor)")
    .argument("<engagement>", "engagement, e.g. E-1")
    .argument("<request>", "request, e.g. R-3")
    .requiredOption("--reason <text>", "why the answer does not do")
    .action(
      async (engagement: string, key: string, options: { reason: string }, command: Command) => {
        const request = await withActor(runtime, globalsOf(command), (ctx, actor) =>
          returnRequest(ctx, actor, engagement, key, { reason: options.reason }),
        );
        done(command, request, "returned");
      },
    );
}
