/**
 * Vendor review: each vendor's yearly review shows up a month before its due day (its first,
 * a month after the vendor is added) as a task of the vendor's owner.
 */
import { scopeOf } from "../../../domain/actor.ts";
import { addDays } from "../../../domain/periods.ts";
import { taskStatus } from "../../../domain/task.ts";
import { TIER_NAMES } from "../../../domain/vendor.ts";
import { listVendors, listReviews } from "../../../db/vendors.repo.ts";
import { reviewDueBy } from "../../../domain/vendor.ts";
import type { TaskSourceModule } from "./source.ts";

/** How many days before its due day a review shows up as a task. */
export const VENDOR_REVIEW_NOTICE_DAYS = 30;

export const vendorReviewTasks: TaskSourceModule = {
  source: "vendor-review",
  async load({ tx, actor, today }) {
    const vendors = await listVendors(tx, scopeOf(actor));
    if (vendors.length === 0) return [];
    const reviews = await listReviews(tx, scopeOf(actor));
    return vendors.flatMap((vendor) => {
      const last = reviews.find((r) => r.vendorId === vendor.id)?.reviewedOn ?? null;
      const dueBy = reviewDueBy(vendor.createdAt.slice(0, 10), last);
      if (addDays(today, VENDOR_REVIEW_NOTICE_DAYS) < dueBy) return [];
      const status = taskStatus(dueBy, today);
      return [
        {
          id: `vendor-review:${vendor.ref}`,
          source: "vendor-review" as const,
          title: `Review vendor ${vendor.ref} ${vendor.name}`,
          reason:
            `the yearly review of this tier ${vendor.tier} (${TIER_NAMES[vendor.tier]}) vendor ` +
            (status === "overdue" ? `was due by ${dueBy}` : `is due by ${dueBy}`),
          subject: vendor.ref,
          link: `/vendors/${vendor.ref}`,
          assignee:
            vendor.owner === null ? null : { userId: null, email: vendor.owner, name: null },
          dueBy,
          status,
        },
      ];
    });
  },
};
