/**
 * Auditor requests: an open or returned request on the auditor's list is a task of the member
 * it is addressed to, overdue once its due day has passed. Answering it closes the task.
 */
import { listRequests } from "../../../db/audit-requests.repo.ts";
import { listEngagements } from "../../../db/engagements.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { requestSubject } from "../../../domain/audit-request.ts";
import { engagementLabel } from "../../../domain/engagement.ts";
import { taskStatus } from "../../../domain/task.ts";
import { withItemWords } from "../../fieldwork/request-words.ts";
import type { TaskSourceModule } from "./source.ts";

export const auditRequestTasks: TaskSourceModule = {
  source: "audit-request",
  async load({ tx, actor, today, only }) {
    const mine = (
      await listRequests(tx, scopeOf(actor), { statuses: ["open", "returned"] })
    ).filter((r) => only?.email === undefined || r.addressee === only.email.toLowerCase());
    if (mine.length === 0) return [];
    // The sampled item in words, as the requests page names it (issue 13).
    const requests = await withItemWords(tx, scopeOf(actor), mine);
    const labels = new Map(
      (await listEngagements(tx, scopeOf(actor))).map((e) => [e.id, engagementLabel(e)]),
    );
    return requests.map((request) => {
      const engagement = labels.get(request.engagementId) ?? "?";
      const status = taskStatus(request.dueOn, today);
      const due =
        status === "overdue" ? `was due by ${request.dueOn}` : `is due by ${request.dueOn}`;
      return {
        id: `audit-request:${engagement}/${request.ref}`,
        source: "audit-request" as const,
        title: `Answer the auditor's request ${request.ref} (${engagement}): ${requestSubject(request)}`,
        reason:
          request.status === "returned"
            ? `the auditor returned your answer (${request.returnReason ?? ""}); it ${due}`
            : `the auditor asks: ${request.description} It ${due}`,
        subject: `${engagement} ${request.ref}`,
        link: `/engagements/${engagement}/requests`,
        assignee: { userId: null, email: request.addressee, name: null },
        dueBy: request.dueOn,
        status,
      };
    });
  },
};
