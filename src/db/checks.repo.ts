/** All SQL of check runs, their results and exceptions; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { ConnectorFailure } from "../domain/checks/check.ts";
import { exceptionRef } from "../domain/checks/outcome.ts";
import type {
  CheckException,
  CheckStatus,
  StoredResourceResult,
} from "../domain/checks/outcome.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { CheckExceptionsTable, CheckResultsTable, CheckRunsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export type RunOutcome = "ok" | ConnectorFailure;
export type RunTrigger = "schedule" | "manual";

export interface CheckRun {
  id: string;
  ref: string;
  number: number;
  connectorId: string;
  trigger: RunTrigger;
  startedBy: string;
  startedAt: string;
  finishedAt: string;
  outcome: RunOutcome;
  message: string | null;
  snapshotSha256: string | null;
  snapshotSize: number | null;
}

export interface CheckResult {
  id: string;
  runId: string;
  connectorId: string;
  checkId: string;
  status: CheckStatus;
  passing: number;
  failing: number;
  excepted: number;
  notApplicable: number;
  resources: StoredResourceResult[];
  evidenceId: string | null;
  recordedAt: string;
}

export function runRef(number: number): string {
  return `CR-${number}`;
}

/** A result as people name it: its run and its check ("CR-7:github.two-factor"). */
export function resultRef(run: string, checkId: string): string {
  return `${run}:${checkId}`;
}

function toRun(row: Selectable<CheckRunsTable>): CheckRun {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: runRef(number),
    number,
    connectorId: row.connector_id,
    trigger: row.trigger as RunTrigger,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as RunOutcome,
    message: row.message,
    snapshotSha256: row.snapshot_sha256,
    snapshotSize: row.snapshot_size === null ? null : Number(row.snapshot_size),
  };
}

function toResult(row: Selectable<CheckResultsTable>): CheckResult {
  return {
    id: row.id,
    runId: row.run_id,
    connectorId: row.connector_id,
    checkId: row.check_id,
    status: row.status as CheckStatus,
    passing: Number(row.passing),
    failing: Number(row.failing),
    excepted: Number(row.excepted),
    notApplicable: Number(row.not_applicable),
    resources: fromDbJson<StoredResourceResult[]>(row.resources),
    evidenceId: row.evidence_id,
    recordedAt: row.recorded_at,
  };
}

function toException(row: Selectable<CheckExceptionsTable>): CheckException {
  return {
    id: row.id,
    ref: exceptionRef(Number(row.number)),
    checkId: row.check_id,
    resourceId: row.resource_id,
    reason: row.reason,
    approver: row.approver,
    expiresOn: row.expires_on,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedBy: row.revoked_by,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
  };
}

export async function nextRunNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("check_runs")
    .select((eb) => eb.fn.max("number").as("top"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

export async function insertRun(tx: Tx, scope: OrgScope, run: CheckRun): Promise<void> {
  await tx
    .insertInto("check_runs")
    .values({
      id: run.id,
      organization_id: scope.organizationId,
      number: run.number,
      connector_id: run.connectorId,
      trigger: run.trigger,
      started_by: run.startedBy,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      outcome: run.outcome,
      message: run.message,
      snapshot_sha256: run.snapshotSha256,
      snapshot_size: run.snapshotSize,
    })
    .execute();
}

/** Rows per insert: 13 columns each stays far under PostgreSQL's parameter limit. */
const INSERT_BATCH = 500;

export async function insertResults(
  tx: Tx,
  scope: OrgScope,
  results: readonly CheckResult[],
): Promise<void> {
  for (let i = 0; i < results.length; i += INSERT_BATCH) {
    await tx
      .insertInto("check_results")
      .values(
        results.slice(i, i + INSERT_BATCH).map((r) => ({
          id: r.id,
          organization_id: scope.organizationId,
          run_id: r.runId,
          connector_id: r.connectorId,
          check_id: r.checkId,
          status: r.status,
          passing: r.passing,
          failing: r.failing,
          excepted: r.excepted,
          not_applicable: r.notApplicable,
          resources: toDbJson(r.resources),
          evidence_id: r.evidenceId,
          recorded_at: r.recordedAt,
        })),
      )
      .execute();
  }
}

export async function findRun(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<CheckRun | undefined> {
  let query = tx
    .selectFrom("check_runs")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query = "number" in key ? query.where("number", "=", key.number) : query.where("id", "=", key.id);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toRun(row);
}

/** Runs by id, in one statement (none asked, none read). */
export async function findRunsById(
  tx: Tx,
  scope: OrgScope,
  ids: readonly string[],
): Promise<Map<string, CheckRun>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom("check_runs")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toRun(row)]));
}

