/**
 * Policy acknowledgement: each person the version in force asks, until they acknowledge it.
 * Only the newest version asks; an older one's open requests end when it is replaced.
 */
import { acknowledgedBy, listPolicies, listPolicyVersions } from "../../../db/policies.repo.ts";
import type { PolicyVersion } from "../../../db/policies.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import { policyLabel } from "../../../domain/policy.ts";
import type { Task } from "../../../domain/task.ts";
import { isAssignee, taskStatus } from "../../../domain/task.ts";
import { acknowledgementDue, audienceKey, audienceOf, loadWorkforce } from "../policy-audience.ts";
import type { TaskSourceModule } from "./source.ts";

export const policyAcknowledgementTasks: TaskSourceModule = {
  source: "policy-acknowledgement",
  async load({ tx, actor, today, timeZone, only }) {
    const scope = scopeOf(actor);
    const policies = (await listPolicies(tx, scope)).filter((p) => p.state !== "retired");
    if (policies.length === 0) return [];
    const latest = new Map<string, PolicyVersion>();
    for (const v of await listPolicyVersions(tx, scope)) {
      if (!latest.has(v.policyId)) latest.set(v.policyId, v);
    }
    const versions = [...latest.values()];
    // Asked for one person's tasks, only that person is looked at.
    const workforce = (await loadWorkforce(tx, scope, timeZone, today)).filter(
      (person) =>
        only === undefined ||
        isAssignee({ userId: person.userId, email: person.email, name: null }, only),
    );
    if (workforce.length === 0) return [];
    const done = await acknowledgedBy(
      tx,
      scope,
      versions.map((v) => v.id),
      only === undefined
        ? undefined
        : workforce.flatMap((p) => (p.userId === null ? [] : [p.userId])),
    );
    const tasks: Task[] = [];
    for (const policy of policies) {
      const version = latest.get(policy.id);
      if (version === undefined) continue;
      const label = policyLabel(policy.number);
      const acknowledged = done.get(version.id) ?? new Set<string>();
      for (const person of audienceOf(workforce, version.audience)) {
        if (person.userId !== null && acknowledged.has(person.userId)) continue;
        const dueBy = acknowledgementDue(version, person, policy.ackDays);
        tasks.push({
          id: `policy-acknowledgement:${label}:v${version.version}:${audienceKey(person)}`,
          source: "policy-acknowledgement",
          title: `Read and acknowledge ${version.title}`,
          reason: `version ${version.version} was published on ${version.publishedAt.slice(0, 10)}`,
          subject: `${label} v${version.version}`,
          link: `/policies/${label}`,
          assignee: { userId: person.userId, email: person.email, name: person.name },
          dueBy,
          status: taskStatus(dueBy, today),
        });
      }
    }
    return tasks;
  },
};
