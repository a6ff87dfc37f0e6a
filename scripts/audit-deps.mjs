// CI's dependency check: fails on a high or critical advisory in a production dependency
// that has a fix. When the registry's advisory service cannot be reached (a mirror without
// it, no network), it says so and passes: an outage is not a finding.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/**
 * What `npm audit --json` (report format 2) says, as a verdict: `unavailable` with the
 * service's reason, or the advisories to fix now (high or critical, with a fix).
 */
export function assess(report) {
  if (report === undefined || report.error !== undefined || report.vulnerabilities === undefined) {
    return { unavailable: report?.message || report?.error?.summary || "no answer" };
  }
  const serious = Object.values(report.vulnerabilities).filter(
    (v) => (v.severity === "high" || v.severity === "critical") && v.fixAvailable !== false,
  );
  return { serious, counts: report.metadata?.vulnerabilities ?? {} };
}

function main() {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const verdict = assess(report);
  if (verdict.unavailable !== undefined) {
    console.log(
      `dependency audit skipped: the advisory service did not answer (${verdict.unavailable})`,
    );
    return 0;
  }
  for (const v of verdict.serious) {
    console.log(`${v.severity}: ${v.name} ${v.range} (fix: ${JSON.stringify(v.fixAvailable)})`);
  }
  console.log(
    `dependency audit: ${JSON.stringify(verdict.counts)}; ${verdict.serious.length} to fix now`,
  );
  return verdict.serious.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exit(main());
