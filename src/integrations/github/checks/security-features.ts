/**
 * Repository security features: secret scanning and its push protection (AC-09, secrets), and
 * Dependabot alerts (OP-03, vulnerability scanning).
 */
import type { GitHubFeatureStatus } from "../snapshot.ts";
import { eachActiveRepository } from "./helpers.ts";
import type { GitHubCheck } from "./helpers.ts";

function featureVerdict(
  fullName: string,
  feature: string,
  status: GitHubFeatureStatus,
): { passed: boolean; reason: string } {
  if (status === "enabled") return { passed: true, reason: `${fullName}: ${feature} is on` };
  if (status === "disabled") return { passed: false, reason: `${fullName}: ${feature} is off` };
  return {
    passed: false,
    reason: `${fullName}: the token cannot see whether ${feature} is on (it needs administration read access)`,
  };
}

export const secretScanningEnabled: GitHubCheck = {
  id: "github.secret-scanning-enabled",
  title: "Secret scanning is on",
  connector: "github",
  reads: ["GET /orgs/{org}/repos"],
  controls: ["AC-09"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      featureVerdict(repository.fullName, "secret scanning", repository.secretScanning),
    ),
};

export const secretPushProtection: GitHubCheck = {
  id: "github.secret-push-protection",
  title: "Pushes containing secrets are blocked",
  connector: "github",
  reads: ["GET /orgs/{org}/repos"],
  controls: ["AC-09"],
  criteria: ["CC6.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      featureVerdict(
        repository.fullName,
        "secret scanning push protection",
        repository.secretScanningPushProtection,
      ),
    ),
};

export const dependabotAlertsEnabled: GitHubCheck = {
  id: "github.dependabot-alerts-enabled",
  title: "Dependabot alerts are on",
  connector: "github",
  reads: ["GET /repos/{owner}/{repo}/vulnerability-alerts"],
  controls: ["OP-03"],
  criteria: ["CC7.1"],
  evaluate: (snapshot) =>
    eachActiveRepository(snapshot, (repository) =>
      repository.dependabotAlertsEnabled
        ? { passed: true, reason: `${repository.fullName}: Dependabot alerts are on` }
        : { passed: false, reason: `${repository.fullName}: Dependabot alerts are off` },
    ),
};
