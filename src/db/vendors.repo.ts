/** All SQL of the vendor inventory, its reports, CUECs and reviews; scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { cuecRef, reportRef, reviewRef, vendorRef } from "../domain/vendor.ts";
import type {
  Cuec,
  DataCategory,
  ReliedControl,
  ReportOpinion,
  ReviewItemId,
  ReviewOutcome,
  SubserviceKind,
  Vendor,
  VendorReport,
  VendorReportType,
  VendorReview,
  VendorTier,
} from "../domain/vendor.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { VendorReportsTable, VendorReviewsTable, VendorsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

function toVendor(row: Selectable<VendorsTable>): Vendor {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: vendorRef(number),
    number,
    name: row.name,
    service: row.service,
    dataShared: fromDbJson<DataCategory[]>(row.data_shared),
    tier: Number(row.tier) as VendorTier,
    owner: row.owner,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    subservice: row.subservice as SubserviceKind | null,
    reliedControls: fromDbJson<ReliedControl[]>(row.relied_controls),
    website: row.website,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listVendors(tx: Tx, scope: OrgScope): Promise<Vendor[]> {
  const rows = await tx
    .selectFrom("vendors")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number")
    .execute();
  return rows.map(toVendor);
}

export async function findVendor(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string } | { name: string },
): Promise<Vendor | undefined> {
  let query = tx
    .selectFrom("vendors")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query =
    "number" in key
      ? query.where("number", "=", key.number)
      : "id" in key
        ? query.where("id", "=", key.id)
        : query.where((eb) => eb(eb.fn("lower", ["name"]), "=", key.name.toLowerCase()));
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toVendor(row);
}

async function nextNumber(
  tx: Tx,
  scope: OrgScope,
  table: "vendors" | "vendor_reports" | "vendor_cuecs" | "vendor_reviews",
): Promise<number> {
  const row = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.max("number").as("last"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export const nextVendorNumber = (tx: Tx, scope: OrgScope) => nextNumber(tx, scope, "vendors");
export const nextReportNumber = (tx: Tx, scope: OrgScope) =>
  nextNumber(tx, scope, "vendor_reports");
export const nextCuecNumber = (tx: Tx, scope: OrgScope) => nextNumber(tx, scope, "vendor_cuecs");
export const nextReviewNumber = (tx: Tx, scope: OrgScope) =>
  nextNumber(tx, scope, "vendor_reviews");

function vendorColumns(vendor: Vendor) {
  return {
    name: vendor.name,
    service: vendor.service,
    data_shared: toDbJson(vendor.dataShared),
    tier: vendor.tier,
    owner: vendor.owner,
    contract_start: vendor.contractStart,
    contract_end: vendor.contractEnd,
    subservice: vendor.subservice,
    relied_controls: toDbJson(vendor.reliedControls),
    website: vendor.website,
    notes: vendor.notes,
    updated_at: vendor.updatedAt,
  };
}

export async function insertVendor(tx: Tx, scope: OrgScope, vendor: Vendor): Promise<void> {
  await tx
    .insertInto("vendors")
    .values({
      id: vendor.id,
      organization_id: scope.organizationId,
      number: vendor.number,
      created_at: vendor.createdAt,
      ...vendorColumns(vendor),
    })
    .execute();
}

export async function updateVendorRow(tx: Tx, scope: OrgScope, vendor: Vendor): Promise<void> {
  await tx
    .updateTable("vendors")
    .set(vendorColumns(vendor))
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", vendor.id)
    .execute();
}

function toReport(row: Selectable<VendorReportsTable>, cuecs: Cuec[]): VendorReport {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: reportRef(number),
    number,
    vendorId: row.vendor_id,
    type: row.type as VendorReportType,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    opinion: row.opinion as ReportOpinion | null,
    evidenceId: row.evidence_id,
    bridge:
      row.bridge_evidence_id === null || row.bridge_from === null || row.bridge_to === null
        ? null
        : { evidenceId: row.bridge_evidence_id, from: row.bridge_from, to: row.bridge_to },
    cuecs,
    addedBy: row.added_by,
    createdAt: row.created_at,
  };
}

/** Every report of the organization (or of one vendor), each with its CUECs and their controls. */
export async function listReports(
  tx: Tx,
  scope: OrgScope,
  vendorId?: string,
): Promise<VendorReport[]> {
  let query = tx
    .selectFrom("vendor_reports")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (vendorId !== undefined) query = query.where("vendor_id", "=", vendorId);
  const rows = await query.orderBy("number").execute();
  if (rows.length === 0) return [];
  const cuecRows = await tx
    .selectFrom("vendor_cuecs")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where(
      "report_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("number")
    .execute();
  const mapped =
    cuecRows.length === 0
      ? []
      : await tx
          .selectFrom("vendor_cuec_controls")
          .innerJoin("controls", "controls.id", "vendor_cuec_controls.control_id")
          .select(["vendor_cuec_controls.cuec_id as cuec_id", "controls.ref as ref"])
          .where("vendor_cuec_controls.organization_id", "=", scope.organizationId)
          .where(
            "vendor_cuec_controls.cuec_id",
            "in",
            cuecRows.map((c) => c.id),
          )
          .execute();
  const controls = new Map<string, string[]>();
  for (const m of mapped) controls.set(m.cuec_id, [...(controls.get(m.cuec_id) ?? []), m.ref]);
  const byReport = new Map<string, Cuec[]>();
  for (const row of cuecRows) {
    const number = Number(row.number);
    const cuec: Cuec = {
      id: row.id,
      ref: cuecRef(number),
      number,
      reportId: row.report_id,
      text: row.text,
      controls: (controls.get(row.id) ?? []).sort(),
    };
    byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), cuec]);
  }
  return rows.map((row) => toReport(row, byReport.get(row.id) ?? []));
}

