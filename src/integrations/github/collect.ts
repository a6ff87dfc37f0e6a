/**
 * Reads an organization through Octokit into a GitHubSnapshot: the organization's settings,
 * its members and their two-factor state, and for every in-scope repository the protection
 * of its default branch (classic protection and rulesets), its security features, its open
 * Dependabot alerts and its outside collaborators. Any failed call fails the whole collection.
 */
import { ConnectorError } from "../../domain/checks/check.ts";
import {
  branchProtectionAnswer,
  branchRulesAnswer,
  collaboratorsAnswer,
  dependabotAlertsAnswer,
  organizationAnswer,
  pullRequestRuleParameters,
  repositoriesAnswer,
  statusChecksRuleParameters,
  usersAnswer,
} from "./api-shapes.ts";
import type { BranchProtectionAnswer, RepositoryAnswer } from "./api-shapes.ts";
import { failedStatus, parseAnswer, request, toConnectorError } from "./client.ts";
import type { GitHubClient } from "./client.ts";
import type { GitHubSettings } from "./settings.ts";
import type {
  GitHubBranchProtection,
  GitHubBranchRule,
  GitHubRepository,
  GitHubSnapshot,
} from "./snapshot.ts";

const PER_PAGE = 100;
/** Repositories read at the same time: enough to be quick, few enough to spare the rate limit. */
const REPOSITORY_CONCURRENCY = 4;

/** GitHub's 404 bodies on the protection endpoint that mean "this branch has no protection". */
const UNPROTECTED_MESSAGES = new Set(["Branch not protected", "Branch not found"]);

export async function collectSnapshot(
  client: GitHubClient,
  settings: GitHubSettings,
  now: Date,
): Promise<GitHubSnapshot> {
  const { octokit } = client;
  const org = settings.organization;

  const organization = await request(`read organization ${org}`, organizationAnswer, async () => {
    return (await octokit.rest.orgs.get({ org })).data;
  });
  const members = await request(`list the members of ${org}`, usersAnswer, () =>
    octokit.paginate(octokit.rest.orgs.listMembers, { org, per_page: PER_PAGE }),
  );
  const disabled = await listMembersWithoutTwoFactor(client, org);

  const inScope = await listRepositoriesInScope(client, settings);
  const repositories = await mapInOrder(inScope, REPOSITORY_CONCURRENCY, (repository) =>
    collectRepository(client, repository),
  );

  return {
    collectedAt: now.toISOString(),
    apiUrl: settings.apiUrl,
    organization: {
      login: organization.login,
      twoFactorRequirementEnabled: organization.two_factor_requirement_enabled ?? null,
      defaultRepositoryPermission: organization.default_repository_permission ?? null,
    },
    members: members
      .map((member) => ({
        login: member.login,
        twoFactorDisabled: disabled ? disabled.has(member.login) : null,
      }))
      .sort((a, b) => a.login.localeCompare(b.login)),
    repositories,
    remediationDays: {
      critical: settings.criticalRemediationDays,
      high: settings.highRemediationDays,
    },
  };
}

/** GitHub's 422 message when a token that is not an owner's asks for `filter=2fa_disabled`. */
const OWNERS_ONLY_FILTER = "Only owners can use this filter.";

/** Logins without two-factor authentication; null when GitHub answers this to owners only. */
async function listMembersWithoutTwoFactor(
  client: GitHubClient,
  org: string,
): Promise<Set<string> | null> {
  const what = `list the members of ${org} without two-factor authentication`;
  let data: unknown;
  try {
    data = await client.octokit.paginate(client.octokit.rest.orgs.listMembers, {
      org,
      filter: "2fa_disabled",
      per_page: PER_PAGE,
    });
  } catch (error) {
    const failed = failedStatus(error);
    if (failed?.status === 422 && failed.message === OWNERS_ONLY_FILTER) return null;
    throw toConnectorError(error, what);
  }
  return new Set(parseAnswer(usersAnswer, data, what).map((member) => member.login));
}

/** The organization's repositories the settings put in scope, in name order. */
export async function listRepositoriesInScope(
  client: GitHubClient,
  settings: GitHubSettings,
): Promise<RepositoryAnswer[]> {
  const { octokit } = client;
  const org = settings.organization;
  const all = await request(`list the repositories of ${org}`, repositoriesAnswer, () =>
    octokit.paginate(octokit.rest.repos.listForOrg, { org, type: "all", per_page: PER_PAGE }),
  );
  const sorted = [...all].sort((a, b) => a.full_name.localeCompare(b.full_name));
  if (settings.repositories === "all") return sorted;
  const byName = new Map(sorted.map((repository) => [repository.name.toLowerCase(), repository]));
  return settings.repositories.map((name) => {
    const repository = byName.get(name.toLowerCase());
    if (!repository) {
      throw new ConnectorError(
        "forbidden",
        `repository ${org}/${name} is in scope but is not in the organization, or not visible to the token`,
      );
    }
    return repository;
  });
}

