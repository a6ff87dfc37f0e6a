/**
 * The vendor inventory: list (with each vendor's flags and review due day), show with its
 * reports, CUECs, reviews and history, add and edit. Every write is one transaction with its
 * audit event; the owner must be a member.
 */
import { listAuditEvents } from "../../db/audit.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import {
  findVendor,
  insertVendor,
  listReports,
  listReviews,
  listInventory,
  nextVendorNumber,
  updateVendorRow,
} from "../../db/vendors.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize, rolesAllowed } from "../../domain/permissions.ts";
import {
  VENDOR_REF_PATTERN,
  currentReport,
  reportFlags,
  reviewChecklist,
  reviewDueBy,
  vendorRef,
} from "../../domain/vendor.ts";
import type {
  ReportFlag,
  ReviewItem,
  Vendor,
  VendorReport,
  VendorReview,
} from "../../domain/vendor.ts";
import { diffVendor } from "../../domain/vendor-changes.ts";
import { recordEvent } from "../platform/audit.ts";
import { recordHistory } from "../platform/audit-history.ts";
import type { RecordHistoryEntry } from "../platform/audit-history.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { createVendorInput, updateVendorInput } from "./vendor-inputs.ts";
import type { CreateVendorInput, UpdateVendorInput } from "./vendor-inputs.ts";
import { organizationToday } from "../platform/organization-day.ts";

export interface VendorStanding {
  /** The report whose period ends last, if any. */
  currentReport: Pick<VendorReport, "ref" | "type" | "periodFrom" | "periodTo" | "opinion"> | null;
  flags: ReportFlag[];
  /** CUECs of the current report mapped to none of our controls. */
  unmappedCuecs: number;
  lastReviewedOn: string | null;
  reviewDueBy: string;
}

export type VendorSummary = Vendor & VendorStanding;

export interface VendorDetail {
  vendor: VendorSummary;
  reports: (VendorReport & { flags: ReportFlag[] })[];
  reviews: VendorReview[];
  /** The yearly review's steps for the vendor's tier. */
  checklist: ReviewItem[];
  history: RecordHistoryEntry[];
  today: string;
}

