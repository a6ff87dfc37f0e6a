/**
 * A vendor's assurance reports: the file is filed as evidence on RM-07 (stored before the
 * transaction, as an upload is), the report's type, period and opinion as read, its CUECs,
 * a bridge letter for the days after its period, and the mapping of each CUEC to our controls.
 */
import type { Readable } from "node:stream";
import { findControlByRef } from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import {
  listReports,
  nextCuecNumber,
  nextReportNumber,
  insertReport,
  setBridgeLetter,
  setCuecControls,
} from "../../db/vendors.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Control } from "../../domain/control.ts";
import { invalidField, notFound } from "../../domain/errors.ts";
import { EARLIEST_EVIDENCE_DATE } from "../../domain/evidence.ts";
import { addDays } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import {
  CUEC_REF_PATTERN,
  REPORT_REF_PATTERN,
  REPORT_TYPE_NAMES,
  cuecRef,
  reportRef,
} from "../../domain/vendor.ts";
import type { Cuec, Vendor, VendorReport } from "../../domain/vendor.ts";
import { DUE_DILIGENCE_CONTROL } from "../../domain/vendor-readiness.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { prepareContent, storeEvidence } from "./evidence.service.ts";
import type { Prepared } from "./evidence.service.ts";
import { bridgeLetterInput, mapCuecInput, reportInput } from "./vendor-inputs.ts";
import type { BridgeLetterInput, MapCuecInput, ReportInput } from "./vendor-inputs.ts";
import { loadVendor } from "./vendors.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

export interface VendorFile {
  content: Readable;
  fileName: string;
  mediaType?: string;
}

/** The control a vendor's report, bridge letter or review is evidence for, when adopted. */
async function diligenceControls(tx: Tx, actor: Actor): Promise<Control[]> {
  const control = await findControlByRef(tx, scopeOf(actor), DUE_DILIGENCE_CONTROL);
  return control === undefined ? [] : [control];
}

async function fileEvidence(
  tx: Tx,
  actor: Actor,
  title: string,
  prepared: Prepared,
  today: string,
  at: Date,
): Promise<string> {
  const controls = await diligenceControls(tx, actor);
  for (const control of controls) authorize(actor, "evidence:create", control);
  const item = await storeEvidence(
    tx,
    actor,
    prepared,
    { title, source: "manual", from: today, to: today },
    controls,
    at,
  );
  return item.id;
}

async function checkReport(
  tx: Tx,
  actor: Actor,
  key: string,
  data: ReturnType<typeof reportInput.parse>,
  now: Date,
): Promise<{ vendor: Vendor; today: string }> {
  const vendor = await loadVendor(tx, actor, key);
  const today = await organizationToday(tx, actor, now);
  if (data.from < EARLIEST_EVIDENCE_DATE) {
    throw invalidField("from", `${data.from} is before ${EARLIEST_EVIDENCE_DATE}; check the date`);
  }
  // An ISO certificate is valid into the future; a SOC report covers only days gone by.
  if (data.type === "iso27001" ? data.from > today : data.to > today) {
    const field = data.type === "iso27001" ? "from" : "to";
    throw invalidField(field, `${data[field]} is in the future (today is ${today})`);
  }
  return { vendor, today };
}

export async function addVendorReport(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: ReportInput,
  file: VendorFile,
): Promise<VendorReport> {
  authorize(actor, "vendor:manage");
  authorize(actor, "evidence:create");
  const data = parseInput(reportInput, input);
  await read(ctx.db, (tx) => checkReport(tx, actor, key, data, ctx.now()));
  const prepared = await prepareContent(ctx, { kind: "file", ...file });
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { vendor, today } = await checkReport(tx, actor, key, data, at);
    const number = await nextReportNumber(tx, scopeOf(actor));
    const ref = reportRef(number);
    const title = `${REPORT_TYPE_NAMES[data.type]} of ${vendor.name}, ${data.from} to ${data.to} (${ref})`;
    const evidenceId = await fileEvidence(tx, actor, title, prepared, today, at);
    const firstCuec = await nextCuecNumber(tx, scopeOf(actor));
    const id = newId();
    const cuecs: Cuec[] = data.cuecs.map((text, index) => ({
      id: newId(),
      ref: cuecRef(firstCuec + index),
      number: firstCuec + index,
      reportId: id,
      text,
      controls: [],
    }));
    const report: VendorReport = {
      id,
      ref,
      number,
      vendorId: vendor.id,
      type: data.type,
      periodFrom: data.from,
      periodTo: data.to,
      opinion: data.opinion,
      evidenceId,
      bridge: null,
      cuecs,
      addedBy: actor.name,
      createdAt: at.toISOString(),
    };
    await insertReport(tx, scopeOf(actor), report);
    await recordEvent(
      tx,
      actor,
      "vendor.report-added",
      vendor.ref,
      {
        report: ref,
        type: data.type,
        from: data.from,
        to: data.to,
        opinion: data.opinion,
        evidence: evidenceId,
        cuecs: cuecs.length,
      },
      at,
    );
    return report;
  });
}

