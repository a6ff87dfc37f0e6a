/**
 * Requests as people read them: each sampled item named in words ("March 2026", "Pull request
 * #4105 (2 March)") from its engagement's current sample, read once per engagement and only
 * when a request names an item. The requests pages, the CLI, the task list and the overdue
 * reminders all name items through here.
 */
import { currentSample } from "../../db/engagements.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { nameItem } from "../../domain/audit-request.ts";
import type { AuditRequest, NamedRequest } from "../../domain/audit-request.ts";
import type { EngagementSample } from "../../domain/engagement.ts";

export async function withItemWords(
  tx: Tx,
  scope: OrgScope,
  requests: readonly AuditRequest[],
): Promise<NamedRequest[]> {
  const samples = new Map<string, EngagementSample | undefined>();
  for (const request of requests) {
    if (request.item === null || samples.has(request.engagementId)) continue;
    samples.set(request.engagementId, await currentSample(tx, scope, request.engagementId));
  }
  return requests.map((request) => nameItem(request, samples.get(request.engagementId)));
}

export async function withItemWordsOne(
  tx: Tx,
  scope: OrgScope,
  request: AuditRequest,
): Promise<NamedRequest> {
  const [named] = await withItemWords(tx, scope, [request]);
  return named ?? nameItem(request, undefined);
}
