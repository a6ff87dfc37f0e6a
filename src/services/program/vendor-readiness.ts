/** Loads what the vendor inventory says about RM-06 and RM-07 (domain/vendor-readiness.ts). */
import type { Tx } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import { vendorSignals } from "../../domain/vendor-readiness.ts";
import { loadInventory, todayIn } from "./vendors.service.ts";

export async function loadVendorSignals(
  tx: Tx,
  actor: Actor,
  now: Date,
): Promise<Map<string, ControlSignal[]>> {
  const inventory = await loadInventory(tx, actor);
  return vendorSignals({
    today: await todayIn(tx, actor, now),
    vendors: inventory.map(({ vendor, reports, reviews }) => ({
      ...vendor,
      addedOn: vendor.createdAt.slice(0, 10),
      lastReviewedOn: reviews[0]?.reviewedOn ?? null,
      reports,
    })),
  });
}
