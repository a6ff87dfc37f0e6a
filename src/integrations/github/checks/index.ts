// Every GitHub check, in the order `attest checks list` shows them.
import {
  adminsEnforced,
  deletionsBlocked,
  forcePushesBlocked,
  requiredStatusChecks,
} from "./branch-integrity.ts";
import {
  branchProtected,
  branchRequiresReview,
  lastPushApproval,
  staleApprovalsDismissed,
} from "./branch-review.ts";
import { outsideCollaboratorsNotAdmin } from "./collaborators.ts";
import type { GitHubCheck } from "./helpers.ts";
import {
  defaultPermissionRestricted,
  membersHaveTwoFactor,
  organizationRequiresTwoFactor,
} from "./organization.ts";
import {
  dependabotAlertsEnabled,
  secretPushProtection,
  secretScanningEnabled,
} from "./security-features.ts";
import { noOverdueCriticalAlerts, noOverdueHighAlerts } from "./vulnerabilities.ts";

export const githubChecks: readonly GitHubCheck[] = [
  organizationRequiresTwoFactor,
  membersHaveTwoFactor,
  defaultPermissionRestricted,
  branchProtected,
  branchRequiresReview,
  staleApprovalsDismissed,
  lastPushApproval,
  requiredStatusChecks,
  forcePushesBlocked,
  deletionsBlocked,
  adminsEnforced,
  outsideCollaboratorsNotAdmin,
  secretScanningEnabled,
  secretPushProtection,
  dependabotAlertsEnabled,
  noOverdueCriticalAlerts,
  noOverdueHighAlerts,
];
