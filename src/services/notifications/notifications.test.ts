/**
 * Issue 16 part 4, done when: a control owner assigned in bulk sees their controls on My tasks;
 * the daily digest job sends one mail per person with tasks through a local SMTP server; a
 * webhook receiver started here gets a correctly signed payload; a failing receiver is retried
 * and its failure is visible.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { startMailbox } from "../../../test/support/smtp.ts";
import type { Mailbox } from "../../../test/support/smtp.ts";
import type { Actor } from "../../domain/actor.ts";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "../../domain/notification.ts";
import { smtpMailer } from "../platform/mailer.ts";
import { rotateSecretKey } from "../platform/secrets-at-rest.ts";
import { operator } from "../../../test/support/fixtures.ts";
import { assignControlOwners } from "../program/control-owners.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { listTasks } from "../program/tasks.service.ts";
import { notificationDeliveryJob, notificationDigestJob } from "../jobs/catalog.ts";
import { addWebhook, listChannels, setSlackWebhook } from "./channels.service.ts";
import { listDeliveries } from "./deliveries.service.ts";
import { sendDigest } from "./digest.service.ts";
import { setPreferences, showPreferences } from "./preferences.service.ts";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

async function startReceiver(status = 200): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/attest?token=secret-part`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestContext;
let mailbox: Mailbox;
let owner: Actor;
let maya: Actor;
let carl: Actor;
let emma: Actor;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  mailbox = await startMailbox();
  t = await createTestContext(new Date("2026-03-02T09:00:00Z"), {
    mailer: smtpMailer(mailbox.url, "Attest <attest@acme.example>"),
    publicUrl: "https://attest.acme.example",
  });
  owner = await createOrg(t.ctx);
  maya = await addMember(t, owner, "owner", "maya@acme.example");
  carl = await addMember(t, owner, "control-owner", "carl@acme.example");
  emma = await addMember(t, owner, "employee", "emma@acme.example");
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await t.close();
  await mailbox.close();
});

describe("control owners in bulk", () => {
  it("gives every control suggesting a role to one member, who then sees them on My tasks", async () => {
    const outcome = await assignControlOwners(t.ctx, maya, {
      role: "it",
      email: "Carl@acme.example",
    });
    expect(outcome.changed.length).toBeGreaterThan(0);
    const refs = outcome.changed.map((c) => c.ref);
    expect(refs).toContain("AC-01");
    const mine = await listTasks(t.ctx, carl, { mine: true });
    expect(
      mine.filter((task) => task.source === "control-owner").map((task) => task.subject),
    ).toEqual(expect.arrayContaining(refs));
    // Implemented without evidence, the control stays on their list as evidence due.
    await updateControl(t.ctx, carl, "AC-01", { status: "implemented" });
    const after = await listTasks(t.ctx, carl, { mine: true });
    expect(after.find((task) => task.subject === "AC-01")?.source).toBe("evidence-due");
    // Running it again changes nothing.
    const again = await assignControlOwners(t.ctx, maya, {
      role: "it",
      email: "carl@acme.example",
    });
    expect(again.changed).toEqual([]);
  });

  it("assigns from a CSV of ref,email, and refuses the whole file naming each bad line", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () =>
        assignControlOwners(t.ctx, maya, {
          csv: "ref,email\nAC-01,carl@acme.example\nZZ-99,carl@acme.example\nAC-02,emma@acme.example\nAC-03\n",
        }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      "csv.line 5",
      "csv.line 3",
      "csv.line 4",
    ]);
    expect(error.message).toContain("no control ZZ-99");
    expect(error.message).toContain("emma@acme.example is an employee");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    const done = await assignControlOwners(t.ctx, maya, {
      csv: "AC-01,carl@acme.example\r\nAC-02,maya@acme.example\r\n",
    });
    expect(done.changed).toEqual([
      { ref: "AC-01", from: null, to: "carl@acme.example" },
      { ref: "AC-02", from: null, to: "maya@acme.example" },
    ]);
  });

  it("is an owner's or an admin's act", async () => {
    await expectAppError(
      () => assignControlOwners(t.ctx, carl, { role: "it", email: "carl@acme.example" }),
      "FORBIDDEN",
    );
  });
});

describe("the daily digest", () => {
  it("sends one mail per person with tasks, by the job", async () => {
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    await assignControlOwners(t.ctx, maya, { role: "security", email: "maya@acme.example" });
    const summary = await notificationDigestJob.run({
      ctx: t.ctx,
      attempt: 1,
      data: {},
      signal: new AbortController().signal,
    });
    // Emma owns no control, but her security training is due within 30 days of joining.
    expect(summary).toMatchObject({ organizations: 1, mails: 3, sent: 3, failed: 0 });
    expect(mailbox.received.map((m) => m.to[0]).sort()).toEqual([
      "carl@acme.example",
      "emma@acme.example",
      "maya@acme.example",
    ]);
    const carlMail = mailbox.received.find((m) => m.to[0] === "carl@acme.example");
    expect(carlMail?.subject).toMatch(/^Your tasks in Acme Cloud: \d+ open, 0 overdue$/);
    expect(carlMail?.text).toContain("Put AC-01");
    expect(carlMail?.text).toContain("https://attest.acme.example/orgs/");
    const deliveries = await listDeliveries(t.ctx, maya);
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ["mail", "sent", 1],
      ["mail", "sent", 1],
      ["mail", "sent", 1],
    ]);
  });

  it("leaves out whoever turned the mail off", async () => {
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    await assignControlOwners(t.ctx, maya, { role: "security", email: "maya@acme.example" });
    const choices = await setPreferences(t.ctx, carl, {
      preferences: [{ channel: "mail", kind: "task-digest", enabled: false }],
    });
    expect(choices.find((c) => c.channel === "mail")).toMatchObject({
      enabled: false,
      available: true,
    });
    expect((await showPreferences(t.ctx, emma)).every((c) => c.enabled)).toBe(true);
    const outcome = await sendDigest(t.ctx, maya);
    expect(outcome).toMatchObject({ people: 3, mails: 2 });
    expect(mailbox.received.map((m) => m.to[0]).sort()).toEqual([
      "emma@acme.example",
      "maya@acme.example",
    ]);
  });
});

describe("webhooks", () => {
  it("posts a payload signed with the secret shown once at creation", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    const created = await addWebhook(t.ctx, maya, { url: receiver.url });
    expect(created.secret).toMatch(/^attest_whs_[A-Za-z0-9_-]{43}$/);
    expect(created.channel).toMatchObject({ ref: "N-1", kind: "webhook" });
    expect(created.channel.urlHost).toBe(new URL(receiver.url).origin);
    // Neither the URL's path nor the secret is stored in the clear.
    const row = await t.ctx.db.kysely
      .selectFrom("notification_channels")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.url).not.toContain("secret-part");
    expect(row.secret).not.toContain(created.secret);
    expect(JSON.stringify(await listChannels(t.ctx, maya))).not.toContain("secret-part");

    await sendDigest(t.ctx, maya);
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    const timestamp = String(hit?.headers[TIMESTAMP_HEADER]);
    const signature = String(hit?.headers[SIGNATURE_HEADER]);
    expect(timestamp).toBe(String(Date.parse("2026-03-02T09:00:00Z") / 1000));
    expect(verifySignature(created.secret, timestamp, hit?.body ?? "", signature)).toBe(true);
    expect(verifySignature("attest_whs_wrong", timestamp, hit?.body ?? "", signature)).toBe(false);
    const payload = JSON.parse(hit?.body ?? "{}") as { type: string; people: { email: string }[] };
    expect(payload.type).toBe("task-digest");
    // Carl's controls; everyone's training, due within 30 days of joining.
    expect(payload.people.map((p) => p.email).sort()).toEqual([
      "carl@acme.example",
      "emma@acme.example",
      "maya@acme.example",
    ]);
  });

  it("keeps working across a key rotation, which seals the URL and secret again", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    const created = await addWebhook(t.ctx, maya, { url: receiver.url });
    const rotation = await rotateSecretKey(t.ctx, operator, null);
    expect(rotation.channelSecrets).toBe(2);
    const row = await t.ctx.db.kysely
      .selectFrom("notification_channels")
      .select(["url", "secret"])
      .executeTakeFirstOrThrow();
    expect(row.url.startsWith(`enc:v1:${rotation.keyId}:`)).toBe(true);
    expect(row.secret?.startsWith(`enc:v1:${rotation.keyId}:`)).toBe(true);
    await sendDigest(t.ctx, maya);
    const [hit] = receiver.received;
    expect(
      verifySignature(
        created.secret,
        String(hit?.headers[TIMESTAMP_HEADER]),
        hit?.body ?? "",
        String(hit?.headers[SIGNATURE_HEADER]),
      ),
    ).toBe(true);
  });

  it("retries a failing receiver with backoff, and the failure is visible", async () => {
    const receiver = await startReceiver(500);
    closers.push(receiver.close);
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    await addWebhook(t.ctx, maya, { url: receiver.url });
    const outcome = await sendDigest(t.ctx, maya);
    expect(outcome).toMatchObject({ webhooks: 1, failed: 1 });
    const failed = (await listDeliveries(t.ctx, maya)).find((d) => d.channel === "webhook");
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "the receiver answered HTTP 500",
      nextAttemptAt: "2026-03-02T09:01:00.000Z",
    });
    expect(failed?.target).toBe(new URL(receiver.url).origin);
    const run = () =>
      notificationDeliveryJob.run({
        ctx: t.ctx,
        attempt: 1,
        data: {},
        signal: new AbortController().signal,
      });
    // Not yet due: nothing is sent.
    expect(await run()).toMatchObject({ sent: 0, failed: 0 });
    t.advance(61_000);
    expect(await run()).toMatchObject({ failed: 1 });
    expect(receiver.received).toHaveLength(2);
    const retried = (await listDeliveries(t.ctx, maya)).find((d) => d.channel === "webhook");
    expect(retried).toMatchObject({
      status: "failed",
      attempts: 2,
      nextAttemptAt: "2026-03-02T09:03:01.000Z",
    });
  });

  it("posts the digest to Slack through its incoming webhook", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    const first = await setSlackWebhook(t.ctx, maya, { url: receiver.url });
    const second = await setSlackWebhook(t.ctx, maya, { url: receiver.url });
    expect([first.ref, second.ref]).toEqual(["N-1", "N-2"]);
    expect((await listChannels(t.ctx, maya)).map((c) => c.ref)).toEqual(["N-2"]);
    await sendDigest(t.ctx, maya);
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]?.body ?? "{}") as { text: string };
    expect(body.text).toContain("carl (carl@acme.example)");
  });

  it("leaves out of Slack and the webhooks whoever turned them off, and sends neither to nobody", async () => {
    const hook = await startReceiver();
    const slack = await startReceiver();
    closers.push(hook.close, slack.close);
    await assignControlOwners(t.ctx, maya, { role: "it", email: "carl@acme.example" });
    await addWebhook(t.ctx, maya, { url: hook.url });
    await setSlackWebhook(t.ctx, maya, { url: slack.url });
    await setPreferences(t.ctx, carl, {
      preferences: [
        { channel: "slack", kind: "task-digest", enabled: false },
        { channel: "webhook", kind: "task-digest", enabled: false },
      ],
    });
    await sendDigest(t.ctx, maya);
    const payload = JSON.parse(hook.received[0]?.body ?? "{}") as { people: { email: string }[] };
    expect(payload.people.map((p) => p.email).sort()).toEqual([
      "emma@acme.example",
      "maya@acme.example",
    ]);
    const text = (JSON.parse(slack.received[0]?.body ?? "{}") as { text: string }).text;
    expect(text).toContain("maya@acme.example");
    expect(text).not.toContain("carl@acme.example");
    // Nobody left who chose them: no Slack message, no webhook call.
    for (const person of [maya, emma]) {
      await setPreferences(t.ctx, person, {
        preferences: [
          { channel: "slack", kind: "task-digest", enabled: false },
          { channel: "webhook", kind: "task-digest", enabled: false },
        ],
      });
    }
    expect(await sendDigest(t.ctx, maya)).toMatchObject({ slack: 0, webhooks: 0 });
    expect([hook.received.length, slack.received.length]).toEqual([1, 1]);
  });

  it("refuses other schemes, and private addresses unless the operator allows them", async () => {
    const strict = await createTestContext(undefined, { allowPrivateWebhooks: false });
    closers.push(strict.close);
    const boss = await createOrg(strict.ctx);
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost/x",
      "http://169.254.169.254/latest",
      "http://[::1]/x",
      "http://10.1.2.3/x",
    ]) {
      const error = await expectAppError(
        () => addWebhook(strict.ctx, boss, { url }),
        "VALIDATION_FAILED",
      );
      expect(error.message).toContain("private or loopback");
    }
    const ftp = await expectAppError(
      () => addWebhook(strict.ctx, boss, { url: "ftp://hooks.example.com/x" }),
      "VALIDATION_FAILED",
    );
    expect(ftp.message).toContain("http or https");
    await expectAppError(
      () => addWebhook(t.ctx, carl, { url: "https://hooks.example.com" }),
      "FORBIDDEN",
    );
  });
});
