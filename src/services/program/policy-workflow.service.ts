/**
 * A policy's way to publication: submitted for review, approved by an owner (the signature
 * lands on the exact text, by its hash), and published as a new immutable version that asks
 * its audience to acknowledge it. Publishing an approved text identical to the version in
 * force records the periodic review instead, without asking everyone again.
 */
import { z } from "zod";
import { getOrganization } from "../../db/organizations.repo.ts";
import { insertPolicyVersion, listPolicyVersions, savePolicy } from "../../db/policies.repo.ts";
import type { Policy, PolicyVersion } from "../../db/policies.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { addDays, localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import type { Action } from "../../domain/permissions.ts";
import { policyLabel, policyTextHash } from "../../domain/policy.ts";
import type { PolicyState } from "../../domain/policy.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { reason } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { loadPolicy, viewPolicy } from "./policies.service.ts";
import type { PolicyView } from "./policies.service.ts";

export const retirePolicyInput = z.object({ reason }).strict();

const STEP_FROM: Record<"submit" | "approve" | "publish", PolicyState> = {
  submit: "draft",
  approve: "in-review",
  publish: "approved",
};

const STEP_WORDS: Record<PolicyState, string> = {
  draft: "is a draft: submit it for review first",
  "in-review": "is in review: an owner approves it first",
  approved: "is approved: publish it",
  published: "is published: edit it to start a new draft",
  retired: "is retired",
};

async function step(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  action: Action,
  expected: PolicyState,
  change: (tx: Tx, policy: Policy, at: Date) => Promise<Policy>,
): Promise<PolicyView> {
  authorize(actor, action);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    if (policy.state !== expected) {
      throw new AppError(
        "INVALID_STATE",
        `${policyLabel(policy.number)} ${STEP_WORDS[policy.state]}`,
      );
    }
    const next = await change(tx, policy, at);
    await savePolicy(tx, scopeOf(actor), { ...next, updatedAt: at.toISOString() });
    return viewPolicy(tx, actor, next);
  });
}

export function submitPolicy(ctx: ServiceContext, actor: Actor, handle: string) {
  return step(ctx, actor, handle, "policy:edit", STEP_FROM.submit, async (tx, policy, at) => {
    const sha256 = policyTextHash(policy.body);
    await recordEvent(
      tx,
      actor,
      "policy.submitted",
      policy.id,
      { policy: policyLabel(policy.number), sha256 },
      at,
    );
    return { ...policy, state: "in-review" };
  });
}

/** The owner's signature on the working text as it stands. */
export function approvePolicy(ctx: ServiceContext, actor: Actor, handle: string) {
  return step(ctx, actor, handle, "policy:approve", STEP_FROM.approve, async (tx, policy, at) => {
    const sha256 = policyTextHash(policy.body);
    await recordEvent(
      tx,
      actor,
      "policy.approved",
      policy.id,
      { policy: policyLabel(policy.number), sha256 },
      at,
    );
    return {
      ...policy,
      state: "approved",
      approval: { by: actor.id, name: actor.name, at: at.toISOString() },
    };
  });
}

export function publishPolicy(ctx: ServiceContext, actor: Actor, handle: string) {
  return step(ctx, actor, handle, "policy:publish", STEP_FROM.publish, async (tx, policy, at) => {
    const scope = scopeOf(actor);
    const approval = policy.approval;
    if (approval === null) {
      // An approved policy always carries its approval; this is a damaged record.
      throw new AppError(
        "INTERNAL",
        `${policyLabel(policy.number)} is approved without an approval`,
      );
    }
    const label = policyLabel(policy.number);
    const sha256 = policyTextHash(policy.body);
    const latest = (await listPolicyVersions(tx, scope, policy.id))[0];
    const reviewed: Policy = {
      ...policy,
      state: "published",
      approval: null,
      reviewedAt: approval.at,
    };
    if (latest !== undefined && latest.sha256 === sha256 && latest.title === policy.title) {
      await recordEvent(
        tx,
        actor,
        "policy.reviewed",
        policy.id,
        { policy: label, version: latest.version, sha256 },
        at,
      );
      return reviewed;
    }
    const organization = await getOrganization(tx, scope);
    const version: PolicyVersion = {
      id: newId(),
      policyId: policy.id,
      version: (latest?.version ?? 0) + 1,
      title: policy.title,
      body: policy.body,
      sha256,
      approval,
      publishedBy: actor.name,
      publishedAt: at.toISOString(),
      audience: policy.audience,
      ackDueBy: addDays(localDate(at, organization.timeZone), policy.ackDays),
    };
    await insertPolicyVersion(tx, scope, version);
    await recordEvent(
      tx,
      actor,
      "policy.published",
      policy.id,
      {
        policy: label,
        version: version.version,
        sha256,
        approvedBy: approval.name,
        approvedAt: approval.at,
        ackDueBy: version.ackDueBy,
        audience: version.audience,
      },
      at,
    );
    return reviewed;
  });
}

export async function retirePolicy(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof retirePolicyInput>,
): Promise<PolicyView> {
  authorize(actor, "policy:publish");
  const data = parseInput(retirePolicyInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    if (policy.state === "retired") {
      throw new AppError("INVALID_STATE", `${policyLabel(policy.number)} is already retired`);
    }
    const next: Policy = {
      ...policy,
      state: "retired",
      approval: null,
      updatedAt: at.toISOString(),
    };
    await savePolicy(tx, scopeOf(actor), next);
    await recordEvent(
      tx,
      actor,
      "policy.retired",
      policy.id,
      { policy: policyLabel(policy.number), reason: data.reason },
      at,
    );
    return viewPolicy(tx, actor, next);
  });
}
