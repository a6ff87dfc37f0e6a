/**
 * The first two jobs, run as the runner runs them (as the system, through the services), and
 * the job list built from the run record.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, operator } from "../../../test/support/fixtures.ts";
import {
  REPORT_TEST_DAY,
  recordTestOpinion,
  useReportEngagement,
} from "../../../test/support/report.ts";
import { startMailbox } from "../../../test/support/smtp.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { completeSetup, issueSetupToken, login } from "../access/auth.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { purgeDeadCredentials, purgeExpiredGrants } from "../program/expiry.service.ts";
import { createInvitation } from "../access/invitations.service.ts";
import { listJobs } from "./jobs.service.ts";
import { smtpMailer } from "../platform/mailer.ts";
import { listOwnerNotices, noticeOwners } from "../program/notices.service.ts";
import { passwordResetLinkFor } from "../access/operator-accounts.service.ts";
import { approveAssertion } from "../reporting/report-draft.service.ts";
import {
  acceptSharedReportNda,
  createShareLink,
  downloadSharedReport,
} from "../reporting/report-sharing.service.ts";
import { finalizeReport } from "../reporting/report-versions.service.ts";
import { expiryJob, ownerNoticeJob, STANDARD_JOBS } from "./catalog.ts";
import { EmbeddedRunner } from "./embedded-runner.ts";
import type { JobDefinition } from "./job.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const client = { address: "203.0.113.7", userAgent: "test" };
const OLIVIA = "olivia@acme.example";

function run(job: JobDefinition, ctx: ServiceContext = t.ctx) {
  return job.run({ ctx, attempt: 1, data: {}, signal: new AbortController().signal });
}

/** The first account: it becomes owner of the organization, and holds a session. */
async function firstAccount(): Promise<void> {
  const token = await issueSetupToken(t.ctx);
  await completeSetup(
    t.ctx,
    {
      token: token ?? "",
      email: OLIVIA,
      name: "Olivia",
      password: "correct battery staple horse 42",
    },
    client,
  );
}

async function count(table: "sessions" | "share_acceptances" | "share_access_log" | "invitations") {
  const result = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db.kysely);
  return Number(result.rows[0]?.n);
}

async function finalize(): Promise<void> {
  await approveAssertion(t.ctx, owner, handle);
  const auditor = await recordTestOpinion(t.ctx, owner, handle);
  await finalizeReport(t.ctx, auditor, handle);
}

