/**
 * `attest notifications`: the organization's Slack and signed webhooks, the deliveries and
 * their failures, and the daily digest sent now.
 */
import type { Command } from "commander";
import {
  addWebhook,
  listChannels,
  removeChannel,
  setSlackWebhook,
} from "../../services/notifications/channels.service.ts";
import { listDeliveries } from "../../services/notifications/deliveries.service.ts";
import { sendDigest } from "../../services/notifications/digest.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";
import { UsageError } from "../usage.ts";

export function registerNotifications(program: Command, runtime: Runtime): void {
  const notifications = program
    .command("notifications")
    .description("Slack and signed webhooks, deliveries, and the daily task digest");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  notifications
    .command("channels", { isDefault: true })
    .description("The Slack and webhook channels (never their URLs or secrets)")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const channels = await withActor(runtime, globals, (ctx, actor) => listChannels(ctx, actor));
      if (globals.json) return printJson(runtime.io, channels);
      runtime.io.out(
        formatTable(
          ["ID", "KIND", "HOST", "ADDED BY", "ADDED"],
          channels.map((c) => [c.ref, c.kind, c.urlHost, c.createdBy, c.createdAt.slice(0, 10)]),
        ),
      );
    });

  const webhooks = notifications.command("webhooks").description("Signed webhooks");
  webhooks
    .command("add")
    .description("Add a signed webhook; its signing secret is printed this once")
    .requiredOption("--url <url>", "where to POST (http or https)")
    .action(async (options: { url: string }, command: Command) => {
      const globals = globalsOf(command);
      const created = await withActor(runtime, globals, (ctx, actor) =>
        addWebhook(ctx, actor, { url: options.url }),
      );
      if (globals.json) return printJson(runtime.io, created);
      runtime.io.out(
        `Added webhook ${created.channel.ref} (${created.channel.urlHost}).\n` +
          `Signing secret (shown only now; keep it with the receiver):\n${created.secret}\n`,
      );
    });

  notifications
    .command("slack")
    .description("Set the Slack incoming webhook (replacing the one before)")
    .requiredOption("--url <url>", "the incoming webhook's URL")
    .action(async (options: { url: string }, command: Command) => {
      const globals = globalsOf(command);
      const channel = await withActor(runtime, globals, (ctx, actor) =>
        setSlackWebhook(ctx, actor, { url: options.url }),
      );
      if (globals.json) return printJson(runtime.io, channel);
      runtime.io.out(`Slack webhook set as ${channel.ref} (${channel.urlHost}).\n`);
    });

  notifications
    .command("remove")
    .description("Remove a channel")
    .argument("<id>", "channel id, e.g. N-2")
    .action(async (ref: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const channel = await withActor(runtime, globals, (ctx, actor) =>
        removeChannel(ctx, actor, ref),
      );
      if (globals.json) return printJson(runtime.io, channel);
      runtime.io.out(`Removed ${channel.ref} (${channel.urlHost}).\n`);
    });

  notifications
    .command("deliveries")
    .description("Deliveries, newest first, with their attempts and last error")
    .option("--limit <n>", "how many (1 to 500)", "100")
    .action(async (options: { limit: string }, command: Command) => {
      const globals = globalsOf(command);
      if (!/^\d+$/.test(options.limit)) throw new UsageError("--limit must be a number");
      const deliveries = await withActor(runtime, globals, (ctx, actor) =>
        listDeliveries(ctx, actor, { limit: Number(options.limit) }),
      );
      if (globals.json) return printJson(runtime.io, deliveries);
      runtime.io.out(
        formatTable(
          ["WHEN", "CHANNEL", "TARGET", "STATUS", "ATTEMPTS", "NEXT", "LAST ERROR"],
          deliveries.map((d) => [
            d.createdAt.slice(0, 16).replace("T", " "),
            d.channel,
            d.target,
            d.status,
            String(d.attempts),
            d.nextAttemptAt?.slice(0, 16).replace("T", " ") ?? "-",
            d.lastError ?? "-",
          ]),
        ),
      );
    });

  notifications
    .command("send-digest")
    .description("Send today's task digest now (mail when SMTP is set, Slack, webhooks)")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const outcome = await withActor(runtime, globals, (ctx, actor) => sendDigest(ctx, actor), {
        mail: true,
      });
      if (globals.json) return printJson(runtime.io, outcome);
      runtime.io.out(
        `Digest for ${outcome.people} ${outcome.people === 1 ? "person" : "people"} with tasks: ` +
          `${outcome.mails} mail, ${outcome.slack} Slack, ${outcome.webhooks} webhook; ` +
          `${outcome.sent} sent, ${outcome.failed} failed (retried by the server's jobs).\n`,
      );
    });
}