async function loadReport(
  tx: Tx,
  actor: Actor,
  vendor: Vendor,
  key: string,
): Promise<VendorReport> {
  const numbered = REPORT_REF_PATTERN.exec(key.trim());
  const reports = await listReports(tx, scopeOf(actor), vendor.id);
  const report = reports.find((r) =>
    numbered === null ? r.id === key.trim().toLowerCase() : r.number === Number(numbered[1]),
  );
  if (report === undefined) throw notFound(`report of ${vendor.ref}`, key);
  return report;
}

async function checkBridge(
  tx: Tx,
  actor: Actor,
  key: string,
  reportKey: string,
  data: { from: string; to: string },
  now: Date,
): Promise<{ vendor: Vendor; report: VendorReport; today: string }> {
  const vendor = await loadVendor(tx, actor, key);
  const report = await loadReport(tx, actor, vendor, reportKey);
  const today = await organizationToday(tx, actor, now);
  if (report.type === "iso27001") {
    throw invalidField(
      "report",
      "a bridge letter extends a SOC report; an ISO certificate has none",
    );
  }
  const dayAfter = addDays(report.periodTo, 1);
  if (data.from > dayAfter) {
    throw invalidField(
      "from",
      `the letter must start by ${dayAfter}, the day after ${report.ref}'s period, or it leaves days uncovered`,
    );
  }
  if (data.to <= report.periodTo) {
    throw invalidField(
      "to",
      `the letter must reach past ${report.ref}'s period end (${report.periodTo})`,
    );
  }
  if (data.to > today) throw invalidField("to", `${data.to} is in the future (today is ${today})`);
  return { vendor, report, today };
}

/** Files a bridge letter for a SOC report, replacing any earlier one. */
export async function addBridgeLetter(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  reportKey: string,
  input: BridgeLetterInput,
  file: VendorFile,
): Promise<VendorReport> {
  authorize(actor, "vendor:manage");
  authorize(actor, "evidence:create");
  const data = parseInput(bridgeLetterInput, input);
  await read(ctx.db, (tx) => checkBridge(tx, actor, key, reportKey, data, ctx.now()));
  const prepared = await prepareContent(ctx, { kind: "file", ...file });
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { vendor, report, today } = await checkBridge(tx, actor, key, reportKey, data, at);
    const title = `Bridge letter of ${vendor.name} for ${report.ref}, ${data.from} to ${data.to}`;
    const evidenceId = await fileEvidence(tx, actor, title, prepared, today, at);
    const bridge = { evidenceId, from: data.from, to: data.to };
    await setBridgeLetter(tx, scopeOf(actor), report.id, bridge);
    await recordEvent(
      tx,
      actor,
      "vendor.bridge-letter-added",
      vendor.ref,
      { report: report.ref, from: data.from, to: data.to, evidence: evidenceId },
      at,
    );
    return { ...report, bridge };
  });
}

/** Sets the controls of ours that address a CUEC (an empty list unmaps it). */
export async function mapCuec(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  cuecKey: string,
  input: MapCuecInput,
): Promise<Cuec> {
  authorize(actor, "vendor:manage");
  const data = parseInput(mapCuecInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const vendor = await loadVendor(tx, actor, key);
    const numbered = CUEC_REF_PATTERN.exec(cuecKey.trim());
    const cuec = (await listReports(tx, scopeOf(actor), vendor.id))
      .flatMap((r) => r.cuecs)
      .find((c) =>
        numbered === null
          ? c.id === cuecKey.trim().toLowerCase()
          : c.number === Number(numbered[1]),
      );
    if (cuec === undefined) throw notFound(`CUEC of ${vendor.ref}`, cuecKey);
    const refs = [...new Set(data.controls)].sort();
    const ids: string[] = [];
    for (const [index, ref] of refs.entries()) {
      const control = await findControlByRef(tx, scopeOf(actor), ref);
      if (control === undefined) {
        throw invalidField(`controls.${index}`, `unknown control "${ref}" (see attest controls)`);
      }
      ids.push(control.id);
    }
    if (refs.join() === cuec.controls.join()) return cuec;
    await setCuecControls(tx, scopeOf(actor), cuec.id, ids);
    await recordEvent(
      tx,
      actor,
      "vendor.cuec-mapped",
      vendor.ref,
      { cuec: cuec.ref, from: cuec.controls, to: refs },
      at,
    );
    return { ...cuec, controls: refs };
  });
}
