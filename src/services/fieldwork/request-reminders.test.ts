/** The daily job mails each addressee their overdue requests, once a day, through real SMTP. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { sampledEngagement } from "../../../test/support/fieldwork.ts";
import { addMember } from "../../../test/support/members.ts";
import { startMailbox } from "../../../test/support/smtp.ts";
import type { Mailbox } from "../../../test/support/smtp.ts";
import type { Actor } from "../../domain/actor.ts";
import { requestReminderJob } from "../jobs/catalog.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { smtpMailer } from "../platform/mailer.ts";
import { openRequest } from "./requests.service.ts";

let t: TestContext;
let mailbox: Mailbox;
let owner: Actor;

beforeEach(async () => {
  mailbox = await startMailbox();
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"), {
    mailer: smtpMailer(mailbox.url, "attest@acme.test"),
    publicUrl: "https://attest.acme.test",
  });
  owner = await createOrg(t.ctx);
});
afterEach(async () => {
  await t.close();
  await mailbox.close();
});

const runJob = () =>
  requestReminderJob.run({
    ctx: t.ctx,
    attempt: 1,
    data: {},
    signal: new AbortController().signal,
  });

describe("the request reminder job", () => {
  it("mails each addressee their overdue requests once a day, with the link to answer", async () => {
    await addMember(t, owner, "control-owner", "dev@acme.test");
    await addMember(t, owner, "admin", "ops@acme.test");
    const { id, auditor } = await sampledEngagement(t.ctx, owner, []);
    const ask = (description: string, to: string, dueOn: string) =>
      openRequest(t.ctx, auditor, id, { description, to, dueOn });
    await ask("The list of people who joined in the period.", "dev@acme.test", "2026-11-03");
    await ask("The board minutes of the period.", "dev@acme.test", "2026-11-04");
    await ask("The vendor register.", "ops@acme.test", "2026-12-01");

    expect(await runJob()).toMatchObject({ mailed: 0, requests: 0 });
    t.advance(3 * 86_400_000);
    expect(await runJob()).toMatchObject({ mailed: 1, requests: 2 });
    const mail = await mailbox.next();
    expect(mail.to).toEqual(["dev@acme.test"]);
    expect(mail.subject).toBe(`Overdue auditor requests on ${id}: R-1, R-2`);
    expect(mail.text).toContain("R-2 (free text), due 2026-11-04: The board minutes");
    expect(mail.text).toMatch(
      new RegExp(`https://attest\\.acme\\.test/orgs/[^/]+/engagements/${id}/requests`),
    );
    // Not twice the same day; again the next day while still overdue.
    expect(await runJob()).toMatchObject({ mailed: 0 });
    t.advance(86_400_000);
    expect(await runJob()).toMatchObject({ mailed: 1, requests: 2 });
    expect(mailbox.received).toHaveLength(2);
    const log = await listAuditLog(t.ctx, owner, { action: "engagement.requests-reminded" });
    expect(log.items).toHaveLength(2);
  });

  it("mails nothing without SMTP", async () => {
    await addMember(t, owner, "control-owner", "dev@acme.test");
    const { id, auditor } = await sampledEngagement(t.ctx, owner, []);
    await openRequest(t.ctx, auditor, id, {
      description: "The list of people who joined in the period.",
      to: "dev@acme.test",
      dueOn: "2026-11-03",
    });
    t.advance(3 * 86_400_000);
    t.ctx.mailer?.close();
    t.ctx.mailer = null;
    expect(await runJob()).toMatchObject({ mailed: 0 });
    expect(mailbox.received).toEqual([]);
  });
});
