/** What every command shares: the environment, the output, and a way to reach the services. */
import type { Actor, Principal } from "../domain/actor.ts";
import { loadConfig } from "../services/platform/config.ts";
import type { Config } from "../services/platform/config.ts";
import {
  closeContext,
  discardWarmUp,
  openContext,
  warmUpDatabase,
} from "../services/platform/context.ts";
import type { ServiceContext } from "../services/platform/context.ts";
import { COMMAND_LINE_OPERATOR, commandLineActor } from "../services/access/command-line-actor.ts";
import type { Io } from "./io.ts";
import { UsageError } from "./usage.ts";

export interface Runtime {
  env: Record<string, string | undefined>;
  io: Io;
  /** Tests fix the clock; the binary uses the real one. */
  now?: () => Date;
}

export interface GlobalOptions {
  org?: string;
  /** The email of the account to act as (else ATTEST_AS, else the only owner). */
  as?: string;
  json?: boolean;
}

export function config(runtime: Runtime): Config {
  return loadConfig(runtime.env);
}

/**
 * Installation-wide work (init, key rotation, account recovery) is the operator's, under a
 * fixed name: the operating system's user name is nobody a report should cite.
 */
export function operatorPrincipal(): Principal {
  return COMMAND_LINE_OPERATOR;
}

/** Where a link printed here should point: the public address, else the local server. */
export function serverAddress(runtime: Runtime): string {
  const settings = config(runtime);
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  return settings.publicUrl ?? `http://${host}:${settings.port}`;
}

/**
 * Runs a command while its database connection starts (warmUpDatabase): on PostgreSQL the
 * server sets up the session as the command's code loads. An environment that does not parse
 * is left for the command to report.
 */
export async function whileConnecting<T>(runtime: Runtime, run: () => Promise<T>): Promise<T> {
  let settings: Config;
  try {
    settings = config(runtime);
  } catch {
    return run();
  }
  if (settings.database.engine !== "postgres") return run();
  warmUpDatabase(settings.database);
  // Two turns of the event loop: the socket connects and the start-up message goes out.
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  try {
    return await run();
  } finally {
    discardWarmUp();
  }
}

/** What a command needs beyond the database: `mail` opens the SMTP server when one is set. */
export interface ContextNeeds {
  mail?: boolean;
}

export async function withContext<T>(
  runtime: Runtime,
  work: (ctx: ServiceContext) => Promise<T>,
  needs: ContextNeeds = {},
): Promise<T> {
  const settings = config(runtime);
  // Loaded only by the commands that send mail (nodemailer is large).
  const mailer =
    needs.mail === true && settings.smtp !== null
      ? (await import("../services/platform/mailer.ts")).smtpMailer(
          settings.smtp.url,
          settings.smtp.from,
        )
      : null;
  // The server does the start-up chores; a command only does its own work.
  const ctx = await openContext({ ...settings, mailer, now: runtime.now, housekeeping: false });
  try {
    return await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

/** Acts in the chosen organization as the account named by --as or ATTEST_AS, or its only owner. */
export async function withActor<T>(
  runtime: Runtime,
  options: GlobalOptions,
  work: (ctx: ServiceContext, actor: Actor) => Promise<T>,
  needs: ContextNeeds = {},
): Promise<T> {
  return withContext(
    runtime,
    async (ctx) => {
      const actor = await commandLineActor(ctx, {
        org: options.org ?? runtime.env.ATTEST_ORG,
        as: options.as ?? runtime.env.ATTEST_AS,
      });
      if (actor.kind === "several-owners") {
        throw new UsageError(
          `the organization has several owners (${actor.owners.join(", ")}); ` +
            "say which one acts with --as EMAIL or ATTEST_AS",
        );
      }
      return work(ctx, actor);
    },
    needs,
  );
}

/** Splits "a,b, c" into ["a", "b", "c"]. */
export function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Commander's collector for a repeatable option: each use adds one value. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