describe("the expiry job", () => {
  it("clears dead sign-ins, spent links and lapsed grants, and keeps what auditors read", async () => {
    await firstAccount();
    await passwordResetLinkFor(t.ctx, OLIVIA, "http://localhost");
    await createInvitation(t.ctx, owner, { email: "sam@acme.example", role: "admin" }, null);
    await finalize();
    const { url } = await createShareLink(t.ctx, owner, handle, { recipient: "Retail Co" });
    const shareToken = url.slice(url.lastIndexOf("/") + 1);
    const reader = { name: "Priya", company: "Retail Co", email: "priya@retail.example" };
    const { downloadToken } = await acceptSharedReportNda(
      t.ctx,
      shareToken,
      { ...reader, accept: true },
      client,
    );
    const accessBefore = await count("share_access_log");

    // Two hours on: the reset link and the download grant (an hour each) have lapsed, and the
    // used setup link is spent; the session and the week-long invitation are still good.
    t.advance(2 * HOUR);
    expect(await run(expiryJob)).toEqual({
      sessions: 0,
      passwordResets: 1,
      setupTokens: 1,
      attemptCounters: 0,
      jobRuns: 0,
      invitations: 0,
      downloadGrants: 1,
      organizations: 1,
    });
    // The NDA acceptance and the access log stay; only the grant's secret is gone.
    expect(await count("share_acceptances")).toBe(1);
    expect(await count("share_access_log")).toBe(accessBefore);
    await expectAppError(
      () => downloadSharedReport(t.ctx, shareToken, downloadToken, client),
      "FORBIDDEN",
    );

    // Eight days on: the session has idled out and nobody accepted the invitation.
    t.advance(8 * DAY);
    expect(await run(expiryJob)).toMatchObject({ sessions: 1, invitations: 1, downloadGrants: 0 });
    expect(await count("sessions")).toBe(0);
    expect(await count("invitations")).toBe(0);
    expect(await run(expiryJob)).toMatchObject({ sessions: 0, invitations: 0, downloadGrants: 0 });

    const cleared = (await listAuditLog(t.ctx, owner, { action: "expired.cleared" })).items;
    expect(cleared.map((e) => [e.actor.kind, e.actor.id])).toEqual([
      ["system", "system:jobs"],
      ["system", "system:jobs"],
    ]);
    // Newest first: the later run cleared Sam's invitation.
    expect(cleared[0]?.data).toMatchObject({ invitations: [{ email: "sam@acme.example" }] });
  });

  it("forgets spent attempt counters after a day and job runs after 90, keeping each job's newest", async () => {
    await firstAccount();
    await expectAppError(
      () => login(t.ctx, { email: OLIVIA, password: "not the password at all" }, client),
      "UNAUTHENTICATED",
    );
    const started = (days: number) => new Date(t.ctx.now().getTime() - days * DAY).toISOString();
    const runRow = (id: string, name: string, days: number) => ({
      id,
      job_id: `job-${id}`,
      name,
      attempt: 1,
      instance: "test",
      started_at: started(days),
      finished_at: started(days),
      result: "ok",
      error: null,
      summary: null,
    });
    await t.ctx.db.kysely
      .insertInto("job_runs")
      .values([
        runRow("r1", "expiry", 120),
        runRow("r2", "expiry", 100),
        runRow("r3", "expiry", 10),
        // A job that ran once, long ago, keeps that run: the job list shows its last result.
        runRow("r4", "password-reset-mail", 200),
      ])
      .execute();
    expect(await run(expiryJob)).toMatchObject({ attemptCounters: 0, jobRuns: 2 });
    const left = await t.ctx.db.kysely.selectFrom("job_runs").select("id").orderBy("id").execute();
    expect(left.map((r) => r.id)).toEqual(["r3", "r4"]);
    t.advance(DAY + HOUR);
    expect(await run(expiryJob)).toMatchObject({ attemptCounters: 2, jobRuns: 0 });
  });

  it("is the system's alone, and an organization's part needs a role that may manage it", async () => {
    await expectAppError(() => purgeDeadCredentials(t.ctx, operator), "FORBIDDEN");
    await expectAppError(() => purgeExpiredGrants(t.ctx, as(owner, "auditor")), "FORBIDDEN");
  });
});

