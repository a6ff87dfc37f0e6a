/**
 * The jobs Attest runs. Each acts as the system, in each organization with owner rights, and
 * goes through the same services (and their permission checks and audit events) as a person.
 */
import { listAllOrganizations } from "../../db/organizations.repo.ts";
import { read } from "../../db/transaction.ts";
import { actorIn } from "../../domain/actor.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import type { ServiceContext } from "../platform/context.ts";
import { mailPasswordReset, PASSWORD_RESET_MAIL_JOB } from "../access/password-reset.service.ts";
import { purgeDeadCredentials, purgeExpiredGrants } from "../program/expiry.service.ts";
import { noticeOwners } from "../program/notices.service.ts";
import { mailOverdueRequests } from "../fieldwork/request-reminders.ts";
import { sendDueDeliveries } from "../notifications/deliveries.service.ts";
import { sendDigest } from "../notifications/digest.service.ts";
import type { JobDefinition } from "./job.ts";
import { fileMonthlyUptime, probeDueEndpoints } from "../program/monitors/monitor-runs.ts";

export const JOB_PRINCIPAL: Principal = {
  kind: "system",
  id: "system:jobs",
  name: "Attest background jobs",
};

export const EXPIRY_JOB = "expiry";
export const OWNER_NOTICE_JOB = "owner-notices";
export const REQUEST_REMINDER_JOB = "request-reminders";
export const NOTIFICATION_DIGEST_JOB = "notification-digest";
export const NOTIFICATION_DELIVERY_JOB = "notification-deliveries";

async function forEachOrganization(
  ctx: ServiceContext,
  work: (actor: Actor) => Promise<void>,
): Promise<number> {
  const organizations = await read(ctx.db, listAllOrganizations);
  for (const organization of organizations) {
    await work(actorIn(JOB_PRINCIPAL, organization.id, "owner"));
  }
  return organizations.length;
}

export const expiryJob: JobDefinition = {
  name: EXPIRY_JOB,
  // Hourly, off the hour, when little else is scheduled.
  schedule: "23 * * * *",
  leaseSeconds: 300,
  maxAttempts: 3,
  retryBaseSeconds: 60,
  async run({ ctx }) {
    const credentials = await purgeDeadCredentials(ctx, JOB_PRINCIPAL);
    let invitations = 0;
    let downloadGrants = 0;
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const purged = await purgeExpiredGrants(ctx, actor);
      invitations += purged.invitations;
      downloadGrants += purged.downloadGrants;
    });
    return { ...credentials, invitations, downloadGrants, organizations };
  },
};

export const ownerNoticeJob: JobDefinition = {
  name: OWNER_NOTICE_JOB,
  schedule: "0 7 * * *",
  leaseSeconds: 600,
  maxAttempts: 3,
  retryBaseSeconds: 300,
  async run({ ctx }) {
    let notices = 0;
    let mailed = 0;
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const outcome = await noticeOwners(ctx, actor);
      if (outcome.notice !== null) notices += 1;
      mailed += outcome.mailed.length;
    });
    return { organizations, notices, mailed };
  },
};

/** Mails each addressee their overdue auditor requests, once a day (only with SMTP set). */
export const requestReminderJob: JobDefinition = {
  name: REQUEST_REMINDER_JOB,
  schedule: "30 7 * * *",
  leaseSeconds: 600,
  maxAttempts: 3,
  retryBaseSeconds: 300,
  async run({ ctx }) {
    let mailed = 0;
    let requests = 0;
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const outcome = await mailOverdueRequests(ctx, actor);
      mailed += outcome.mailed.length;
      requests += outcome.mailed.reduce((sum, m) => sum + m.requests.length, 0);
    });
    return { organizations, mailed, requests };
  },
};

/**
 * Queued by each password reset request (known address or not): the lookup, the link and the
 * mail happen here, never while the requester waits. A mail server that is down is retried
 * after 30 s, 1, 2 and 4 minutes; the requester never hears of it.
 */
export const passwordResetMailJob: JobDefinition = {
  name: PASSWORD_RESET_MAIL_JOB,
  schedule: null,
  leaseSeconds: 60,
  maxAttempts: 5,
  retryBaseSeconds: 30,
  async run({ ctx, data }) {
    return mailPasswordReset(ctx, data);
  },
};

/** Each morning, each person's open and overdue tasks, through the channels they chose. */
export const notificationDigestJob: JobDefinition = {
  name: NOTIFICATION_DIGEST_JOB,
  schedule: "30 7 * * *",
  leaseSeconds: 600,
  maxAttempts: 2,
  retryBaseSeconds: 600,
  async run({ ctx }) {
    const totals = { people: 0, mails: 0, slack: 0, webhooks: 0, sent: 0, failed: 0 };
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const outcome = await sendDigest(ctx, actor);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
        totals[key] += outcome[key];
      }
    });
    return { organizations, ...totals };
  },
};

/**
 * Every minute: deliveries whose wait after a failure is over get their next attempt (each
 * delivery keeps its own attempts and backoff, so a receiver down for an hour is not hammered).
 */
export const notificationDeliveryJob: JobDefinition = {
  name: NOTIFICATION_DELIVERY_JOB,
  schedule: "* * * * *",
  leaseSeconds: 120,
  maxAttempts: 1,
  retryBaseSeconds: 60,
  async run({ ctx }) {
    let sent = 0;
    let failed = 0;
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const outcome = await sendDueDeliveries(ctx, actor);
      sent += outcome.sent;
      failed += outcome.failed;
    });
    return { organizations, sent, failed };
  },
};

export const AVAILABILITY_MONITOR_JOB = "availability-monitor";

/**
 * Every minute: each monitored endpoint whose own interval (5 minutes unless set) has passed
 * is probed; then each finished month's uptime not yet filed becomes evidence for BC-01.
 */
export const availabilityMonitorJob: JobDefinition = {
  name: AVAILABILITY_MONITOR_JOB,
  schedule: "* * * * *",
  leaseSeconds: 300,
  maxAttempts: 1,
  retryBaseSeconds: 60,
  async run({ ctx }) {
    let probed = 0;
    let down = 0;
    let filed = 0;
    const organizations = await forEachOrganization(ctx, async (actor) => {
      const outcome = await probeDueEndpoints(ctx, actor);
      probed += outcome.probed;
      down += outcome.down;
      filed += (await fileMonthlyUptime(ctx, actor)).length;
    });
    return { organizations, probed, down, filed };
  },
};

export const STANDARD_JOBS: readonly JobDefinition[] = [
  expiryJob,
  ownerNoticeJob,
  requestReminderJob,
  passwordResetMailJob,
  notificationDigestJob,
  notificationDeliveryJob,
  availabilityMonitorJob,
];
