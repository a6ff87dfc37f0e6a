/**
 * A made-up organization of about `resources` members and repositories, mixing compliant and
 * failing settings deterministically, for the checks benchmark (no API involved).
 */
import type { GitHubRepository, GitHubSnapshot } from "./snapshot.ts";

function syntheticRepository(index: number): GitHubRepository {
  const reviewed = index % 4 !== 0;
  return {
    fullName: `synthetic/repo-${index}`,
    defaultBranch: "main",
    archived: index % 50 === 49,
    protection:
      index % 3 === 0
        ? null
        : {
            pullRequestReviews: reviewed
              ? {
                  requiredApprovingReviewCount: 1 + (index % 2),
                  dismissStaleReviews: index % 5 !== 0,
                  requireLastPushApproval: index % 6 !== 0,
                }
              : null,
            requiredStatusChecks: index % 7 === 0 ? null : ["ci/test"],
            enforceAdmins: index % 8 !== 0,
            allowForcePushes: index % 9 === 0,
            allowDeletions: false,
          },
    rules:
      index % 3 === 0 && index % 2 === 0
        ? [
            {
              type: "pull_request",
              requiredApprovingReviewCount: 1,
              dismissStaleReviewsOnPush: true,
              requireLastPushApproval: true,
            },
            { type: "non_fast_forward" },
          ]
        : [],
    secretScanning: index % 10 === 0 ? "disabled" : "enabled",
    secretScanningPushProtection: index % 11 === 0 ? "disabled" : "enabled",
    dependabotAlertsEnabled: index % 12 !== 0,
    openDependabotAlerts:
      index % 13 === 0
        ? [
            {
              number: 1,
              severity: index % 2 === 0 ? "critical" : "high",
              createdAt: "2026-01-01T00:00:00Z",
              packageName: "left-pad",
              summary: "Synthetic advisory",
            },
          ]
        : [],
    outsideCollaborators: index % 14 === 0 ? [{ login: `contractor-${index}`, admin: true }] : [],
  };
}

export function syntheticGitHubSnapshot(resources: number): GitHubSnapshot {
  const total = Math.max(2, Math.floor(resources));
  const memberCount = Math.max(1, Math.floor(total / 5));
  const repositoryCount = Math.max(1, total - memberCount);
  return {
    collectedAt: "2026-06-30T12:00:00.000Z",
    apiUrl: "https://api.github.com",
    organization: {
      login: "synthetic",
      twoFactorRequirementEnabled: true,
      defaultRepositoryPermission: "read",
    },
    members: Array.from({ length: memberCount }, (_, index) => ({
      login: `member-${index}`,
      twoFactorDisabled: index % 20 === 0,
    })),
    repositories: Array.from({ length: repositoryCount }, (_, index) => syntheticRepository(index)),
    remediationDays: { critical: 7, high: 30 },
  };
}
