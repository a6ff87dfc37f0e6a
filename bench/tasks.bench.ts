/**
 * Everyone's task list for a large workforce: 5,000 members (100 in a smoke run), 20 published
 * policies asking all of them, half of the people having acknowledged each. Measures
 * `listTasks` for everyone (what an owner's "everyone's tasks" reads) and for one person.
 * The target is under 2 s (issue 15). Members and policies are written straight into their
 * tables: the bench measures reading, not thousands of invitations.
 */
import { randomUUID } from "node:crypto";
import {
  insertAcknowledgement,
  insertPolicy,
  insertPolicyVersion,
} from "../src/db/policies.repo.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { insertMembership, insertUser } from "../src/db/users.repo.ts";
import { actorIn, scopeOf } from "../src/domain/actor.ts";
import type { Actor, Principal } from "../src/domain/actor.ts";
import { policyTextHash } from "../src/domain/policy.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { listTasks } from "../src/services/program/tasks.service.ts";
import { measure, sized } from "./measure.ts";
import type { BenchSize, Measurement } from "./measure.ts";

const bench: Principal = { kind: "system", id: "bench", name: "bench" };
const POLICIES = 20;

export interface TasksBench {
  people: number;
  policies: number;
  tasks: number;
  everyone: Measurement;
  mine: Measurement;
}

export async function benchTasks(ctx: ServiceContext, size: BenchSize): Promise<TasksBench> {
  const people = sized(size, 5000, 100);
  const { organization } = await createOrganization(ctx, bench, {
    name: `Tasks Corp ${randomUUID().slice(0, 6)}`,
  });
  const owner = actorIn(bench, organization.id, "owner");
  const scope = scopeOf(owner);
  const at = ctx.now().toISOString();
  const ids = Array.from({ length: people }, () => randomUUID());
  await inTransaction(ctx.db, async (tx) => {
    for (const [i, id] of ids.entries()) {
      const email = `person-${i}@tasks.example`;
      await insertUser(
        tx,
        { id, email, name: `Person ${i}`, totpEnabled: false, createdAt: at },
        "x",
        at,
      );
      await insertMembership(tx, {
        organizationId: organization.id,
        userId: id,
        role: "employee",
        createdAt: at,
      });
    }
    for (let p = 0; p < POLICIES; p += 1) {
      const body = `## Policy ${p}\n\nA synthetic policy for the tasks benchmark.`;
      const policyId = randomUUID();
      const approval = { by: bench.id, name: bench.name, at };
      await insertPolicy(tx, scope, {
        id: policyId,
        number: p + 1,
        templateId: null,
        title: `Synthetic policy ${p}`,
        owner: "owner@tasks.example",
        reviewMonths: 12,
        state: "published",
        body,
        audience: [],
        ackDays: 30,
        approval: null,
        reviewedAt: at,
        createdBy: bench.name,
        createdAt: at,
        updatedAt: at,
      });
      const versionId = randomUUID();
      await insertPolicyVersion(tx, scope, {
        id: versionId,
        policyId,
        version: 1,
        title: `Synthetic policy ${p}`,
        body,
        sha256: policyTextHash(body),
        approval,
        publishedBy: bench.name,
        publishedAt: at,
        audience: [],
        ackDueBy: at.slice(0, 10),
      });
      for (const [i, userId] of ids.entries()) {
        if (i % 2 === 1) continue;
        await insertAcknowledgement(tx, scope, {
          id: randomUUID(),
          policyVersionId: versionId,
          userId,
          email: `person-${i}@tasks.example`,
          name: `Person ${i}`,
          sha256: policyTextHash(body),
          acknowledgedAt: at,
          address: null,
        });
      }
    }
  });
  const someone: Actor = {
    ...actorIn({ kind: "user", id: ids[1] ?? "", name: "Person 1" }, organization.id, "employee"),
    email: "person-1@tasks.example",
  };
  const all = await listTasks(ctx, owner, { mine: false });
  const runs = sized(size, 10, 3);
  return {
    people,
    policies: POLICIES,
    tasks: all.length,
    everyone: await measure(() => listTasks(ctx, owner, { mine: false }), { warmup: 2, runs }),
    mine: await measure(() => listTasks(ctx, someone), { warmup: 2, runs }),
  };
}