export async function insertReport(tx: Tx, scope: OrgScope, report: VendorReport): Promise<void> {
  await tx
    .insertInto("vendor_reports")
    .values({
      id: report.id,
      organization_id: scope.organizationId,
      number: report.number,
      vendor_id: report.vendorId,
      type: report.type,
      period_from: report.periodFrom,
      period_to: report.periodTo,
      opinion: report.opinion,
      evidence_id: report.evidenceId,
      bridge_evidence_id: report.bridge?.evidenceId ?? null,
      bridge_from: report.bridge?.from ?? null,
      bridge_to: report.bridge?.to ?? null,
      added_by: report.addedBy,
      created_at: report.createdAt,
    })
    .execute();
  if (report.cuecs.length === 0) return;
  await tx
    .insertInto("vendor_cuecs")
    .values(
      report.cuecs.map((c) => ({
        id: c.id,
        organization_id: scope.organizationId,
        number: c.number,
        report_id: report.id,
        text: c.text,
      })),
    )
    .execute();
}

export async function setBridgeLetter(
  tx: Tx,
  scope: OrgScope,
  reportId: string,
  bridge: { evidenceId: string; from: string; to: string },
): Promise<void> {
  await tx
    .updateTable("vendor_reports")
    .set({ bridge_evidence_id: bridge.evidenceId, bridge_from: bridge.from, bridge_to: bridge.to })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", reportId)
    .execute();
}

/** Replaces the CUEC's controls with these control ids. */
export async function setCuecControls(
  tx: Tx,
  scope: OrgScope,
  cuecId: string,
  controlIds: readonly string[],
): Promise<void> {
  await tx
    .deleteFrom("vendor_cuec_controls")
    .where("organization_id", "=", scope.organizationId)
    .where("cuec_id", "=", cuecId)
    .execute();
  if (controlIds.length === 0) return;
  await tx
    .insertInto("vendor_cuec_controls")
    .values(
      controlIds.map((controlId) => ({
        organization_id: scope.organizationId,
        cuec_id: cuecId,
        control_id: controlId,
      })),
    )
    .execute();
}

function toReview(row: Selectable<VendorReviewsTable>): VendorReview {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: reviewRef(number),
    number,
    vendorId: row.vendor_id,
    reviewedOn: row.reviewed_on,
    tier: Number(row.tier) as VendorTier,
    checked: fromDbJson<ReviewItemId[]>(row.checked),
    outcome: row.outcome as ReviewOutcome,
    notes: row.notes,
    evidenceId: row.evidence_id,
    reviewedBy: row.reviewed_by,
    createdAt: row.created_at,
  };
}

/** Newest first. */
export async function listReviews(
  tx: Tx,
  scope: OrgScope,
  vendorId?: string,
): Promise<VendorReview[]> {
  let query = tx
    .selectFrom("vendor_reviews")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (vendorId !== undefined) query = query.where("vendor_id", "=", vendorId);
  const rows = await query.orderBy("reviewed_on", "desc").orderBy("number", "desc").execute();
  return rows.map(toReview);
}

export async function insertReview(tx: Tx, scope: OrgScope, review: VendorReview): Promise<void> {
  await tx
    .insertInto("vendor_reviews")
    .values({
      id: review.id,
      organization_id: scope.organizationId,
      number: review.number,
      vendor_id: review.vendorId,
      reviewed_on: review.reviewedOn,
      tier: review.tier,
      checked: toDbJson(review.checked),
      outcome: review.outcome,
      notes: review.notes,
      evidence_id: review.evidenceId,
      reviewed_by: review.reviewedBy,
      created_at: review.createdAt,
    })
    .execute();
}

/** Every vendor with its reports and reviews (the inventory page and readiness read it whole). */
export async function listInventory(
  tx: Tx,
  scope: OrgScope,
): Promise<{ vendor: Vendor; reports: VendorReport[]; reviews: VendorReview[] }[]> {
  const vendors = await listVendors(tx, scope);
  // Reports and reviews belong to a vendor: without one there is nothing more to read.
  if (vendors.length === 0) return [];
  const reports = await listReports(tx, scope);
  const reviews = await listReviews(tx, scope);
  return vendors.map((vendor) => ({
    vendor,
    reports: reports.filter((r) => r.vendorId === vendor.id),
    reviews: reviews.filter((r) => r.vendorId === vendor.id),
  }));
}
