/** All SQL of findings and their imports; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { findingImportRef, findingRef } from "../domain/findings/finding.ts";
import type {
  Finding,
  FindingSeverity,
  FindingSource,
  FindingStatus,
  FindingTriage,
  TriageDecision,
} from "../domain/findings/finding.ts";
import { fromDbJson } from "./portable.ts";
import type { FindingImportsTable, FindingsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/** Rows per insert: 23 columns each stays well under PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;
/** Ids per `in (…)` list. */
const ID_BATCH = 5000;

export interface FindingImportCounts {
  /** Results the file held (after removing repeats within it). */
  results: number;
  created: number;
  seenAgain: number;
  /** Closed as remediated before, reported again: open once more. */
  reopened: number;
  /** Open, and passed in this scan (Prowler): closed as remediated. */
  closed: number;
}

export interface FindingImport {
  id: string;
  ref: string;
  number: number;
  source: FindingSource;
  fileName: string;
  sha256: string;
  counts: FindingImportCounts;
  importedBy: string;
  importedAt: string;
}

function toImport(row: Selectable<FindingImportsTable>): FindingImport {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: findingImportRef(number),
    number,
    source: row.source as FindingSource,
    fileName: row.file_name,
    sha256: row.sha256,
    counts: fromDbJson<FindingImportCounts>(row.counts),
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

type FindingRow = Omit<Selectable<FindingsTable>, "detail">;

function toFinding(row: FindingRow, importNumber: number): Finding {
  const number = Number(row.number);
  const triage: FindingTriage | null =
    row.triage_decision === null
      ? null
      : {
          decision: row.triage_decision as TriageDecision,
          reason: row.triage_reason ?? "",
          by: row.triaged_by ?? "",
          at: row.triaged_at ?? "",
        };
  return {
    id: row.id,
    ref: findingRef(number),
    number,
    source: row.source as FindingSource,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    ruleTitle: row.rule_title,
    severity: row.severity as FindingSeverity,
    resource: row.resource,
    location: row.location,
    message: row.message,
    tool: row.tool,
    occurredAt: row.occurred_at,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    dueOn: row.due_on,
    status: row.status as FindingStatus,
    triage,
    lastImport: findingImportRef(importNumber),
  };
}

const FINDING_COLUMNS = [
  "findings.id",
  "findings.organization_id",
  "findings.number",
  "findings.source",
  "findings.fingerprint",
  "findings.rule_id",
  "findings.rule_title",
  "findings.severity",
  "findings.resource",
  "findings.location",
  "findings.message",
  "findings.tool",
  "findings.occurred_at",
  "findings.first_seen_at",
  "findings.last_seen_at",
  "findings.due_on",
  "findings.status",
  "findings.triage_decision",
  "findings.triage_reason",
  "findings.triaged_by",
  "findings.triaged_at",
  "findings.last_import_id",
] as const;

function findingsQuery(tx: Tx, scope: OrgScope) {
  return tx
    .selectFrom("findings")
    .innerJoin("finding_imports", "finding_imports.id", "findings.last_import_id")
    .select([...FINDING_COLUMNS, "finding_imports.number as import_number"])
    .where("findings.organization_id", "=", scope.organizationId);
}

export interface FindingFilter {
  source?: FindingSource | undefined;
  status?: FindingStatus | undefined;
  severity?: FindingSeverity | undefined;
}

/** Newest first; without the raw detail, which only one finding's page shows. */
export async function listFindings(
  tx: Tx,
  scope: OrgScope,
  filter: FindingFilter = {},
): Promise<Finding[]> {
  let query = findingsQuery(tx, scope);
  if (filter.source !== undefined) query = query.where("findings.source", "=", filter.source);
  if (filter.status !== undefined) query = query.where("findings.status", "=", filter.status);
  if (filter.severity !== undefined) query = query.where("findings.severity", "=", filter.severity);
  const rows = await query.orderBy("findings.number", "desc").execute();
  return rows.map((row) => toFinding(row, Number(row.import_number)));
}

export async function findFinding(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<{ finding: Finding; detail: unknown } | undefined> {
  const row = await findingsQuery(tx, scope)
    .select("findings.detail")
    .where((eb) =>
      "id" in key ? eb("findings.id", "=", key.id) : eb("findings.number", "=", key.number),
    )
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { finding: toFinding(row, Number(row.import_number)), detail: fromDbJson(row.detail) };
}

/** What matching a new file against the stored findings needs to know, by fingerprint. */
export interface StoredFingerprint {
  id: string;
  number: number;
  status: FindingStatus;
  decision: TriageDecision | null;
}

export async function fingerprintsOf(
  tx: Tx,
  scope: OrgScope,
  source: FindingSource,
): Promise<Map<string, StoredFingerprint>> {
  const rows = await tx
    .selectFrom("findings")
    .select(["id", "number", "fingerprint", "status", "triage_decision"])
    .where("organization_id", "=", scope.organizationId)
    .where("source", "=", source)
    .execute();
  return new Map(
    rows.map((r) => [
      r.fingerprint,
      {
        id: r.id,
        number: Number(r.number),
        status: r.status as FindingStatus,
        decision: r.triage_decision as TriageDecision | null,
      },
    ]),
  );
}

export async function nextNumbers(
  tx: Tx,
  scope: OrgScope,
): Promise<{ finding: number; findingImport: number }> {
  const [finding, findingImport] = await Promise.all([
    tx
      .selectFrom("findings")
      .select((eb) => eb.fn.max("number").as("max"))
      .where("organization_id", "=", scope.organizationId)
      .executeTakeFirst(),
    tx
      .selectFrom("finding_imports")
      .select((eb) => eb.fn.max("number").as("max"))
      .where("organization_id", "=", scope.organizationId)
      .executeTakeFirst(),
  ]);
  return {
    finding: Number(finding?.max ?? 0) + 1,
    findingImport: Number(findingImport?.max ?? 0) + 1,
  };
}

export async function insertFindingImport(
  tx: Tx,
  scope: OrgScope,
  row: Omit<FindingImportsTable, "organization_id">,
): Promise<void> {
  await tx
    .insertInto("finding_imports")
    .values({ ...row, organization_id: scope.organizationId })
    .execute();
}

export async function insertFindings(
  tx: Tx,
  scope: OrgScope,
  rows: readonly Omit<FindingsTable, "organization_id">[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await tx
      .insertInto("findings")
      .values(
        rows
          .slice(start, start + INSERT_BATCH)
          .map((row) => ({ ...row, organization_id: scope.organizationId })),
      )
      .execute();
  }
}

async function inBatches(
  ids: readonly string[],
  work: (batch: string[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    await work(ids.slice(start, start + ID_BATCH));
  }
}

/** Seen again in an import: its last sighting and last import move on. */
export async function markSeen(
  tx: Tx,
  scope: OrgScope,
  ids: readonly string[],
  at: string,
  importId: string,
): Promise<void> {
  await inBatches(ids, (batch) =>
    tx
      .updateTable("findings")
      .set({ last_seen_at: at, last_import_id: importId })
      .where("organization_id", "=", scope.organizationId)
      .where("id", "in", batch)
      .execute(),
  );
}

/** Reported again after it was remediated: open, untriaged, due again from today. */
export async function reopenFindings(
  tx: Tx,
  scope: OrgScope,
  reopened: readonly { id: string; dueOn: string | null }[],
): Promise<void> {
  const byDue = new Map<string | null, string[]>();
  for (const r of reopened) byDue.set(r.dueOn, [...(byDue.get(r.dueOn) ?? []), r.id]);
  for (const [dueOn, ids] of byDue) {
    await inBatches(ids, (batch) =>
      tx
        .updateTable("findings")
        .set({
          status: "open",
          due_on: dueOn,
          triage_decision: null,
          triage_reason: null,
          triaged_by: null,
          triaged_at: null,
        })
        .where("organization_id", "=", scope.organizationId)
        .where("id", "in", batch)
        .execute(),
    );
  }
}

export async function closeFindings(
  tx: Tx,
  scope: OrgScope,
  ids: readonly string[],
  triage: FindingTriage,
): Promise<void> {
  await inBatches(ids, (batch) =>
    tx
      .updateTable("findings")
      .set({
        status: "closed",
        triage_decision: triage.decision,
        triage_reason: triage.reason,
        triaged_by: triage.by,
        triaged_at: triage.at,
      })
      .where("organization_id", "=", scope.organizationId)
      .where("id", "in", batch)
      .execute(),
  );
}

export async function listFindingImports(tx: Tx, scope: OrgScope): Promise<FindingImport[]> {
  const rows = await tx
    .selectFrom("finding_imports")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(toImport);
}

/** Open findings past their due day, by source: what readiness and tasks count. */
export async function overdueFindings(tx: Tx, scope: OrgScope, today: string): Promise<Finding[]> {
  const rows = await findingsQuery(tx, scope)
    .where("findings.status", "=", "open")
    .where("findings.due_on", "<", today)
    .orderBy("findings.due_on")
    .execute();
  return rows.map((row) => toFinding(row, Number(row.import_number)));
}

/** Whether the organization has imported anything of a source: no signal without data. */
export async function importedSources(tx: Tx, scope: OrgScope): Promise<Set<FindingSource>> {
  const rows = await tx
    .selectFrom("finding_imports")
    .select("source")
    .distinct()
    .where("organization_id", "=", scope.organizationId)
    .execute();
  return new Set(rows.map((r) => r.source as FindingSource));
}

export interface OpenFindingSummary {
  source: FindingSource;
  open: number;
  overdue: number;
  /** The earliest due day among the open findings, or null when none has one. */
  earliestDue: string | null;
}

/** Open findings counted per source, in one query: what the tasks list needs. */
export async function openFindingSummary(
  tx: Tx,
  scope: OrgScope,
  today: string,
): Promise<OpenFindingSummary[]> {
  const rows = await tx
    .selectFrom("findings")
    .select((eb) => [
      "source",
      eb.fn.countAll().as("open"),
      eb.fn.min("due_on").as("earliest"),
      eb.fn.sum(eb.case().when("due_on", "<", today).then(1).else(0).end()).as("overdue"),
    ])
    .where("organization_id", "=", scope.organizationId)
    .where("status", "=", "open")
    .groupBy("source")
    .execute();
  return rows.map((r) => ({
    source: r.source as FindingSource,
    open: Number(r.open),
    overdue: Number(r.overdue ?? 0),
    earliestDue: r.earliest ?? null,
  }));
}