/** By label (V-3), id, or name (any case). */
export async function loadVendor(tx: Tx, actor: Actor, key: string): Promise<Vendor> {
  const trimmed = key.trim();
  const numbered = VENDOR_REF_PATTERN.exec(trimmed);
  const vendor =
    numbered !== null
      ? await findVendor(tx, scopeOf(actor), { number: Number(numbered[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? await findVendor(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : trimmed === ""
          ? undefined
          : await findVendor(tx, scopeOf(actor), { name: trimmed });
  if (vendor === undefined) throw notFound("vendor", key);
  return vendor;
}

export function standing(
  vendor: Vendor,
  reports: readonly VendorReport[],
  reviews: readonly VendorReview[],
  today: string,
): VendorStanding {
  const current = currentReport(reports);
  const lastReviewedOn = reviews[0]?.reviewedOn ?? null;
  return {
    currentReport:
      current === undefined
        ? null
        : {
            ref: current.ref,
            type: current.type,
            periodFrom: current.periodFrom,
            periodTo: current.periodTo,
            opinion: current.opinion,
          },
    flags: current === undefined ? [] : reportFlags(current, today),
    unmappedCuecs: current?.cuecs.filter((c) => c.controls.length === 0).length ?? 0,
    lastReviewedOn,
    reviewDueBy: reviewDueBy(vendor.createdAt.slice(0, 10), lastReviewedOn),
  };
}

/** Every vendor with its reports and reviews, read in three queries. */

export async function listVendorInventory(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ items: VendorSummary[]; today: string }> {
  authorize(actor, "vendor:read");
  return read(ctx.db, async (tx) => {
    const today = await organizationToday(tx, actor, ctx.now());
    const inventory = await listInventory(tx, scopeOf(actor));
    return {
      items: inventory.map(({ vendor, reports, reviews }) => ({
        ...vendor,
        ...standing(vendor, reports, reviews, today),
      })),
      today,
    };
  });
}

export async function showVendor(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<VendorDetail> {
  authorize(actor, "vendor:read");
  return read(ctx.db, async (tx) => {
    const vendor = await loadVendor(tx, actor, key);
    const today = await organizationToday(tx, actor, ctx.now());
    const reports = await listReports(tx, scopeOf(actor), vendor.id);
    const reviews = await listReviews(tx, scopeOf(actor), vendor.id);
    const events = await listAuditEvents(tx, scopeOf(actor), {
      targetType: "vendor",
      targetId: vendor.ref,
    });
    return {
      vendor: { ...vendor, ...standing(vendor, reports, reviews, today) },
      reports: [...reports].reverse().map((r) => ({ ...r, flags: reportFlags(r, today) })),
      reviews,
      checklist: reviewChecklist(vendor.tier),
      history: await recordHistory(tx, scopeOf(actor), events),
      today,
    };
  });
}

/**
 * Refuses an owner who is not a member or may not review the vendor (the owner is whom its
 * yearly review falls to), contract dates out of order and a duplicate name.
 */
async function checkVendor(tx: Tx, actor: Actor, vendor: Vendor): Promise<void> {
  if (vendor.owner !== null) {
    const members = await listMembers(tx, scopeOf(actor));
    const member = members.find((m) => m.user.email === vendor.owner);
    if (member === undefined) {
      throw invalidField(
        "owner",
        `"${vendor.owner}" is not the email of a member of this organization`,
      );
    }
    if (!rolesAllowed("vendor:review").includes(member.role)) {
      throw invalidField(
        "owner",
        `${vendor.owner} is ${member.role === "auditor" ? "an auditor" : "an employee"}, who may not review vendors; the owner must be an owner, admin or control owner`,
      );
    }
  }
  if (
    vendor.contractStart !== null &&
    vendor.contractEnd !== null &&
    vendor.contractEnd < vendor.contractStart
  ) {
    throw invalidField(
      "contractEnd",
      `the contract ends (${vendor.contractEnd}) before it starts (${vendor.contractStart})`,
    );
  }
  if (vendor.subservice === null && vendor.reliedControls.length > 0) {
    throw invalidField(
      "reliedControls",
      "only a subservice organization has controls the system relies on; mark it as one first",
    );
  }
  const same = await findVendor(tx, scopeOf(actor), { name: vendor.name });
  if (same !== undefined && same.id !== vendor.id) {
    throw new AppError("CONFLICT", `${vendor.name} is already in the inventory as ${same.ref}`, [
      { field: "name", message: `already in the inventory as ${same.ref}` },
    ]);
  }
}

export async function createVendor(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateVendorInput,
): Promise<Vendor> {
  authorize(actor, "vendor:manage");
  const data = parseInput(createVendorInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const number = await nextVendorNumber(tx, scopeOf(actor));
    const vendor: Vendor = {
      ...data,
      id: newId(),
      ref: vendorRef(number),
      number,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await checkVendor(tx, actor, vendor);
    await insertVendor(tx, scopeOf(actor), vendor);
    await recordEvent(
      tx,
      actor,
      "vendor.created",
      vendor.ref,
      {
        name: vendor.name,
        service: vendor.service,
        tier: vendor.tier,
        owner: vendor.owner,
        dataShared: vendor.dataShared,
        subservice: vendor.subservice,
      },
      at,
    );
    return vendor;
  });
}

export async function updateVendor(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: UpdateVendorInput,
): Promise<Vendor> {
  authorize(actor, "vendor:manage");
  const data = parseInput(updateVendorInput, input);
  if (Object.keys(data).length === 0) {
    const message = `nothing to change: give at least one of ${Object.keys(updateVendorInput.shape).join(", ")}`;
    throw new AppError("VALIDATION_FAILED", message, [{ field: "input", message }]);
  }
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const vendor = await loadVendor(tx, actor, key);
    // No longer a subservice organization: nothing of it is relied on any more.
    const changes =
      data.subservice === null && data.reliedControls === undefined
        ? { ...data, reliedControls: [] }
        : data;
    const diff = diffVendor(vendor, changes);
    if (Object.keys(diff).length === 0) return vendor;
    const updated: Vendor = { ...vendor, ...changes, updatedAt: at.toISOString() };
    await checkVendor(tx, actor, updated);
    await updateVendorRow(tx, scopeOf(actor), updated);
    await recordEvent(tx, actor, "vendor.updated", vendor.ref, { changes: diff }, at);
    return updated;
  });
}