describe("the owner notice job", () => {
  it("tells owners of overdue evidence and an aging report, once a day, as the system", async () => {
    await finalize();
    // Ten months after the Type 1's as-of date (2026-10-31): time to renew.
    t.advance(Date.parse("2027-09-01T06:00:00Z") - REPORT_TEST_DAY.getTime());
    expect(await run(ownerNoticeJob)).toEqual({ organizations: 1, notices: 1, mailed: 0 });
    expect(await run(ownerNoticeJob)).toEqual({ organizations: 1, notices: 1, mailed: 0 });

    const notices = await listOwnerNotices(t.ctx, owner);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      day: "2027-09-01",
      title: "Acme Cloud: 1 control needs evidence; the SOC 2 report is 10 months old",
      mailedAt: null,
    });
    expect(notices[0]?.body).toContain("GOV-01 Security programme reviewed by leadership");
    expect(notices[0]?.body).toContain("turns 12 months old soon");
    const events = (await listAuditLog(t.ctx, owner, { targetType: "notice" })).items;
    expect(events.map((e) => [e.action, e.actor.id])).toEqual([["notice.created", "system:jobs"]]);

    // The next day is a new notice.
    t.advance(DAY);
    await run(ownerNoticeJob);
    expect((await listOwnerNotices(t.ctx, owner)).map((n) => n.day)).toEqual([
      "2027-09-02",
      "2027-09-01",
    ]);
  });

  it("mails the notice to every owner when SMTP is set, and records who was told", async () => {
    const mailbox = await startMailbox();
    const mailer = smtpMailer(mailbox.url, "Attest <attest@acme.example>");
    const withMail = { ...t.ctx, mailer, publicUrl: "https://attest.acme.example" };
    const system = as(owner, "owner", "system:jobs", { kind: "system" });
    try {
      // No account has been made yet: nobody to mail, so the notice waits in the app.
      const waiting = await noticeOwners(withMail, system);
      expect([waiting.mailed, waiting.notice?.mailedAt]).toEqual([[], null]);
      await firstAccount();
      const outcome = await noticeOwners(withMail, system);
      expect(outcome.mailed).toEqual([OLIVIA]);
      const mail = await mailbox.next();
      expect(mail.to).toEqual([OLIVIA]);
      expect(mail.subject).toBe("Acme Cloud: 1 control needs evidence");
      expect(mail.text).toContain("GOV-01");
      expect(mail.text).toContain("https://attest.acme.example/orgs/");
      const [mailed] = (await listAuditLog(t.ctx, owner, { action: "notice.mailed" })).items;
      expect(mailed?.data).toEqual({ to: [OLIVIA] });
      expect((await listOwnerNotices(t.ctx, owner))[0]?.mailedAt).not.toBeNull();
    } finally {
      mailer.close();
      await mailbox.close();
    }
  });

  it("shows notices to owners and admins only", async () => {
    await run(ownerNoticeJob);
    expect(await listOwnerNotices(t.ctx, as(owner, "admin"))).toHaveLength(1);
    for (const role of ["auditor", "control-owner", "employee"] as const) {
      await expectAppError(() => listOwnerNotices(t.ctx, as(owner, role)), "FORBIDDEN");
    }
  });
});

describe("the job list", () => {
  it("shows each job's schedule, newest run and next due time, to owners and admins", async () => {
    const quiet = { info: () => undefined, error: () => undefined };
    const runner = new EmbeddedRunner(t.ctx, [...STANDARD_JOBS], {
      instance: "test",
      pollMs: 1000,
      stopGraceMs: 100,
      log: quiet,
    });
    await runner.register();
    await runner.enqueue("expiry");
    expect(await runner.tick()).toBe(1);
    const jobs = await listJobs(t.ctx, as(owner, "admin"));
    expect(jobs).toEqual([
      {
        name: "availability-monitor",
        schedule: "* * * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-11-20T12:01:00.000Z",
      },
      {
        name: "expiry",
        schedule: "23 * * * *",
        lastRunAt: "2026-11-20T12:00:00.000Z",
        lastResult: "ok",
        lastError: null,
        lastAttempt: 1,
        nextRunAt: "2026-11-20T12:23:00.000Z",
      },
      {
        name: "notification-deliveries",
        schedule: "* * * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-11-20T12:01:00.000Z",
      },
      {
        name: "notification-digest",
        schedule: "30 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-11-21T07:30:00.000Z",
      },
      {
        name: "owner-notices",
        schedule: "0 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-11-21T07:00:00.000Z",
      },
      {
        name: "password-reset-mail",
        schedule: null,
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: null,
      },
      {
        name: "request-reminders",
        schedule: "30 7 * * *",
        lastRunAt: null,
        lastResult: null,
        lastError: null,
        lastAttempt: null,
        nextRunAt: "2026-11-21T07:30:00.000Z",
      },
    ]);
    await expectAppError(() => listJobs(t.ctx, as(owner, "auditor")), "FORBIDDEN");
  });
});
