import type { Selectable } from "kysely";
import type { CategoryId } from "../catalog/types.ts";
import type { OrgScope } from "../domain/actor.ts";
import type {
  ControlSample,
  Engagement,
  EngagementSample,
  EngagementSnapshot,
  EngagementStatus,
  EngagementType,
} from "../domain/engagement.ts";
import type {
  ControlTest,
  DesignConclusion,
  ItemResult,
  ItemResultValue,
  TestMethod,
} from "../domain/test-results.ts";
import {
  controlsPopulationSha256,
  normalizeControlSample,
  sampleDraws,
} from "../domain/sample-draws.ts";
import type { StoredControlSample } from "../domain/sample-draws.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { EngagementResultsTable, EngagementTestsTable, EngagementsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export function toControlTest(row: Selectable<EngagementTestsTable>): ControlTest {
  return {
    controlRef: row.control_ref,
    methods: fromDbJson<TestMethod[]>(row.methods),
    procedure: row.procedure,
    tester: row.tester,
    testerEmail: row.tester_email,
    enteredBy: row.entered_by,
    testedOn: row.tested_on,
    design: row.design as DesignConclusion | null,
    designNotes: row.design_notes,
  };
}

export function toItemResult(row: Selectable<EngagementResultsTable>): ItemResult {
  return {
    controlRef: row.control_ref,
    itemKey: row.item_key,
    result: row.result as ItemResultValue,
    description: row.description,
    recordedBy: row.recorded_by,
    recordedByEmail: row.recorded_by_email,
    enteredBy: row.entered_by,
    recordedAt: row.recorded_at,
    managementResponse: row.management_response,
    respondedBy: row.responded_by,
    respondedAt: row.responded_at,
  };
}

