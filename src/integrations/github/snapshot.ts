/**
 * The GitHub snapshot: what the connector read from the REST API, reduced to the fields the
 * checks use. It is plain JSON so it can be stored content-addressed and replayed offline;
 * everything a check compares against (the remediation windows, the collection date) is in it.
 */

/**
 * A member of the organization and whether GitHub lists them under `filter=2fa_disabled`; null
 * when the token's owner is not an organization owner (GitHub answers that filter to owners only).
 */
export interface GitHubMember {
  login: string;
  twoFactorDisabled: boolean | null;
}

/** Classic branch protection of a default branch (GET …/branches/{branch}/protection). */
export interface GitHubBranchProtection {
  /** Null when the protection asks for no pull request review at all. */
  pullRequestReviews: {
    requiredApprovingReviewCount: number;
    dismissStaleReviews: boolean;
    requireLastPushApproval: boolean;
  } | null;
  /** Null when no status check is required; otherwise the contexts that must pass. */
  requiredStatusChecks: string[] | null;
  enforceAdmins: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
}

/** One active rule that applies to the default branch (GET …/rules/branches/{branch}). */
export type GitHubBranchRule =
  | {
      type: "pull_request";
      requiredApprovingReviewCount: number;
      dismissStaleReviewsOnPush: boolean;
      requireLastPushApproval: boolean;
    }
  | { type: "required_status_checks"; contexts: string[] }
  | { type: "non_fast_forward" }
  | { type: "deletion" }
  /** Rules no check reads (linear history, signatures…), kept by name so the snapshot is honest. */
  | { type: "other"; name: string };

export interface GitHubDependabotAlert {
  number: number;
  severity: "low" | "medium" | "high" | "critical";
  /** ISO timestamp the alert was opened. */
  createdAt: string;
  packageName: string;
  summary: string;
}

export interface GitHubOutsideCollaborator {
  login: string;
  admin: boolean;
}

/** A feature state from `security_and_analysis`; null when the token may not see it. */
export type GitHubFeatureStatus = "enabled" | "disabled" | null;

export interface GitHubRepository {
  /** "owner/name", the resource id of every repository check. */
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  protection: GitHubBranchProtection | null;
  rules: GitHubBranchRule[];
  secretScanning: GitHubFeatureStatus;
  secretScanningPushProtection: GitHubFeatureStatus;
  dependabotAlertsEnabled: boolean;
  /** Open alerts; empty when Dependabot alerts are off (nothing can be read then). */
  openDependabotAlerts: GitHubDependabotAlert[];
  outsideCollaborators: GitHubOutsideCollaborator[];
}

export interface GitHubSnapshot {
  /** ISO timestamp of the collection: the "now" alert ages are measured against. */
  collectedAt: string;
  apiUrl: string;
  organization: {
    login: string;
    /** Null when the token may not see it (only owners see this field). */
    twoFactorRequirementEnabled: boolean | null;
    /** "read", "write", "admin" or "none"; null when not visible to the token. */
    defaultRepositoryPermission: string | null;
  };
  members: GitHubMember[];
  repositories: GitHubRepository[];
  /** Days an open alert of that severity may stay open, copied from the settings. */
  remediationDays: { critical: number; high: number };
}
