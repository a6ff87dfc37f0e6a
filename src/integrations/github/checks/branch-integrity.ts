/**
 * What keeps a default branch's history trustworthy (CM-03, CM-04): status checks must pass,
 * history cannot be rewritten or deleted, and administrators are held to the same rules.
 */
import {
  branchOf,
  effectiveProtection,
  eachActiveRepository,
  fail,
  notApplicable,
  pass,
} from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

const PROTECTION_READS = [
  "GET /orgs/{org}/repos",
  "GET /repos/{owner}/{repo}/branches/{branch}/protection",
  "GET /repos/{owner}/{repo}/rules/branches/{branch}",
] as const;

export const requiredStatusChecks: GitHubCheck = {
  id: "github.required-status-checks",
  title: "Status checks must pass before merge",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-04", "CM-03"],
  criteria: ["CC8.1", "CC7.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => {
      const checks = effectiveProtection(repository).statusChecks;
      return checks.length > 0
        ? { passed: true, reason: `${branchOf(repository)} requires ${checks.join(", ")} to pass` }
        : { passed: false, reason: `${branchOf(repository)} requires no status check to pass` };
    }),
};

export const forcePushesBlocked: GitHubCheck = {
  id: "github.force-pushes-blocked",
  title: "Force pushes are blocked",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03"],
  criteria: ["CC8.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      effectiveProtection(repository).forcePushesBlocked
        ? { passed: true, reason: `${branchOf(repository)} blocks force pushes` }
        : { passed: false, reason: `${branchOf(repository)} allows force pushes` },
    ),
};

export const deletionsBlocked: GitHubCheck = {
  id: "github.deletions-blocked",
  title: "Branch deletion is blocked",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03"],
  criteria: ["CC8.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      effectiveProtection(repository).deletionsBlocked
        ? { passed: true, reason: `${branchOf(repository)} cannot be deleted` }
        : { passed: false, reason: `${branchOf(repository)} can be deleted` },
    ),
};

export const adminsEnforced: GitHubCheck = {
  id: "github.admins-enforced",
  title: "Branch protection applies to administrators",
  connector: "github",
  reads: PROTECTION_READS,
  controls: ["CM-03", "AC-07"],
  criteria: ["CC8.1", "CC6.3"],
  evaluate: (snapshot) =>
    snapshot.repositories.map((repository) => {
      const name = repository.fullName;
      if (repository.archived) {
        return notApplicable(name, name, `${name} is archived, so nothing can be pushed to it`);
      }
      const classic = repository.protection;
      if (classic) {
        return classic.enforceAdmins
          ? pass(name, name, `${branchOf(repository)}: protection applies to administrators too`)
          : fail(
              name,
              name,
              `${branchOf(repository)}: administrators can bypass branch protection`,
            );
      }
      if (repository.rules.length > 0) {
        // Who may bypass a ruleset is in the ruleset's bypass list, which needs admin rights to read.
        return notApplicable(
          name,
          name,
          `${branchOf(repository)} is protected by rulesets only; their bypass lists are not read`,
        );
      }
      return fail(
        name,
        name,
        `${branchOf(repository)} is not protected, for administrators or anyone`,
      );
    }),
};