async function collectRepository(
  client: GitHubClient,
  repository: RepositoryAnswer,
): Promise<GitHubRepository> {
  const { octokit } = client;
  const owner = repository.owner.login;
  const repo = repository.name;
  const branch = repository.default_branch;
  const name = repository.full_name;

  const protection = await readBranchProtection(client, owner, repo, branch);
  const rules = await request(`read the rules of ${name}:${branch}`, branchRulesAnswer, () =>
    octokit.paginate(octokit.rest.repos.getBranchRules, {
      owner,
      repo,
      branch,
      per_page: PER_PAGE,
    }),
  );
  const dependabotAlertsEnabled = await readVulnerabilityAlertsEnabled(client, owner, repo);
  const alerts = dependabotAlertsEnabled
    ? await request(`list the open Dependabot alerts of ${name}`, dependabotAlertsAnswer, () =>
        octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, {
          owner,
          repo,
          state: "open",
          per_page: PER_PAGE,
        }),
      )
    : [];
  const outside = await request(
    `list the outside collaborators of ${name}`,
    collaboratorsAnswer,
    () =>
      octokit.paginate(octokit.rest.repos.listCollaborators, {
        owner,
        repo,
        affiliation: "outside",
        per_page: PER_PAGE,
      }),
  );

  const security = repository.security_and_analysis;
  return {
    fullName: name,
    defaultBranch: branch,
    archived: repository.archived,
    protection: protection ? toProtection(protection) : null,
    rules: rules.map((rule) => toRule(rule, `the rules of ${name}:${branch}`)),
    secretScanning: security?.secret_scanning?.status ?? null,
    secretScanningPushProtection: security?.secret_scanning_push_protection?.status ?? null,
    dependabotAlertsEnabled,
    openDependabotAlerts: alerts
      .filter((alert) => alert.state === "open")
      .map((alert) => ({
        number: alert.number,
        severity: alert.security_advisory.severity,
        createdAt: alert.created_at,
        packageName: alert.dependency.package.name,
        summary: alert.security_advisory.summary,
      }))
      .sort((a, b) => a.number - b.number),
    outsideCollaborators: outside
      .map((person) => ({ login: person.login, admin: person.permissions?.admin ?? false }))
      .sort((a, b) => a.login.localeCompare(b.login)),
  };
}

/** Null when the branch has no classic protection (GitHub answers 404 "Branch not protected"). */
async function readBranchProtection(
  client: GitHubClient,
  owner: string,
  repo: string,
  branch: string,
): Promise<BranchProtectionAnswer | null> {
  const what = `read the protection of ${owner}/${repo}:${branch}`;
  let data: unknown;
  try {
    data = (await client.octokit.rest.repos.getBranchProtection({ owner, repo, branch })).data;
  } catch (error) {
    const failed = failedStatus(error);
    if (failed?.status === 404 && UNPROTECTED_MESSAGES.has(failed.message)) return null;
    throw toConnectorError(error, what);
  }
  return parseAnswer(branchProtectionAnswer, data, what);
}

/** GitHub answers 204 when Dependabot alerts are on and 404 when they are off. */
async function readVulnerabilityAlertsEnabled(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<boolean> {
  try {
    await client.octokit.rest.repos.checkVulnerabilityAlerts({ owner, repo });
    return true;
  } catch (error) {
    if (failedStatus(error)?.status === 404) return false;
    throw toConnectorError(error, `read whether Dependabot alerts are on for ${owner}/${repo}`);
  }
}

function toProtection(answer: BranchProtectionAnswer): GitHubBranchProtection {
  const reviews = answer.required_pull_request_reviews;
  const checks = answer.required_status_checks;
  return {
    pullRequestReviews: reviews
      ? {
          // GitHub omits the count when it was never set; a review then requires no approval.
          requiredApprovingReviewCount: reviews.required_approving_review_count ?? 0,
          dismissStaleReviews: reviews.dismiss_stale_reviews ?? false,
          requireLastPushApproval: reviews.require_last_push_approval ?? false,
        }
      : null,
    requiredStatusChecks: checks
      ? [...new Set([...checks.contexts, ...(checks.checks ?? []).map((check) => check.context)])]
      : null,
    enforceAdmins: answer.enforce_admins?.enabled ?? false,
    allowForcePushes: answer.allow_force_pushes?.enabled ?? false,
    allowDeletions: answer.allow_deletions?.enabled ?? false,
  };
}

function toRule(
  rule: { type: string; parameters?: Record<string, unknown> | undefined },
  what: string,
): GitHubBranchRule {
  switch (rule.type) {
    case "pull_request": {
      const parameters = parseAnswer(pullRequestRuleParameters, rule.parameters, what);
      return {
        type: "pull_request",
        requiredApprovingReviewCount: parameters.required_approving_review_count,
        dismissStaleReviewsOnPush: parameters.dismiss_stale_reviews_on_push,
        requireLastPushApproval: parameters.require_last_push_approval,
      };
    }
    case "required_status_checks": {
      const parameters = parseAnswer(statusChecksRuleParameters, rule.parameters, what);
      return {
        type: "required_status_checks",
        contexts: parameters.required_status_checks.map((check) => check.context),
      };
    }
    case "non_fast_forward":
    case "deletion":
      return { type: rule.type };
    default:
      return { type: "other", name: rule.type };
  }
}

/** Maps with at most `limit` calls under way, keeping the input order in the result. */
async function mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    // After one failure the run is lost anyway: start no further calls.
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}
