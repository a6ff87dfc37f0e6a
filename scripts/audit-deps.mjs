// CI's dependency check: fails on a high or critical advisory in a production dependency
// that has a fix. When the registry's advisory service cannot be reached (a mirror without
// it, no network), it says so and passes: an outage is not a finding.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (report === undefined || report.error !== undefined || report.vulnerabilities === undefined) {
  const reason = report?.message || report?.error?.summary || "no answer";
  console.log(`dependency audit skipped: the advisory service did not answer (${reason})`);
  process.exit(0);
}
const serious = Object.values(report.vulnerabilities).filter(
  (v) => (v.severity === "high" || v.severity === "critical") && v.fixAvailable !== false,
);
for (const v of serious) {
  console.log(`${v.severity}: ${v.name} ${v.range} (fix: ${JSON.stringify(v.fixAvailable)})`);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`dependency audit: ${JSON.stringify(counts)}; ${serious.length} to fix now`);
process.exit(serious.length === 0 ? 0 : 1);
