/**
 * Issue 14 item 9: asking for a password reset told strangers who has an account (a known
 * address answered in 142 ms, an unknown one in 4 ms; with the mail server down, a known one
 * answered 500) and mailed one account thirteen times in minutes. The request now only counts
 * and queues, the same for every address; the background job looks the address up and mails,
 * and retries a mail server that is down; limits per account and per client address are
 * counted in the database.
 */
import { sql } from "kysely";
import type { LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { client, createApi, setupOwner } from "../../../test/support/http.ts";
import type { Api } from "../../../test/support/http.ts";
import { recordingQueue, startTestJobs, waitForRuns } from "../../../test/support/jobs.ts";
import { linkIn, startMailbox } from "../../../test/support/smtp.ts";
import type { Mailbox } from "../../../test/support/smtp.ts";
import {
  RESET_MAILS_PER_ACCOUNT,
  RESET_REQUESTS_PER_ADDRESS,
} from "../../services/access/password-reset.service.ts";
import { passwordResetMailJob } from "../../services/jobs/catalog.ts";
import type { JobRunner } from "../../services/jobs/job.ts";
import { closeContext, openContext } from "../../services/platform/context.ts";
import { smtpMailer } from "../../services/platform/mailer.ts";

const OWNER = "olivia@acme.example";
const NOBODY = "nobody@acme.example";
const PUBLIC_URL = "https://attest.example.com";
const FROM = "Attest <a@b.c>";
const JOB = "password-reset-mail";

let mailbox: Mailbox;
let t: TestContext;
let api: Api;
let jobs: JobRunner | undefined;
beforeEach(async () => {
  mailbox = await startMailbox();
  t = await createTestContext(undefined, {
    mailer: smtpMailer(mailbox.url, FROM),
    publicUrl: PUBLIC_URL,
  });
  // Behind a trusted proxy, so a test can name the client's address in X-Forwarded-For.
  api = await createApi(t, { trustProxy: true });
  await setupOwner(t, api, OWNER);
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await api.close();
  await t.close();
  await mailbox.close();
});

function ask(email: string, from = "192.0.2.1", through: Api = api) {
  return client(through).request(
    "POST",
    "/api/v1/auth/password-reset",
    { email },
    { "x-forwarded-for": from },
  );
}

/** Every answer is the one answer: 202, `{"accepted":true}`, the same content type. */
function expectUniform(answers: LightMyRequestResponse[]): void {
  for (const answer of answers) {
    expect(answer.statusCode).toBe(202);
    expect(answer.body).toBe(JSON.stringify({ accepted: true }));
    expect(answer.headers["content-type"]).toBe(answers[0]?.headers["content-type"]);
  }
}

function runJob(data: unknown) {
  return passwordResetMailJob.run({
    ctx: t.ctx,
    attempt: 1,
    data,
    signal: new AbortController().signal,
  });
}

async function resetRows(): Promise<number> {
  const result = await sql<{
    n: number | string;
  }>`select count(*) as n from password_resets`.execute(t.ctx.db.kysely);
  return Number(result.rows[0]?.n);
}

const confirm = (token: string) =>
  client(api).request("POST", "/api/v1/auth/password-reset/confirm", {
    token,
    password: "a fresh passphrase after the reset",
  });

const throttleLines = () => api.logs.filter((line) => line.includes("password reset not mailed"));

describe("asking for a password reset", () => {
  it("answers a known and an unknown address alike, and leaves the lookup, link and mail to the job", async () => {
    const queue = recordingQueue();
    t.ctx.jobs = queue;
    const known = await ask(OWNER);
    const unknown = await ask(NOBODY);
    expectUniform([known, unknown]);

    // Nothing that depends on the account happened while the requester waited: no link was
    // made and no mail went out, for the known address either. Both were queued alike, with
    // the address alone (no secret sits in the queue).
    expect(await resetRows()).toBe(0);
    expect(mailbox.received).toHaveLength(0);
    expect(queue.queued).toEqual([
      { name: JOB, data: { email: OWNER } },
      { name: JOB, data: { email: NOBODY } },
    ]);

    // The mail is sent when the job runs, and only for the account.
    const outcomes = [];
    for (const job of queue.queued) outcomes.push(await runJob(job.data));
    expect(outcomes).toEqual([{ mailed: 1 }, { mailed: 0 }]);
    expect(mailbox.received).toHaveLength(1);
    const link = linkIn(await mailbox.next());
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password/confirm`);
    expect((await confirm(link.searchParams.get("token") ?? "")).statusCode).toBe(204);
  });

  it(
    "answers the same with the mail server down; the job's failure is recorded and retried",
    { timeout: 60_000 },
    async () => {
      const down = await startMailbox();
      await down.close();
      t.ctx.mailer = smtpMailer(down.url, FROM);
      const logged: string[] = [];
      const log = {
        info: (details: object, message: string) => logged.push(message, JSON.stringify(details)),
        error: (details: object, message: string) => logged.push(message, JSON.stringify(details)),
      };
      // A one-second first retry here, so pg-boss's real clock keeps the test short.
      jobs = await startTestJobs(t, [{ ...passwordResetMailJob, retryBaseSeconds: 1 }], log);

      expectUniform([await ask(OWNER), await ask(NOBODY)]);
      const firstPass = await waitForRuns(
        t.ctx,
        JOB,
        (runs) => runs.some((r) => r.result === "failed") && runs.some((r) => r.result === "ok"),
      );
      const failed = firstPass.find((r) => r.result === "failed");
      expect(failed?.attempt).toBe(1);
      expect(failed?.error).toMatch(/^the mail server did not take the reset mail \(\w+\)$/);
      // The unknown address's job found no account and sent nothing, mail server or not.
      expect(firstPass.find((r) => r.result === "ok")?.summary).toBe(JSON.stringify({ mailed: 0 }));
      // The link of the failed send was never delivered, so it was not kept.
      expect(await resetRows()).toBe(0);

      // The mail server is back: the retry (after a second, on the test clock on SQLite)
      // mails a link that works.
      t.ctx.mailer.close();
      t.ctx.mailer = smtpMailer(mailbox.url, FROM);
      t.advance(1000);
      const mail = await mailbox.next();
      expect(mail.to).toEqual([OWNER]);
      const runs = await waitForRuns(t.ctx, JOB, (all) =>
        all.some((r) => r.summary === JSON.stringify({ mailed: 1 })),
      );
      const known = runs.filter((r) => r.jobId === failed?.jobId);
      expect(known[0]?.result).toBe("failed");
      expect(known.at(-1)).toMatchObject({ result: "ok", summary: JSON.stringify({ mailed: 1 }) });
      expect(known.at(-1)?.attempt).toBeGreaterThanOrEqual(2);
      expect(await resetRows()).toBe(1);
      expect((await confirm(linkIn(mail).searchParams.get("token") ?? "")).statusCode).toBe(204);

      // Neither the run record nor the runner's log names the account's address.
      expect(JSON.stringify(runs)).not.toContain("olivia");
      expect(logged.join("\n")).not.toContain("olivia");
    },
  );

  it(`mails one account at most ${RESET_MAILS_PER_ACCOUNT} times an hour; the next request answers the same and sends nothing`, async () => {
    const queue = recordingQueue();
    t.ctx.jobs = queue;
    // However the address is written, it is the same account.
    const spellings = [OWNER, "Olivia@Acme.example", ` ${OWNER.toUpperCase()} `, OWNER];
    const answers = [];
    for (const email of spellings) answers.push(await ask(email));
    expectUniform(answers);
    expect(queue.queued).toHaveLength(RESET_MAILS_PER_ACCOUNT);
    for (const job of queue.queued) await runJob(job.data);
    expect(mailbox.received).toHaveLength(RESET_MAILS_PER_ACCOUNT);

    // The log says a limit was met, naming the domain only.
    const [line, ...more] = throttleLines();
    expect(more).toEqual([]);
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      level: 30,
      limit: "account-limit",
      domain: "acme.example",
    });
    expect(line).not.toContain("olivia");

    // Another account has its own allowance; an hour later this one has its own back.
    await ask("dana@acme.example");
    expect(queue.queued).toHaveLength(RESET_MAILS_PER_ACCOUNT + 1);
    t.advance(60 * 60_000 + 1000);
    expectUniform([await ask(OWNER)]);
    expect(queue.queued.at(-1)).toEqual({ name: JOB, data: { email: OWNER } });
    expect(queue.queued).toHaveLength(RESET_MAILS_PER_ACCOUNT + 2);
  });

  it(`takes at most ${RESET_REQUESTS_PER_ADDRESS} requests an hour from one client address, whichever addresses they name`, async () => {
    const queue = recordingQueue();
    t.ctx.jobs = queue;
    const answers = [];
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i += 1) {
      answers.push(await ask(`person${i}@acme.example`, "198.51.100.7"));
    }
    answers.push(await ask(OWNER, "198.51.100.7"));
    expectUniform(answers);
    expect(queue.queued).toHaveLength(RESET_REQUESTS_PER_ADDRESS);
    expect(JSON.parse(throttleLines()[0] ?? "{}")).toMatchObject({ limit: "address-limit" });

    // The refused request did not spend the account's allowance: asked from elsewhere, it is
    // queued.
    await ask(OWNER, "203.0.113.9");
    expect(queue.queued.at(-1)).toEqual({ name: JOB, data: { email: OWNER } });
  });

  it("counts in the database, so two instances on it share one allowance", async () => {
    const otherMailbox = smtpMailer(mailbox.url, FROM);
    const other = await openContext({
      database: t.database.target,
      dataDir: t.database.dataDir,
      blobStore: t.database.blobStore,
      now: t.ctx.now,
      mailer: otherMailbox,
      publicUrl: PUBLIC_URL,
      housekeeping: false,
    });
    const otherApi = await createApi({ ...t, ctx: other });
    try {
      const here = recordingQueue();
      const there = recordingQueue();
      t.ctx.jobs = here;
      other.jobs = there;
      expectUniform([
        await ask(OWNER, "192.0.2.1", api),
        await ask(OWNER, "192.0.2.2", otherApi),
        await ask(OWNER, "192.0.2.3", api),
        await ask(OWNER, "192.0.2.4", otherApi),
      ]);
      expect([here.queued.length, there.queued.length]).toEqual([2, 1]);
    } finally {
      await otherApi.close();
      await closeContext(other);
    }
  });
});
