/**
 * Reviewed changes on default branches (CM-03, and CM-02 for the review itself): the branch is
 * protected, a merge needs an approving review, approvals do not survive new pushes, and the
 * last pusher cannot approve their own change.
 */
import { branchOf, effectiveProtection, eachActiveRepository } from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

const PROTECTION_READS = [
  "GET /orgs/{org}/repos",
  "GET /repos/{owner}/{repo}/branches/{branch}/protection",
  "GET /repos/{owner}/{repo}/rules/branches/{branch}",
] as const;

export const branchProtected: GitHubCheck = {
  id: "github.branch-protected",
  title: "Default branch is protected",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03"],
  criteria: ["CC8.1", "CC6.3"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const protection = effectiveProtection(repository);
      return protection.protected
        ? { passed: true, reason: `${branchOf(repository)} is protected` }
        : {
            passed: false,
            reason: `${branchOf(repository)} has neither branch protection nor a ruleset`,
          };
    }),
};

export const branchRequiresReview: GitHubCheck = {
  id: "github.branch-requires-review",
  title: "Branch protection requires review",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03", "CM-02"],
  criteria: ["CC8.1", "CC5.2"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const approvals = effectiveProtection(repository).requiredApprovals;
      if (approvals === null) {
        return {
          passed: false,
          reason: `${branchOf(repository)} does not require an approving review before merge`,
        };
      }
      if (approvals < 1) {
        return {
          passed: false,
          reason: `${branchOf(repository)} requires a pull request but no approving review`,
        };
      }
      const plural = approvals === 1 ? "review" : "reviews";
      return {
        passed: true,
        reason: `${branchOf(repository)} requires ${approvals} approving ${plural}`,
      };
    }),
};

export const staleApprovalsDismissed: GitHubCheck = {
  id: "github.stale-approvals-dismissed",
  title: "Approvals are dismissed when new commits are pushed",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03"],
  criteria: ["CC8.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const protection = effectiveProtection(repository);
      if (protection.requiredApprovals === null) {
        return { passed: false, reason: `${branchOf(repository)} requires no review to dismiss` };
      }
      return protection.dismissStaleApprovals
        ? { passed: true, reason: `${branchOf(repository)} dismisses approvals on new pushes` }
        : {
            passed: false,
            reason: `${branchOf(repository)} keeps approvals after new commits are pushed`,
          };
    }),
};

export const lastPushApproval: GitHubCheck = {
  id: "github.last-push-approval",
  title: "The last push must be approved by someone else",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03"],
  criteria: ["CC8.1", "CC5.2"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const protection = effectiveProtection(repository);
      if (protection.requiredApprovals === null) {
        return { passed: false, reason: `${branchOf(repository)} requires no review at all` };
      }
      return protection.requireLastPushApproval
        ? {
            passed: true,
            reason: `${branchOf(repository)} requires the last push to be approved by someone other than its pusher`,
          }
        : {
            passed: false,
            reason: `${branchOf(repository)} lets the author of the last push approve it`,
          };
    }),
};
