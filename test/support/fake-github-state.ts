/**
 * The mutable state behind the fake GitHub API (test/support/fake-github.ts), and builders for a
 * compliant organization. Tests change one thing (a branch's protection, a member's 2FA) and read
 * the connector's answer; the server renders the state into GitHub's documented JSON shapes.
 */

export interface FakeMember {
  login: string;
  twoFactorEnabled: boolean;
}

/** Classic branch protection as a test sets it; rendered into GitHub's protection object. */
export interface FakeProtection {
  requiredPullRequestReviews: {
    requiredApprovingReviewCount: number;
    dismissStaleReviews: boolean;
    requireLastPushApproval: boolean;
  } | null;
  requiredStatusChecks: string[] | null;
  enforceAdmins: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
}

/** A ruleset rule as GET /repos/{owner}/{repo}/rules/branches/{branch} lists it. */
export interface FakeRule {
  type: string;
  parameters?: Record<string, unknown>;
}

export interface FakeDependabotAlert {
  number: number;
  state: "open" | "dismissed" | "fixed" | "auto_dismissed";
  severity: "low" | "medium" | "high" | "critical";
  packageName: string;
  summary: string;
  createdAt: string;
}

export interface FakeCollaborator {
  login: string;
  admin: boolean;
}

export interface FakeReview {
  reviewer: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  submittedAt: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  reviews: FakeReview[];
}

export interface FakeRepository {
  name: string;
  defaultBranch: string;
  archived: boolean;
  private: boolean;
  /** Null renders no `security_and_analysis` at all, as for a token without admin rights. */
  securityAndAnalysis: {
    secretScanning: "enabled" | "disabled";
    secretScanningPushProtection: "enabled" | "disabled";
  } | null;
  protection: FakeProtection | null;
  rules: FakeRule[];
  vulnerabilityAlerts: boolean;
  dependabotAlerts: FakeDependabotAlert[];
  outsideCollaborators: FakeCollaborator[];
  pulls: FakePullRequest[];
}

/** A failure the server answers instead of the real answer, to every path containing `path`. */
export type FakeFailure =
  | {
      kind: "status";
      status: number;
      headers?: Record<string, string>;
      body?: unknown;
      path?: string;
    }
  /** Accepts the request and never answers. */
  | { kind: "hang"; path?: string }
  /** Answers 200 with a JSON content type and a body that is not JSON. */
  | { kind: "malformed"; path?: string };

export interface FakeGitHubState {
  /** The only token the server accepts; anything else is answered 401 "Bad credentials". */
  token: string;
  /**
   * Whether the token's owner is an organization owner. GitHub shows the two-factor requirement,
   * the base permission and the `2fa_disabled` filter to owners only.
   */
  tokenIsOwner: boolean;
  organization: {
    login: string;
    /** Undefined leaves the field out, as GitHub does for a token that is not an owner's. */
    twoFactorRequirementEnabled: boolean | undefined;
    defaultRepositoryPermission: "read" | "write" | "admin" | "none" | undefined;
  };
  members: FakeMember[];
  repositories: FakeRepository[];
  /** Caps per_page, so small fixtures still span several pages. */
  maxPerPage: number;
  /** Primary rate limit: requests left; at 0 the server answers 403 with x-ratelimit-remaining 0. */
  rateLimitRemaining: number;
  failure: FakeFailure | null;
  /** Every request received, as "GET /orgs/acme/members?per_page=100". */
  requests: string[];
}

export function compliantProtection(): FakeProtection {
  return {
    requiredPullRequestReviews: {
      requiredApprovingReviewCount: 1,
      dismissStaleReviews: true,
      requireLastPushApproval: true,
    },
    requiredStatusChecks: ["ci/test"],
    enforceAdmins: true,
    allowForcePushes: false,
    allowDeletions: false,
  };
}

export function compliantRepository(name: string): FakeRepository {
  return {
    name,
    defaultBranch: "main",
    archived: false,
    private: true,
    securityAndAnalysis: { secretScanning: "enabled", secretScanningPushProtection: "enabled" },
    protection: compliantProtection(),
    rules: [],
    vulnerabilityAlerts: true,
    dependabotAlerts: [],
    outsideCollaborators: [],
    pulls: [],
  };
}

/** Organization "acme" with two members and two repositories, every check passing. */
export function compliantState(): FakeGitHubState {
  return {
    token: "github_pat_test_token",
    tokenIsOwner: true,
    organization: {
      login: "acme",
      twoFactorRequirementEnabled: true,
      defaultRepositoryPermission: "read",
    },
    members: [
      { login: "alice", twoFactorEnabled: true },
      { login: "bob", twoFactorEnabled: true },
    ],
    repositories: [compliantRepository("api"), compliantRepository("web")],
    maxPerPage: 100,
    rateLimitRemaining: 5000,
    failure: null,
    requests: [],
  };
}
