/**
 * A check's result as automated evidence on the controls it supports. Hourly runs would
 * flood the store, so a result is filed when the check's status changed since its last
 * result, and otherwise at most once a day; each names the check, the run, the snapshot's
 * hash and the per-resource results.
 */
import type { StoredConnector } from "../../db/connectors.repo.ts";
import { connectorRef } from "../../db/connectors.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import type { CheckOutcome, CheckStatus } from "../../domain/checks/outcome.ts";
import type { RegisteredCheck } from "../../integrations/checks.ts";
import { prepareContent, recordGeneratedEvidence } from "../program/evidence.service.ts";
import type { ServiceContext } from "../platform/context.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Resources listed in one evidence record; the rest are counted (a record has a size limit). */
export const EVIDENCE_RESOURCES = 2000;

/** Whether this result is filed: a changed status, a first result, or a day since the last. */
export function fileEvidence(
  status: CheckStatus,
  previous: CheckStatus | null,
  lastFiledAt: string | null,
  now: Date,
): boolean {
  if (previous === null || previous !== status) return true;
  return lastFiledAt === null || now.getTime() - Date.parse(lastFiledAt) >= DAY_MS;
}

export interface CheckEvidenceInput {
  check: RegisteredCheck;
  connector: StoredConnector;
  run: string;
  snapshotSha256: string;
  outcome: CheckOutcome;
  /** Today in the organization's time zone: the day the evidence is for. */
  today: string;
}

function recordOf(input: CheckEvidenceInput) {
  const { check, connector, outcome } = input;
  // Failing resources first, so a cut list never hides one.
  const ordered = [
    ...outcome.resources.filter((r) => r.status === "fail"),
    ...outcome.resources.filter((r) => r.status !== "fail"),
  ];
  return {
    kind: "automated-check",
    data: {
      check: {
        id: check.id,
        title: check.title,
        reads: check.reads,
        controls: check.controls,
        criteria: check.criteria,
      },
      connector: {
        ref: connectorRef(connector.number),
        name: connector.name,
        kind: connector.kind,
      },
      run: input.run,
      snapshotSha256: input.snapshotSha256,
      status: outcome.status,
      counts: {
        passing: outcome.passing,
        failing: outcome.failing,
        excepted: outcome.excepted,
        notApplicable: outcome.notApplicable,
      },
      resources: ordered.slice(0, EVIDENCE_RESOURCES),
      resourcesNotListed: Math.max(0, ordered.length - EVIDENCE_RESOURCES),
    },
  };
}

/** Files the evidence in the run's transaction; null when none of its controls is adopted. */
export async function recordCheckEvidence(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  adopted: ReadonlySet<string>,
  input: CheckEvidenceInput,
  at: Date,
): Promise<string | null> {
  const controls = input.check.controls.filter((ref) => adopted.has(ref));
  if (controls.length === 0) return null;
  const { outcome } = input;
  const prepared = await prepareContent(ctx, { kind: "record", record: recordOf(input) });
  const counts =
    outcome.status === "fail"
      ? `${outcome.failing} failing`
      : `${outcome.passing} passing` +
        (outcome.excepted > 0 ? `, ${outcome.excepted} excepted` : "");
  const item = await recordGeneratedEvidence(
    tx,
    actor,
    `Check ${input.check.id} on ${input.connector.name} (${input.run}): ${outcome.status}, ${counts}`,
    prepared,
    input.today,
    controls,
    at,
  );
  return item.id;
}
