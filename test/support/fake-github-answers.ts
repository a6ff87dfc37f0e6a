/**
 * Renders the fake's state into the JSON GitHub's REST API documents for each endpoint the
 * connector calls (organization, simple user, repository, branch protection, branch rules,
 * Dependabot alert, collaborator, pull request, review). Written from the public REST reference.
 */
import type {
  FakeCollaborator,
  FakeDependabotAlert,
  FakeGitHubState,
  FakeProtection,
  FakePullRequest,
  FakeRepository,
  FakeReview,
  FakeRule,
} from "./fake-github-state.ts";

/** A stable numeric id from a name, so ids stay the same between requests. */
function idOf(text: string): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_000;
  return hash;
}

export function simpleUser(baseUrl: string, login: string, type = "User"): Record<string, unknown> {
  return {
    login,
    id: idOf(login),
    node_id: `MDQ6VXNlcj${idOf(login)}`,
    avatar_url: `https://avatars.example.test/u/${idOf(login)}`,
    gravatar_id: "",
    url: `${baseUrl}/users/${login}`,
    html_url: `https://github.example.test/${login}`,
    type,
    site_admin: false,
  };
}

export function organizationAnswer(
  baseUrl: string,
  state: FakeGitHubState,
): Record<string, unknown> {
  const org = state.organization;
  const answer: Record<string, unknown> = {
    login: org.login,
    id: idOf(org.login),
    node_id: `MDEyOk9yZ2FuaXphdGlvbj${idOf(org.login)}`,
    url: `${baseUrl}/orgs/${org.login}`,
    repos_url: `${baseUrl}/orgs/${org.login}/repos`,
    members_url: `${baseUrl}/orgs/${org.login}/members{/member}`,
    description: "A test organization",
    name: org.login,
    html_url: `https://github.example.test/${org.login}`,
    type: "Organization",
    public_repos: state.repositories.filter((repository) => !repository.private).length,
    created_at: "2020-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
  // Owner-only fields: GitHub leaves them out for everyone else.
  if (!state.tokenIsOwner) return answer;
  if (org.twoFactorRequirementEnabled !== undefined) {
    answer.two_factor_requirement_enabled = org.twoFactorRequirementEnabled;
  }
  if (org.defaultRepositoryPermission !== undefined) {
    answer.default_repository_permission = org.defaultRepositoryPermission;
  }
  return answer;
}

export function repositoryAnswer(
  baseUrl: string,
  org: string,
  repository: FakeRepository,
): Record<string, unknown> {
  const fullName = `${org}/${repository.name}`;
  const answer: Record<string, unknown> = {
    id: idOf(fullName),
    node_id: `MDEwOlJlcG9zaXRvcnk${idOf(fullName)}`,
    name: repository.name,
    full_name: fullName,
    private: repository.private,
    owner: simpleUser(baseUrl, org, "Organization"),
    html_url: `https://github.example.test/${fullName}`,
    description: null,
    fork: false,
    url: `${baseUrl}/repos/${fullName}`,
    default_branch: repository.defaultBranch,
    archived: repository.archived,
    disabled: false,
    visibility: repository.private ? "private" : "public",
    pushed_at: "2026-01-01T00:00:00Z",
    created_at: "2020-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
  const security = repository.securityAndAnalysis;
  if (security) {
    answer.security_and_analysis = {
      secret_scanning: { status: security.secretScanning },
      secret_scanning_push_protection: { status: security.secretScanningPushProtection },
      dependabot_security_updates: { status: "disabled" },
    };
  }
  return answer;
}

export function protectionAnswer(
  baseUrl: string,
  fullName: string,
  branch: string,
  protection: FakeProtection,
): Record<string, unknown> {
  const url = `${baseUrl}/repos/${fullName}/branches/${branch}/protection`;
  const answer: Record<string, unknown> = {
    url,
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: protection.enforceAdmins },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: protection.allowForcePushes },
    allow_deletions: { enabled: protection.allowDeletions },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
  const reviews = protection.requiredPullRequestReviews;
  if (reviews) {
    answer.required_pull_request_reviews = {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: reviews.dismissStaleReviews,
      require_code_owner_reviews: false,
      required_approving_review_count: reviews.requiredApprovingReviewCount,
      require_last_push_approval: reviews.requireLastPushApproval,
    };
  }
  if (protection.requiredStatusChecks) {
    answer.required_status_checks = {
      url: `${url}/required_status_checks`,
      strict: true,
      contexts: protection.requiredStatusChecks,
      checks: protection.requiredStatusChecks.map((context) => ({ context, app_id: null })),
      contexts_url: `${url}/required_status_checks/contexts`,
    };
  }
  return answer;
}

export function ruleAnswer(
  fullName: string,
  rule: FakeRule,
  index: number,
): Record<string, unknown> {
  return {
    type: rule.type,
    ...(rule.parameters ? { parameters: rule.parameters } : {}),
    ruleset_source_type: "Repository",
    ruleset_source: fullName,
    ruleset_id: 100 + index,
  };
}

export function dependabotAlertAnswer(
  baseUrl: string,
  fullName: string,
  alert: FakeDependabotAlert,
): Record<string, unknown> {
  const advisoryPackage = { ecosystem: "npm", name: alert.packageName };
  const ghsa = `GHSA-test-${String(alert.number).padStart(4, "0")}-abcd`;
  return {
    number: alert.number,
    state: alert.state,
    dependency: {
      package: advisoryPackage,
      manifest_path: "package-lock.json",
      scope: "runtime",
      relationship: "direct",
    },
    security_advisory: {
      ghsa_id: ghsa,
      cve_id: null,
      summary: alert.summary,
      description: alert.summary,
      vulnerabilities: [],
      severity: alert.severity,
      identifiers: [{ value: ghsa, type: "GHSA" }],
      references: [],
      published_at: alert.createdAt,
      updated_at: alert.createdAt,
      withdrawn_at: null,
    },
    security_vulnerability: {
      package: advisoryPackage,
      severity: alert.severity,
      vulnerable_version_range: "< 2.0.0",
      first_patched_version: { identifier: "2.0.0" },
    },
    url: `${baseUrl}/repos/${fullName}/dependabot/alerts/${alert.number}`,
    html_url: `https://github.example.test/${fullName}/security/dependabot/${alert.number}`,
    created_at: alert.createdAt,
    updated_at: alert.createdAt,
    dismissed_at: null,
    dismissed_by: null,
    dismissed_reason: null,
    dismissed_comment: null,
    fixed_at: null,
    auto_dismissed_at: null,
  };
}

export function collaboratorAnswer(
  baseUrl: string,
  person: FakeCollaborator,
): Record<string, unknown> {
  return {
    ...simpleUser(baseUrl, person.login),
    permissions: {
      pull: true,
      triage: true,
      push: person.admin,
      maintain: person.admin,
      admin: person.admin,
    },
    role_name: person.admin ? "admin" : "read",
  };
}

export function pullRequestAnswer(
  baseUrl: string,
  fullName: string,
  pull: FakePullRequest,
): Record<string, unknown> {
  return {
    url: `${baseUrl}/repos/${fullName}/pulls/${pull.number}`,
    id: idOf(`${fullName}#${pull.number}`),
    html_url: `https://github.example.test/${fullName}/pull/${pull.number}`,
    number: pull.number,
    state: pull.closedAt === null ? "open" : "closed",
    locked: false,
    title: pull.title,
    user: simpleUser(baseUrl, pull.author),
    body: null,
    labels: [],
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergedAt ? `sha-${pull.number}` : null,
    head: { label: `${fullName}:feature-${pull.number}`, ref: `feature-${pull.number}` },
    base: { label: `${fullName}:main`, ref: "main" },
    draft: false,
    author_association: "MEMBER",
  };
}

export function reviewAnswer(
  baseUrl: string,
  fullName: string,
  pullNumber: number,
  review: FakeReview,
  index: number,
): Record<string, unknown> {
  return {
    id: idOf(`${fullName}#${pullNumber}/${index}`),
    node_id: `PRR_${index}`,
    user: simpleUser(baseUrl, review.reviewer),
    body: "",
    state: review.state,
    html_url: `https://github.example.test/${fullName}/pull/${pullNumber}#review-${index}`,
    pull_request_url: `${baseUrl}/repos/${fullName}/pulls/${pullNumber}`,
    submitted_at: review.submittedAt,
    commit_id: `sha-${pullNumber}`,
    author_association: "MEMBER",
  };
}
