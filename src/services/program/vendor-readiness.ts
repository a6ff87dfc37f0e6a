/** Loads what the vendor inventory says about RM-06 and RM-07 (domain/vendor-readiness.ts). */
import type { Tx } from "../../db/transaction.ts";
import { listInventory } from "../../db/vendors.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import { vendorSignals } from "../../domain/vendor-readiness.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";

export async function loadVendorSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const inventory = await listInventory(tx, scopeOf(actor));
  return vendorSignals({
    today: day.today,
    vendors: inventory.map(({ vendor, reports, reviews }) => ({
      ...vendor,
      addedOn: vendor.createdAt.slice(0, 10),
      lastReviewedOn: reviews[0]?.reviewedOn ?? null,
      reports,
    })),
  });
}
