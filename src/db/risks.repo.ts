/** All SQL of the risk register and its assessments; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { RiskCategory, RiskLevel, RiskTreatment } from "../catalog/risks/types.ts";
import type { OrgScope } from "../domain/actor.ts";
import { riskRef, riskScore } from "../domain/risk.ts";
import type { Participant, Risk } from "../domain/risk.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { RiskAssessmentsTable, RisksTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

function toRisk(row: Selectable<RisksTable>, controls: string[]): Risk {
  const number = Number(row.number);
  const level = (value: number) => Number(value) as RiskLevel;
  const likelihood = level(row.likelihood);
  const impact = level(row.impact);
  const residualLikelihood = level(row.residual_likelihood);
  const residualImpact = level(row.residual_impact);
  return {
    id: row.id,
    ref: riskRef(number),
    number,
    templateId: row.template_id,
    title: row.title,
    description: row.description,
    category: row.category as RiskCategory,
    owner: row.owner,
    likelihood,
    impact,
    inherentScore: riskScore(likelihood, impact),
    treatment: row.treatment as RiskTreatment,
    controls,
    residualLikelihood,
    residualImpact,
    residualScore: riskScore(residualLikelihood, residualImpact),
    reviewDate: row.review_date,
    acceptanceNote: row.acceptance_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Control refs per risk id, each list in ref order. */
async function controlRefsByRisk(
  tx: Tx,
  scope: OrgScope,
  riskIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byRisk = new Map<string, string[]>();
  if (riskIds.length === 0) return byRisk;
  const rows = await tx
    .selectFrom("risk_controls")
    .innerJoin("controls", "controls.id", "risk_controls.control_id")
    .select(["risk_controls.risk_id as risk_id", "controls.ref as ref"])
    .where("risk_controls.organization_id", "=", scope.organizationId)
    .where("risk_controls.risk_id", "in", [...riskIds])
    .execute();
  for (const row of rows) byRisk.set(row.risk_id, [...(byRisk.get(row.risk_id) ?? []), row.ref]);
  for (const refs of byRisk.values()) refs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return byRisk;
}

export async function listRisks(tx: Tx, scope: OrgScope): Promise<Risk[]> {
  const rows = await tx
    .selectFrom("risks")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number")
    .execute();
  const controls = await controlRefsByRisk(
    tx,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toRisk(row, controls.get(row.id) ?? []));
}

/** By number or by id. */
export async function findRisk(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<Risk | undefined> {
  let query = tx
    .selectFrom("risks")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query = "number" in key ? query.where("number", "=", key.number) : query.where("id", "=", key.id);
  const row = await query.executeTakeFirst();
  if (row === undefined) return undefined;
  const controls = await controlRefsByRisk(tx, scope, [row.id]);
  return toRisk(row, controls.get(row.id) ?? []);
}

export async function nextRiskNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("risks")
    .select((eb) => eb.fn.max("number").as("last"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertRisk(tx: Tx, scope: OrgScope, risk: Risk): Promise<void> {
  await tx
    .insertInto("risks")
    .values({
      id: risk.id,
      organization_id: scope.organizationId,
      number: risk.number,
      template_id: risk.templateId,
      title: risk.title,
      description: risk.description,
      category: risk.category,
      owner: risk.owner,
      likelihood: risk.likelihood,
      impact: risk.impact,
      treatment: risk.treatment,
      residual_likelihood: risk.residualLikelihood,
      residual_impact: risk.residualImpact,
      review_date: risk.reviewDate,
      acceptance_note: risk.acceptanceNote,
      created_at: risk.createdAt,
      updated_at: risk.updatedAt,
    })
    .execute();
}

/** Writes every field of the risk but its number and creation. */
export async function updateRiskRow(tx: Tx, scope: OrgScope, risk: Risk): Promise<void> {
  await tx
    .updateTable("risks")
    .set({
      title: risk.title,
      description: risk.description,
      category: risk.category,
      owner: risk.owner,
      likelihood: risk.likelihood,
      impact: risk.impact,
      treatment: risk.treatment,
      residual_likelihood: risk.residualLikelihood,
      residual_impact: risk.residualImpact,
      review_date: risk.reviewDate,
      acceptance_note: risk.acceptanceNote,
      updated_at: risk.updatedAt,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", risk.id)
    .execute();
}

/** Replaces the risk's controls with these control ids. */
export async function setRiskControls(
  tx: Tx,
  scope: OrgScope,
  riskId: string,
  controlIds: readonly string[],
): Promise<void> {
  await tx
    .deleteFrom("risk_controls")
    .where("organization_id", "=", scope.organizationId)
    .where("risk_id", "=", riskId)
    .execute();
  if (controlIds.length === 0) return;
  await tx
    .insertInto("risk_controls")
    .values(
      controlIds.map((controlId) => ({
        organization_id: scope.organizationId,
        risk_id: riskId,
        control_id: controlId,
      })),
    )
    .execute();
}

export interface StoredAssessment {
  id: string;
  ref: string;
  number: number;
  heldOn: string;
  participants: Participant[];
  /** Canonical JSON of the register as it was: the bytes `sha256` is over. */
  snapshot: string;
  sha256: string;
  evidenceId: string;
  recordedBy: string;
  createdAt: string;
}

function toAssessment(row: Selectable<RiskAssessmentsTable>): StoredAssessment {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: `RA-${number}`,
    number,
    heldOn: row.held_on,
    participants: fromDbJson<Participant[]>(row.participants),
    snapshot: row.snapshot,
    sha256: row.sha256,
    evidenceId: row.evidence_id,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

/** Newest first. */
export async function listAssessments(tx: Tx, scope: OrgScope): Promise<StoredAssessment[]> {
  const rows = await tx
    .selectFrom("risk_assessments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(toAssessment);
}

export async function findAssessment(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<StoredAssessment | undefined> {
  let query = tx
    .selectFrom("risk_assessments")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query = "number" in key ? query.where("number", "=", key.number) : query.where("id", "=", key.id);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toAssessment(row);
}

/** The newest held_on, or null. */
export async function lastAssessmentDate(tx: Tx, scope: OrgScope): Promise<string | null> {
  const row = await tx
    .selectFrom("risk_assessments")
    .select((eb) => eb.fn.max("held_on").as("last"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return row?.last ?? null;
}

export async function insertAssessment(
  tx: Tx,
  scope: OrgScope,
  assessment: StoredAssessment,
): Promise<void> {
  await tx
    .insertInto("risk_assessments")
    .values({
      id: assessment.id,
      organization_id: scope.organizationId,
      number: assessment.number,
      held_on: assessment.heldOn,
      participants: toDbJson(assessment.participants),
      snapshot: assessment.snapshot,
      sha256: assessment.sha256,
      evidence_id: assessment.evidenceId,
      recorded_by: assessment.recordedBy,
      created_at: assessment.createdAt,
    })
    .execute();
}
