/**
 * A final report is served only as its audit trail proves it: the stored package must hash to
 * the SHA-256 its report.finalized event recorded. `audit-log verify` finds the same tampering
 * after the fact; this keeps an altered opinion from ever reaching a download in between.
 */
import { listAuditEvents } from "../../db/audit.repo.ts";
import type { ReportVersion } from "../../db/reports.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { AppError } from "../../domain/errors.ts";
import { isAction, recordedData } from "../../domain/reconcile.ts";
import type { ReportPackage } from "../../domain/report.ts";

export async function provenPackage(
  tx: Tx,
  scope: OrgScope,
  found: { version: ReportVersion; pkg: ReportPackage },
): Promise<ReportPackage> {
  const { version, pkg } = found;
  const events = await listAuditEvents(tx, scope, {
    targetType: "report",
    targetId: version.engagementId,
  });
  const recorded = events
    .filter((event) => isAction(event, "report.finalized"))
    .map((event) => recordedData(event, "report.finalized"))
    .find((data) => data.version === version.version);
  if (recorded === undefined || recorded.sha256 !== sha256Hex(canonicalJson(pkg))) {
    throw new AppError(
      "INVALID_STATE",
      `final version ${version.version} of this report does not match what its audit trail ` +
        "recorded when it was finalized, so it is not served; run `attest audit-log verify`",
    );
  }
  return pkg;
}