function toEngagement(row: Selectable<EngagementsTable>): Engagement {
  return {
    id: row.id,
    number: Number(row.number),
    type: Number(row.type) as EngagementType,
    asOf: row.as_of,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    categories: fromDbJson<CategoryId[]>(row.categories),
    auditFirm: row.audit_firm,
    firmTeam: fromDbJson<string[]>(row.firm_team),
    periodReason: row.short_period_reason,
    status: row.status as EngagementStatus,
    snapshot: row.snapshot === null ? null : fromDbJson<EngagementSnapshot>(row.snapshot),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

export async function nextEngagementNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("engagements")
    .select((eb) => eb.fn.max("number").as("highest"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

export async function insertEngagement(tx: Tx, scope: OrgScope, e: Engagement): Promise<void> {
  await tx
    .insertInto("engagements")
    .values({
      id: e.id,
      organization_id: scope.organizationId,
      number: e.number,
      type: e.type,
      as_of: e.asOf,
      period_from: e.periodFrom,
      period_to: e.periodTo,
      categories: toDbJson(e.categories),
      audit_firm: e.auditFirm,
      firm_team: toDbJson(e.firmTeam),
      short_period_reason: e.periodReason,
      status: e.status,
      snapshot: e.snapshot === null ? null : toDbJson(e.snapshot),
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      version: e.version,
    })
    .execute();
}

/** By number ("3" or "E-3") or by id. */
export async function findEngagement(
  tx: Tx,
  scope: OrgScope,
  handle: string,
): Promise<Engagement | undefined> {
  const number = /^(?:E-?)?(\d{1,9})$/i.exec(handle.trim())?.[1];
  const row = await tx
    .selectFrom("engagements")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where((eb) =>
      number === undefined ? eb("id", "=", handle.trim()) : eb("number", "=", Number(number)),
    )
    .executeTakeFirst();
  return row === undefined ? undefined : toEngagement(row);
}

export async function listEngagements(tx: Tx, scope: OrgScope): Promise<Engagement[]> {
  const rows = await tx
    .selectFrom("engagements")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number")
    .execute();
  return rows.map(toEngagement);
}

/** Saves status and snapshot if nobody changed the engagement since it was read. */
export async function saveEngagementState(
  tx: Tx,
  scope: OrgScope,
  e: Engagement,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable("engagements")
    .set({
      status: e.status,
      snapshot: e.snapshot === null ? null : toDbJson(e.snapshot),
      updated_at: at,
      version: e.version + 1,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", e.id)
    .where("version", "=", e.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function supersedeSamples(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("engagement_samples")
    .set({ superseded_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("superseded_at", "is", null)
    .execute();
}

export async function insertSample(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  sample: EngagementSample,
): Promise<void> {
  await supersedeSamples(tx, scope, engagementId, sample.drawnAt);
  await tx
    .insertInto("engagement_samples")
    .values({
      id: sample.id,
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      seed: sample.seed,
      drawn_by: sample.drawnBy,
      drawn_at: sample.drawnAt,
      redraw_reason: sample.redrawReason,
      superseded_at: null,
      data: toDbJson(sample.controls),
    })
    .execute();
}

export async function currentSample(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<EngagementSample | undefined> {
  const row = await tx
    .selectFrom("engagement_samples")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const controls = fromDbJson<StoredControlSample[]>(row.data).map((c) =>
    normalizeControlSample(c, row.drawn_at, row.drawn_by),
  );
  return {
    id: row.id,
    seed: row.seed,
    drawnAt: row.drawn_at,
    drawnBy: row.drawn_by,
    redrawReason: row.redraw_reason,
    populationSha256: controlsPopulationSha256(controls),
    draws: sampleDraws(controls),
    controls,
  };
}

/** An extension or a roll-forward rewrites the sample's controls; its results stay with it. */
export async function saveSampleControls(
  tx: Tx,
  scope: OrgScope,
  sampleId: string,
  controls: readonly ControlSample[],
): Promise<void> {
  await tx
    .updateTable("engagement_samples")
    .set({ data: toDbJson(controls) })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", sampleId)
    .execute();
}

export async function saveControlTest(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  test: ControlTest,
): Promise<void> {
  await tx
    .deleteFrom("engagement_tests")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .where("control_ref", "=", test.controlRef)
    .execute();
  await tx
    .insertInto("engagement_tests")
    .values({
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      control_ref: test.controlRef,
      methods: toDbJson(test.methods),
      procedure: test.procedure,
      tester: test.tester,
      tester_email: test.testerEmail,
      entered_by: test.enteredBy,
      tested_on: test.testedOn,
      design: test.design,
      design_notes: test.designNotes,
    })
    .execute();
}

export async function listControlTests(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<ControlTest[]> {
  const rows = await tx
    .selectFrom("engagement_tests")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .orderBy("control_ref")
    .execute();
  return rows.map(toControlTest);
}

export async function saveItemResult(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  sampleId: string,
  result: ItemResult,
): Promise<void> {
  await tx
    .deleteFrom("engagement_results")
    .where("organization_id", "=", scope.organizationId)
    .where("sample_id", "=", sampleId)
    .where("control_ref", "=", result.controlRef)
    .where("item_key", "=", result.itemKey)
    .execute();
  await tx
    .insertInto("engagement_results")
    .values({
      organization_id: scope.organizationId,
      engagement_id: engagementId,
      sample_id: sampleId,
      control_ref: result.controlRef,
      item_key: result.itemKey,
      result: result.result,
      description: result.description,
      recorded_by: result.recordedBy,
      recorded_by_email: result.recordedByEmail,
      entered_by: result.enteredBy,
      recorded_at: result.recordedAt,
      management_response: result.managementResponse,
      responded_by: result.respondedBy,
      responded_at: result.respondedAt,
    })
    .execute();
}

export async function listItemResults(
  tx: Tx,
  scope: OrgScope,
  sampleId: string,
): Promise<ItemResult[]> {
  const rows = await tx
    .selectFrom("engagement_results")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("sample_id", "=", sampleId)
    .orderBy("control_ref")
    .orderBy("item_key")
    .execute();
  return rows.map(toItemResult);
}

/**
 * Controls with an exception in the organization's previous Type 2 engagement (the latest one
 * numbered before this one that has a sample): their samples grow to the next size.
 */
export async function priorExceptionRefs(
  tx: Tx,
  scope: OrgScope,
  beforeNumber: number,
): Promise<Set<string>> {
  const prior = await tx
    .selectFrom("engagements")
    .innerJoin("engagement_samples", "engagement_samples.engagement_id", "engagements.id")
    .select(["engagement_samples.id as sampleId"])
    .where("engagements.organization_id", "=", scope.organizationId)
    .where("engagements.type", "=", 2)
    .where("engagements.number", "<", beforeNumber)
    .where("engagement_samples.superseded_at", "is", null)
    .orderBy("engagements.number", "desc")
    .limit(1)
    .executeTakeFirst();
  if (prior === undefined) return new Set();
  const rows = await tx
    .selectFrom("engagement_results")
    .select("control_ref")
    .distinct()
    .where("organization_id", "=", scope.organizationId)
    .where("sample_id", "=", prior.sampleId)
    .where("result", "=", "exception")
    .execute();
  return new Set(rows.map((row) => row.control_ref));
}

/** Control tests belong to a frozen scope: when the scope is discarded, so are they. */
export async function deleteControlTests(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
): Promise<number> {
  const result = await tx
    .deleteFrom("engagement_tests")
    .where("organization_id", "=", scope.organizationId)
    .where("engagement_id", "=", engagementId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
