/**
 * Access reviews: each reviewer of an open campaign has a task while accounts wait for a
 * decision (due on the campaign's due day), and each removal or change decided is a task of
 * the reviewer who decided it, due five business days later, until someone records it done
 * with the evidence that the access was removed.
 */
import {
  accountCounts,
  listCampaigns,
  listUndoneActions,
} from "../../../db/access-reviews.repo.ts";
import { campaignRef, removalDueBy } from "../../../domain/access-review.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { localDate } from "../../../domain/periods.ts";
import { taskStatus } from "../../../domain/task.ts";
import type { Task } from "../../../domain/task.ts";
import type { TaskSourceModule } from "./source.ts";

export const accessReviewTasks: TaskSourceModule = {
  source: "access-review",
  async load({ tx, actor, today, timeZone }) {
    const scope = scopeOf(actor);
    const campaigns = await listCampaigns(tx, scope);
    if (campaigns.length === 0) return [];
    const counts = await accountCounts(tx, scope);
    const tasks: Task[] = [];
    for (const campaign of campaigns.filter((c) => c.status === "open")) {
      const counted = counts.get(campaign.id);
      const undecided = (counted?.accounts ?? 0) - (counted?.decided ?? 0);
      if (undecided === 0) continue;
      const status = taskStatus(campaign.dueOn, today);
      for (const reviewer of campaign.reviewers) {
        tasks.push({
          id: `access-review:${campaign.ref}:${reviewer}`,
          source: "access-review",
          title: `Review access: ${campaign.ref} ${campaign.name}`,
          reason:
            `${undecided === 1 ? "1 account waits" : `${undecided} accounts wait`} for a decision; ` +
            `the review ${status === "overdue" ? "was" : "is"} due by ${campaign.dueOn}`,
          subject: campaign.ref,
          link: `/access-reviews/${campaign.ref}/decide`,
          assignee: { userId: null, email: reviewer, name: null },
          dueBy: campaign.dueOn,
          status,
        });
      }
    }
    for (const account of await listUndoneActions(tx, scope)) {
      const ref = campaignRef(account.reviewNumber);
      const decidedOn = localDate(new Date(account.decidedAt ?? ""), timeZone);
      const dueBy = removalDueBy(decidedOn);
      const verb = account.decision === "remove" ? "Remove" : "Change";
      tasks.push({
        id: `access-review:${ref}:${account.id}`,
        source: "access-review",
        title: `${verb} the access of ${account.account} on ${account.system}`,
        reason:
          `decided in access review ${ref} on ${decidedOn}` +
          (account.comment === null ? "" : ` (${account.comment})`) +
          "; record it done with the evidence that the access was removed",
        subject: ref,
        link: `/access-reviews/${ref}`,
        assignee:
          account.decidedBy === null
            ? null
            : { userId: null, email: account.decidedBy, name: null },
        dueBy,
        status: taskStatus(dueBy, today),
      });
    }
    return tasks;
  },
};
