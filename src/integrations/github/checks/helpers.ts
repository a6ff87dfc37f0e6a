/**
 * What the checks share: the protection a default branch has once classic branch protection
 * and rulesets are taken together (either one protects), and the per-repository loop that
 * marks archived repositories not applicable (they are read-only: nothing can be pushed).
 */
import type { CheckDefinition, ResourceResult } from "../../../domain/checks/check.ts";
import type { GitHubRepository, GitHubSnapshot } from "../snapshot.ts";

export type GitHubCheck = CheckDefinition<GitHubSnapshot>;

export interface EffectiveProtection {
  /** Classic protection or at least one active rule applies. */
  protected: boolean;
  /** Highest approving review count required by any source; null when no review is required. */
  requiredApprovals: number | null;
  dismissStaleApprovals: boolean;
  requireLastPushApproval: boolean;
  statusChecks: string[];
  forcePushesBlocked: boolean;
  deletionsBlocked: boolean;
}

export function effectiveProtection(repository: GitHubRepository): EffectiveProtection {
  const classic = repository.protection;
  const reviewSources: { approvals: number; dismissStale: boolean; lastPush: boolean }[] = [];
  if (classic?.pullRequestReviews) {
    const reviews = classic.pullRequestReviews;
    reviewSources.push({
      approvals: reviews.requiredApprovingReviewCount,
      dismissStale: reviews.dismissStaleReviews,
      lastPush: reviews.requireLastPushApproval,
    });
  }
  const statusChecks = new Set(classic?.requiredStatusChecks ?? []);
  let forcePushesBlocked = classic ? !classic.allowForcePushes : false;
  let deletionsBlocked = classic ? !classic.allowDeletions : false;
  for (const rule of repository.rules) {
    if (rule.type === "pull_request") {
      reviewSources.push({
        approvals: rule.requiredApprovingReviewCount,
        dismissStale: rule.dismissStaleReviewsOnPush,
        lastPush: rule.requireLastPushApproval,
      });
    } else if (rule.type === "required_status_checks") {
      for (const context of rule.contexts) statusChecks.add(context);
    } else if (rule.type === "non_fast_forward") {
      forcePushesBlocked = true;
    } else if (rule.type === "deletion") {
      deletionsBlocked = true;
    }
  }
  return {
    protected: classic !== null || repository.rules.length > 0,
    requiredApprovals:
      reviewSources.length > 0
        ? Math.max(...reviewSources.map((source) => source.approvals))
        : null,
    // Rules add up: a merge must satisfy every source, so one source asking is enough.
    dismissStaleApprovals: reviewSources.some((source) => source.dismissStale),
    requireLastPushApproval: reviewSources.some((source) => source.lastPush),
    statusChecks: [...statusChecks].sort(),
    forcePushesBlocked,
    deletionsBlocked,
  };
}

export function pass(resourceId: string, resourceName: string, reason: string): ResourceResult {
  return { resourceId, resourceName, status: "pass", reason };
}

export function fail(resourceId: string, resourceName: string, reason: string): ResourceResult {
  return { resourceId, resourceName, status: "fail", reason };
}

export function notApplicable(
  resourceId: string,
  resourceName: string,
  reason: string,
): ResourceResult {
  return { resourceId, resourceName, status: "not-applicable", reason };
}

/** One result per repository, in snapshot order; archived repositories are not applicable. */
export function eachActiveRepository(
  snapshot: GitHubSnapshot,
  judge: (repository: GitHubRepository) => { passed: boolean; reason: string },
): ResourceResult[] {
  return snapshot.repositories.map((repository) => {
    const name = repository.fullName;
    if (repository.archived) {
      return notApplicable(name, name, `${name} is archived, so nothing can be pushed to it`);
    }
    const verdict = judge(repository);
    return verdict.passed ? pass(name, name, verdict.reason) : fail(name, name, verdict.reason);
  });
}

/** "main of acme/api", the way reasons name a default branch. */
export function branchOf(repository: GitHubRepository): string {
  return `${repository.fullName}: ${repository.defaultBranch}`;
}