/** The latest runs, newest first (of one connector when given). */
export async function listRuns(
  tx: Tx,
  scope: OrgScope,
  options: { connectorId?: string; limit: number },
): Promise<CheckRun[]> {
  let query = tx
    .selectFrom("check_runs")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (options.connectorId !== undefined) {
    query = query.where("connector_id", "=", options.connectorId);
  }
  const rows = await query.orderBy("number", "desc").limit(options.limit).execute();
  return rows.map(toRun);
}

export async function listRunResults(
  tx: Tx,
  scope: OrgScope,
  runId: string,
): Promise<CheckResult[]> {
  const rows = await tx
    .selectFrom("check_results")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("run_id", "=", runId)
    .orderBy("check_id")
    .execute();
  return rows.map(toResult);
}

/**
 * The latest result of each check of each connector in use: what the checks page, readiness
 * and tasks read. One query for the newest successful run per connector, one for its results.
 */
export async function latestResults(tx: Tx, scope: OrgScope): Promise<CheckResult[]> {
  const runs = await tx
    .selectFrom("check_runs as r")
    .innerJoin("connectors as c", "c.id", "r.connector_id")
    .select(["r.connector_id", (eb) => eb.fn.max("r.number").as("top")])
    .where("r.organization_id", "=", scope.organizationId)
    .where("r.outcome", "=", "ok")
    .where("c.removed_at", "is", null)
    .groupBy("r.connector_id")
    .execute();
  if (runs.length === 0) return [];
  const rows = await tx
    .selectFrom("check_results as cr")
    .innerJoin("check_runs as r", "r.id", "cr.run_id")
    .selectAll("cr")
    .where("cr.organization_id", "=", scope.organizationId)
    .where(
      "r.number",
      "in",
      runs.map((r) => Number(r.top)),
    )
    .where("r.organization_id", "=", scope.organizationId)
    .orderBy("cr.check_id")
    .execute();
  return rows.map(toResult);
}

/** The day each check of a connector last filed evidence (for the once-a-day rule). */
export async function lastEvidenceAt(
  tx: Tx,
  scope: OrgScope,
  connectorId: string,
): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom("check_results")
    .select(["check_id", (eb) => eb.fn.max("recorded_at").as("last")])
    .where("organization_id", "=", scope.organizationId)
    .where("connector_id", "=", connectorId)
    .where("evidence_id", "is not", null)
    .groupBy("check_id")
    .execute();
  return new Map(rows.map((r) => [r.check_id, String(r.last)]));
}

export async function listExceptions(tx: Tx, scope: OrgScope): Promise<CheckException[]> {
  const rows = await tx
    .selectFrom("check_exceptions")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number")
    .execute();
  return rows.map(toException);
}

export async function nextExceptionNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("check_exceptions")
    .select((eb) => eb.fn.max("number").as("top"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

export async function insertException(
  tx: Tx,
  scope: OrgScope,
  number: number,
  e: CheckException,
): Promise<void> {
  await tx
    .insertInto("check_exceptions")
    .values({
      id: e.id,
      organization_id: scope.organizationId,
      number,
      check_id: e.checkId,
      resource_id: e.resourceId,
      reason: e.reason,
      approver: e.approver,
      expires_on: e.expiresOn,
      created_by: e.createdBy,
      created_at: e.createdAt,
      revoked_by: null,
      revoked_at: null,
      revoked_reason: null,
    })
    .execute();
}

export async function revokeException(
  tx: Tx,
  scope: OrgScope,
  id: string,
  revoked: { by: string; at: string; reason: string },
): Promise<void> {
  await tx
    .updateTable("check_exceptions")
    .set({ revoked_by: revoked.by, revoked_at: revoked.at, revoked_reason: revoked.reason })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .execute();
}
