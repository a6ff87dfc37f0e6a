/** `attest controls owners` and `attest notifications`: bulk owners, webhooks, Slack, the digest. */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { startMailbox } from "../../test/support/smtp.ts";
import type { Mailbox } from "../../test/support/smtp.ts";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "../domain/notification.ts";

let database: TestDatabase;
let mailbox: Mailbox;
let env: Record<string, string>;
const bodies: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    bodies.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(200).end("ok");
  });
});

beforeEach(async () => {
  database = await createTestDatabase();
  mailbox = await startMailbox();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  env = {
    ...database.env,
    ATTEST_SMTP_URL: mailbox.url,
    ATTEST_PUBLIC_URL: "https://attest.acme.example",
    ATTEST_WEBHOOK_ALLOW_PRIVATE: "1",
  };
  bodies.length = 0;
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mailbox.close();
  await database.drop();
});

async function run(...argv: string[]) {
  const result = await cli(env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

describe("attest controls owners and attest notifications", () => {
  it("assigns owners in bulk, adds a webhook and sends the digest", async () => {
    await run("init", "--name", "Acme");
    await run("users", "add", "--email", "maya@acme.example", "--name", "Maya", "--role", "owner");
    await run(
      "users",
      "add",
      "--email",
      "carl@acme.example",
      "--name",
      "Carl",
      "--role",
      "control-owner",
    );

    const list = await run("controls", "list");
    expect(list.out).toContain("SUGGESTED ROLE");
    const byRole = json<{ changed: { ref: string; to: string }[] }>(
      await run("controls", "owners", "--role", "it", "--to", "carl@acme.example", "--json"),
    );
    expect(byRole.changed.map((c) => c.ref)).toContain("AC-01");
    expect(new Set(byRole.changed.map((c) => c.to))).toEqual(new Set(["carl@acme.example"]));

    const file = path.join(database.dataDir, "owners.csv");
    writeFileSync(file, "ref,email\nGV-01,maya@acme.example\nNO-01,maya@acme.example\n");
    const refused = await cli(env, "controls", "owners", "--csv", file);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("csv.line 3: no control NO-01");
    writeFileSync(file, "GV-01,maya@acme.example\n");
    const fromCsv = await run("controls", "owners", "--csv", file);
    expect(fromCsv.out).toBe("GV-01  (none) -> maya@acme.example\n1 control assigned.\n");
    const usage = await cli(env, "controls", "owners", "--role", "it");
    expect(usage.err).toContain("--role and --to go together");

    const carlsTasks = json<{ source: string; subject: string }[]>(
      await run("--as", "carl@acme.example", "tasks", "--mine", "--json"),
    );
    expect(carlsTasks.filter((t) => t.source === "control-owner").map((t) => t.subject)).toEqual(
      expect.arrayContaining(byRole.changed.map((c) => c.ref)),
    );

    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hook?key=hidden`;
    const added = json<{ channel: { ref: string }; secret: string }>(
      await run("notifications", "webhooks", "add", "--url", url, "--json"),
    );
    expect(added.channel.ref).toBe("N-1");
    const shown = await run("notifications", "webhooks", "add", "--url", url);
    expect(shown.out).toMatch(/^Added webhook N-2 \(http:\/\/127\.0\.0\.1:\d+\)\.\nSigning secret/);
    expect(shown.out).toMatch(/\nattest_whs_[A-Za-z0-9_-]{43}\n$/);
    await run("notifications", "remove", "N-2");
    const channels = await run("notifications");
    expect(channels.out).toContain("N-1");
    expect(channels.out).not.toContain("N-2");
    expect(channels.out).not.toContain("hidden");

    const digest = json<{ people: number; mails: number; webhooks: number; failed: number }>(
      await run("notifications", "send-digest", "--json"),
    );
    expect(digest).toEqual({ people: 2, mails: 2, slack: 0, webhooks: 1, sent: 3, failed: 0 });
    expect(mailbox.received.map((m) => m.to[0]).sort()).toEqual([
      "carl@acme.example",
      "maya@acme.example",
    ]);
    const [hit] = bodies;
    expect(
      verifySignature(
        added.secret,
        String(hit?.headers[TIMESTAMP_HEADER]),
        hit?.body ?? "",
        String(hit?.headers[SIGNATURE_HEADER]),
      ),
    ).toBe(true);
    const deliveries = json<{ channel: string; status: string }[]>(
      await run("notifications", "deliveries", "--json"),
    );
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    const table = await run("notifications", "deliveries");
    expect(table.out).toContain("LAST ERROR");
    expect(table.out).not.toContain("hidden");
  });

  it("refuses a private address unless the operator allows it", async () => {
    await run("init", "--name", "Acme");
    const refused = await cli(
      { ...env, ATTEST_WEBHOOK_ALLOW_PRIVATE: "0" },
      "notifications",
      "slack",
      "--url",
      "http://10.0.0.5/services/T/B/X",
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("private or loopback address");
    expect(refused.err).not.toContain("services/T/B/X");
  });
});
