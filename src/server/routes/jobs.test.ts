/** The job list and the owners' notices over HTTP, as the web app's Settings and dashboard read them. */
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { useApi } from "../../../test/support/http.ts";
import type { Client } from "../../../test/support/http.ts";
import { ownerNoticeJob } from "../../services/jobs/catalog.ts";
import type { JobStatus } from "../../services/jobs/jobs.service.ts";
import type { Notice } from "../../services/program/notices.service.ts";

let t: TestContext;
let owner: Client;
let org: string;
useApi((s) => ({ t, owner, org } = s));

describe("GET /orgs/:org/jobs and /notices", () => {
  it("list the jobs and, after the notice job ran, today's notice", async () => {
    const jobs = await owner.request("GET", `/api/v1/orgs/${org}/jobs`);
    expect(jobs.statusCode).toBe(200);
    expect(jobs.json<JobStatus[]>().map((j) => [j.name, j.schedule, j.lastResult])).toEqual([
      ["availability-monitor", "* * * * *", null],
      ["expiry", "23 * * * *", null],
      ["notification-deliveries", "* * * * *", null],
      ["notification-digest", "30 7 * * *", null],
      ["owner-notices", "0 7 * * *", null],
      ["password-reset-mail", null, null],
      ["request-reminders", "30 7 * * *", null],
    ]);
    expect((await owner.request("GET", `/api/v1/orgs/${org}/notices`)).json()).toEqual([]);

    const controls = await owner.request("GET", `/api/v1/orgs/${org}/controls?limit=1`);
    const ref = controls.json<{ items: { ref: string }[] }>().items[0]?.ref ?? "";
    const implemented = await owner.request("PATCH", `/api/v1/orgs/${org}/controls/${ref}`, {
      status: "implemented",
    });
    expect(implemented.statusCode).toBe(200);
    await ownerNoticeJob.run({
      ctx: t.ctx,
      attempt: 1,
      data: {},
      signal: new AbortController().signal,
    });

    const notices = await owner.request("GET", `/api/v1/orgs/${org}/notices`);
    expect(notices.statusCode).toBe(200);
    const [notice] = notices.json<Notice[]>();
    expect(notice?.title).toBe("Acme: 1 control needs evidence");
    expect(notice?.body).toContain(ref);
  });
});
