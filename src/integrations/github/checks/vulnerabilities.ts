/**
 * Open Dependabot alerts past their remediation window (OP-03). The window per severity and the
 * moment of collection are in the snapshot, so the evaluation needs no clock.
 */
import type { GitHubRepository, GitHubSnapshot } from "../snapshot.ts";
import { eachActiveRepository } from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function overdueVerdict(
  snapshot: GitHubSnapshot,
  repository: GitHubRepository,
  severity: "critical" | "high",
): { passed: boolean; reason: string } {
  const name = repository.fullName;
  if (!repository.dependabotAlertsEnabled) {
    return {
      passed: false,
      reason: `${name}: Dependabot alerts are off, so open alerts cannot be read`,
    };
  }
  const windowDays = snapshot.remediationDays[severity];
  const collectedAt = Date.parse(snapshot.collectedAt);
  const overdue = repository.openDependabotAlerts.filter(
    (alert) =>
      alert.severity === severity &&
      collectedAt - Date.parse(alert.createdAt) > windowDays * DAY_MS,
  );
  if (overdue.length === 0) {
    return {
      passed: true,
      reason: `${name}: no ${severity} alert open longer than ${windowDays} days`,
    };
  }
  const listed = overdue
    .map(
      (alert) => `#${alert.number} ${alert.packageName} (opened ${alert.createdAt.slice(0, 10)})`,
    )
    .join(", ");
  return {
    passed: false,
    reason: `${name}: ${overdue.length} ${severity} alert${overdue.length === 1 ? "" : "s"} open longer than ${windowDays} days: ${listed}`,
  };
}

const ALERT_READS = [
  "GET /repos/{owner}/{repo}/vulnerability-alerts",
  "GET /repos/{owner}/{repo}/dependabot/alerts?state=open",
] as const;

export const noOverdueCriticalAlerts: GitHubCheck = {
  id: "github.no-overdue-critical-alerts",
  title: "No critical Dependabot alert open past its remediation window",
  connector: "github",
  reads: ALERT_READS,
  controls: ["OP-03"],
  criteria: ["CC7.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      overdueVerdict(snapshot, repository, "critical"),
    ),
};

export const noOverdueHighAlerts: GitHubCheck = {
  id: "github.no-overdue-high-alerts",
  title: "No high-severity Dependabot alert open past its remediation window",
  connector: "github",
  reads: ALERT_READS,
  controls: ["OP-03"],
  criteria: ["CC7.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) => overdueVerdict(snapshot, repository, "high")),
};
