/** Comparing a policy's versions, line by line, computed on the server. */
import { listPolicyVersions } from "../../db/policies.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { lineDiff } from "../../domain/line-diff.ts";
import type { DiffLine } from "../../domain/line-diff.ts";
import { authorize } from "../../domain/permissions.ts";
import { policyLabel, policyTextHash } from "../../domain/policy.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadPolicy } from "./policies.service.ts";

export interface PolicyDiff {
  label: string;
  from: { version: number | null; sha256: string };
  to: { version: number | null; sha256: string };
  lines: DiffLine[];
}

/**
 * Line diff between two published versions, or (with `to` left out, for editors) between a
 * version and the working text. `from` left out is the version in force.
 */
export async function diffPolicyVersions(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  fromVersion?: number,
  toVersion?: number,
): Promise<PolicyDiff> {
  authorize(actor, toVersion === undefined ? "policy:edit" : "policy:read");
  return read(ctx.db, async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    const label = policyLabel(policy.number);
    const versions = await listPolicyVersions(tx, scopeOf(actor), policy.id);
    const pick = (number: number, field: string) => {
      const found = versions.find((v) => v.version === number);
      if (found === undefined) {
        throw invalidField(field, `${label} has no version ${number} (it has ${versions.length})`);
      }
      return found;
    };
    const inForce = versions[0];
    if (inForce === undefined) {
      throw new AppError("INVALID_STATE", `${label} has no published version to compare with`);
    }
    const from = fromVersion === undefined ? inForce : pick(fromVersion, "from");
    const to =
      toVersion === undefined
        ? { version: null, body: policy.body, sha256: policyTextHash(policy.body) }
        : pick(toVersion, "to");
    return {
      label,
      from: { version: from.version, sha256: from.sha256 },
      to: { version: to.version, sha256: to.sha256 },
      lines: lineDiff(from.body, to.body),
    };
  });
}
