/**
 * Policy review: a published policy comes up for its periodic review a month before the day
 * it is due; its owner reviews it (edit if need be, approve, publish).
 */
import { listPolicies } from "../../../db/policies.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { addDays } from "../../../domain/periods.ts";
import { cadenceWords, policyLabel } from "../../../domain/policy.ts";
import { taskStatus } from "../../../domain/task.ts";
import { policyReviewDue } from "../../../domain/policy.ts";
import type { TaskSourceModule } from "./source.ts";

/** How many days before its due day a review shows up as a task. */
export const REVIEW_NOTICE_DAYS = 30;

export const policyReviewTasks: TaskSourceModule = {
  source: "policy-review",
  async load({ tx, actor, today, timeZone }) {
    const policies = await listPolicies(tx, scopeOf(actor));
    return policies.flatMap((policy) => {
      const dueBy = policyReviewDue(policy, timeZone);
      if (dueBy === null || addDays(today, REVIEW_NOTICE_DAYS) < dueBy) return [];
      const label = policyLabel(policy.number);
      const status = taskStatus(dueBy, today);
      return [
        {
          id: `policy-review:${label}`,
          source: "policy-review" as const,
          title: `Review ${label} ${policy.title}`,
          reason:
            `its ${cadenceWords(policy.reviewMonths)} review ` +
            (status === "overdue" ? `was due by ${dueBy}` : `is due by ${dueBy}`),
          subject: label,
          link: `/policies/${label}`,
          assignee: { userId: null, email: policy.owner.toLowerCase(), name: null },
          dueBy,
          status,
        },
      ];
    });
  },
};
