/** Background jobs and the notices they leave: read-only views for owners and admins. */
import { listJobs } from "../../services/jobs/jobs.service.ts";
import { listOwnerNotices } from "../../services/program/notices.service.ts";
import { z } from "zod";
import { jobStatus, notice } from "../../contracts/jobs.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

export function registerJobRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/jobs",
    tag: "jobs",
    summary: "Background jobs: schedule (cron, UTC), the newest run and its result, the next run",
    response: z.array(jobStatus),
    handler: async ({ actor }) => listJobs(ctx, actor),
  });
  orgRoute(router, {
    method: "GET",
    url: "/notices",
    tag: "jobs",
    summary: "Notices to owners (overdue evidence, report age), newest first",
    response: z.array(notice),
    handler: async ({ actor }) => listOwnerNotices(ctx, actor),
  });
}
