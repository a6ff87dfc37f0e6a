/**
 * Asking for a password reset by mail. The request only counts and queues; the background job
 * `password-reset-mail` looks the address up, makes the link and sends it. So the answer, its
 * time and its failures are the same whether or not the address has an account: nothing that
 * depends on the account (a lookup that finds it, the mail server's round trip, a mail server
 * that is down) happens while the requester waits.
 */
import { z } from "zod";
import {
  countAttempt,
  deletePasswordReset,
  insertPasswordReset,
} from "../../db/credentials.repo.ts";
import { inTransaction, read } from "../../db/transaction.ts";
import { findUserByEmail } from "../../db/users.repo.ts";
import { normalizeEmail } from "../../domain/account.ts";
import { AppError } from "../../domain/errors.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { mailLink } from "./account.service.ts";
import { hashSecret, newSecret } from "./secrets.ts";

export const PASSWORD_RESET_MAIL_JOB = "password-reset-mail";

const RESET_MINUTES = 60;
const RESET_WINDOW_MS = 60 * 60 * 1000;
/** Reset mails one address may be sent per hour, however many ask. */
export const RESET_MAILS_PER_ACCOUNT = 3;
/** Reset requests one client address may make per hour, whichever addresses they name. */
export const RESET_REQUESTS_PER_ADDRESS = 20;

export const resetRequestInput = z.object({ email: z.string().trim().min(1).max(320) }).strict();

/**
 * What became of a request; only the log sees it. The caller answers the same whatever it is,
 * so the form tells strangers neither who has an account nor who was throttled.
 */
export type ResetRequestOutcome =
  | { queued: true }
  | { queued: false; reason: "no-mail" | "account-limit" | "address-limit"; domain: string };

/**
 * Counts the request against its client address and the address it names, in the same table
 * and with the same atomic count as failed sign-ins (distinct `reset:` keys), so every
 * instance on the database agrees. The named address is counted whether or not it has an
 * account: the work is the same either way. A request over the client's limit is not counted
 * against the named address, so one client cannot also spend a stranger's allowance with it.
 */
async function countResetRequest(
  ctx: ServiceContext,
  email: string,
  address: string | null,
): Promise<"account-limit" | "address-limit" | null> {
  const now = ctx.now();
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - RESET_WINDOW_MS).toISOString();
  return inTransaction(ctx.db, async (tx) => {
    if (address !== null) {
      const counted = await countAttempt(tx, `reset:addr:${address}`, at, windowStart);
      if (counted.failures > RESET_REQUESTS_PER_ADDRESS) return "address-limit";
    }
    const counted = await countAttempt(tx, `reset:user:${email}`, at, windowStart);
    return counted.failures > RESET_MAILS_PER_ACCOUNT ? "account-limit" : null;
  });
}

/**
 * Queues the reset mail for the address, known or not, unless a limit is reached. Nothing here
 * depends on whether the address has an account, and no secret is made yet.
 *
 * Where the secret lives between request and mail: nowhere. The job makes the token when it
 * runs, stores its SHA-256 as every reset always was, and puts the token only in the mail. The
 * queue holds just the address, so a copy of the queue (pg-boss's table, `jobs` on SQLite)
 * holds no usable link, and a retry after a failed send makes a fresh token rather than
 * replaying one kept in clear.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: z.input<typeof resetRequestInput>,
  client: { address: string | null },
): Promise<ResetRequestOutcome> {
  const { email } = parseInput(resetRequestInput, input);
  const address = normalizeEmail(email);
  const domain = address.slice(address.lastIndexOf("@") + 1);
  if (ctx.mailer === null) return { queued: false, reason: "no-mail", domain };
  // A misconfiguration fails every request alike, before anything is counted or queued.
  mailLink(ctx, "/");
  const queue = ctx.jobs;
  if (queue === undefined) {
    throw new AppError("INTERNAL", "password reset mail needs the server's background jobs");
  }
  const limited = await countResetRequest(ctx, address, client.address);
  if (limited !== null) return { queued: false, reason: limited, domain };
  await queue.enqueue(PASSWORD_RESET_MAIL_JOB, { email: address });
  return { queued: true };
}

const resetMailData = z.object({ email: z.string().min(1).max(320) });

/** The mail server's error, without its words: they may quote the recipient. */
function mailFailure(error: unknown): Error {
  const detail = error as { code?: unknown; responseCode?: unknown } | null;
  const parts = [detail?.code, detail?.responseCode].filter(
    (part) => typeof part === "string" || typeof part === "number",
  );
  const why = parts.length > 0 ? parts.join(" ") : "no reason given";
  return new Error(`the mail server did not take the reset mail (${why})`);
}

/**
 * The job's work: a one-hour link for the account the address belongs to, if any, mailed to
 * it. A failed send throws for the runner to retry, after removing the reset it had stored:
 * its secret never left this process. The error names the mail server's code only, since the
 * run record is shown to every organization's owners and admins.
 */
export async function mailPasswordReset(
  ctx: ServiceContext,
  data: unknown,
): Promise<{ mailed: number }> {
  const { email } = resetMailData.parse(data);
  const mailer = ctx.mailer;
  if (mailer === null) return { mailed: 0 };
  const user = await read(ctx.db, (tx) => findUserByEmail(tx, email));
  if (user === undefined) return { mailed: 0 };
  const token = newSecret("reset");
  const tokenHash = hashSecret(token);
  const link = mailLink(ctx, `/reset-password/confirm?token=${encodeURIComponent(token)}`);
  const at = ctx.now();
  const expires = new Date(at.getTime() + RESET_MINUTES * 60_000).toISOString();
  await inTransaction(ctx.db, (tx) =>
    insertPasswordReset(tx, tokenHash, user.user.id, at.toISOString(), expires),
  );
  try {
    await mailer.send({
      to: user.user.email,
      subject: "Reset your Attest password",
      text:
        `Someone asked to reset the password of ${user.user.email} on Attest.\n\n` +
        `To choose a new password, open this link within ${RESET_MINUTES} minutes:\n${link}\n\n` +
        "If it was not you, ignore this message: your password stays as it is.\n",
    });
  } catch (error) {
    await inTransaction(ctx.db, (tx) => deletePasswordReset(tx, tokenHash));
    throw mailFailure(error);
  }
  return { mailed: 1 };
}
