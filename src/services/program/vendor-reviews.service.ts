/**
 * The yearly vendor review, scaled by tier: its checklist (domain/vendor.ts) is confirmed
 * item by item, and the review is filed as a record of evidence for RM-06 and RM-07 (and so
 * CC9.2), holding what was checked, the report read with its flags and the CUEC mapping.
 * Owners and admins review any vendor; a control owner the vendors they own (`vendor:review`
 * and its record rule). The review's right covers filing its record on RM-06 and RM-07,
 * which the vendor's owner need not own.
 */
import { newId } from "../../db/portable.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import { insertReview, listReports, listReviews, nextReviewNumber } from "../../db/vendors.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { invalidField } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { TIER_NAMES, reviewChecklist, reviewRef } from "../../domain/vendor.ts";
import type { ReviewItemId, VendorReview } from "../../domain/vendor.ts";
import { DUE_DILIGENCE_CONTROL, INVENTORY_CONTROL } from "../../domain/vendor-readiness.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { prepareContent } from "./evidence.service.ts";
import { recordEvidenceOfAct } from "./evidence.service.ts";
import { reviewInput } from "./vendor-inputs.ts";
import type { ReviewInput } from "./vendor-inputs.ts";
import { loadVendor, standing } from "./vendors.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

/** The controls a vendor review evidences: the inventory and the due diligence. */
export const REVIEW_EVIDENCE_CONTROLS = [INVENTORY_CONTROL, DUE_DILIGENCE_CONTROL] as const;

export async function recordVendorReview(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: ReviewInput,
): Promise<VendorReview> {
  authorize(actor, "vendor:review");
  const data = parseInput(reviewInput, input);
  const checked = [...new Set(data.checked)] as ReviewItemId[];
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const vendor = await loadVendor(tx, actor, key);
    authorize(actor, "vendor:review", vendor);
    const today = await organizationToday(tx, actor, at);
    const reviewedOn = data.reviewedOn ?? today;
    if (reviewedOn > today) {
      throw invalidField("reviewedOn", `${reviewedOn} is in the future (today is ${today})`);
    }
    const checklist = reviewChecklist(vendor.tier);
    const ids = checklist.map((item) => item.id);
    checked.forEach((id, index) => {
      if (!ids.includes(id)) {
        throw invalidField(
          `checked.${index}`,
          `"${id}" is not on the review of a tier ${vendor.tier} vendor; its items are ${ids.join(", ")}`,
        );
      }
    });
    const open = ids.filter((id) => !checked.includes(id));
    if (data.outcome === "approved" && open.length > 0) {
      throw invalidField(
        "outcome",
        `a review is approved only with every item confirmed; not confirmed: ${open.join(", ")} (or approve with actions and say which)`,
      );
    }
    if (data.outcome !== "approved" && data.notes.length < 10) {
      throw invalidField("notes", `say what follows from the review (${data.outcome})`);
    }
    const reports = await listReports(tx, scopeOf(actor), vendor.id);
    const reviews = await listReviews(tx, scopeOf(actor), vendor.id);
    const state = standing(vendor, reports, reviews, reviewedOn);
    const current = reports.find((r) => r.ref === state.currentReport?.ref);
    const number = await nextReviewNumber(tx, scopeOf(actor));
    const ref = reviewRef(number);
    const record = {
      kind: "vendor-review",
      data: {
        review: ref,
        vendor: { ref: vendor.ref, name: vendor.name, service: vendor.service },
        tier: `${vendor.tier} (${TIER_NAMES[vendor.tier]})`,
        subservice: vendor.subservice,
        dataShared: vendor.dataShared,
        reviewedOn,
        reviewedBy: actor.name,
        checklist: checklist.map((item) => ({
          item: item.id,
          step: item.label,
          confirmed: checked.includes(item.id),
        })),
        outcome: data.outcome,
        notes: data.notes,
        report: state.currentReport,
        flags: state.flags.map((f) => f.reason),
        cuecs: (current?.cuecs ?? []).map((c) => ({
          cuec: c.ref,
          text: c.text,
          controls: c.controls,
        })),
      },
    };
    const prepared = await prepareContent(ctx, { kind: "record", record });
    const evidence = await recordEvidenceOfAct(
      tx,
      actor,
      `Vendor review ${ref} of ${vendor.name} (${vendor.ref}) on ${reviewedOn}`,
      prepared,
      reviewedOn,
      REVIEW_EVIDENCE_CONTROLS,
      at,
    );
    const review: VendorReview = {
      id: newId(),
      ref,
      number,
      vendorId: vendor.id,
      reviewedOn,
      tier: vendor.tier,
      checked,
      outcome: data.outcome,
      notes: data.notes,
      evidenceId: evidence.id,
      reviewedBy: actor.name,
      createdAt: at.toISOString(),
    };
    await insertReview(tx, scopeOf(actor), review);
    await recordEvent(
      tx,
      actor,
      "vendor.reviewed",
      vendor.ref,
      {
        review: ref,
        reviewedOn,
        tier: vendor.tier,
        checked,
        outcome: data.outcome,
        evidence: evidence.id,
      },
      at,
    );
    return review;
  });
}
