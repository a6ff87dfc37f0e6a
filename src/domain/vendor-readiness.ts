/**
 * What the vendor inventory adds to readiness, as signals on the vendor controls: RM-06 (the
 * inventory) needs an owner for every vendor; RM-07 (due diligence and the yearly review)
 * needs each critical vendor and subservice organization to have a report that still speaks
 * for it, every CUEC of a current report mapped to one of our controls, and every yearly
 * review done by its date. An organization that keeps no inventory here gets no signal.
 */
import type { ControlSignal } from "./readiness.ts";
import { currentReport, reportFlags, reviewDueBy } from "./vendor.ts";
import type { Vendor, VendorReport } from "./vendor.ts";

export const INVENTORY_CONTROL = "RM-06";
export const DUE_DILIGENCE_CONTROL = "RM-07";

export interface VendorReadinessInput {
  today: string;
  vendors: readonly (Pick<Vendor, "ref" | "name" | "tier" | "owner" | "subservice"> & {
    addedOn: string;
    lastReviewedOn: string | null;
    reports: readonly Pick<
      VendorReport,
      "ref" | "number" | "type" | "periodTo" | "opinion" | "bridge" | "cuecs"
    >[];
  })[];
}

const SHOWN = 5;

function names(list: readonly { ref: string; name: string }[]): string {
  const shown = list.slice(0, SHOWN).map((v) => `${v.ref} ${v.name}`);
  return list.length > SHOWN
    ? `${shown.join(", ")} and ${list.length - SHOWN} more`
    : shown.join(", ");
}

/** Signals by control ref; empty when the organization keeps no vendor inventory here. */
export function vendorSignals(input: VendorReadinessInput): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  if (input.vendors.length === 0) return signals;

  const unowned = input.vendors.filter((v) => v.owner === null);
  signals.set(INVENTORY_CONTROL, [
    {
      source: "vendor",
      ok: unowned.length === 0,
      reason:
        unowned.length === 0
          ? "every vendor in the inventory has an owner"
          : `${unowned.length === 1 ? "1 vendor has" : `${unowned.length} vendors have`} no owner (${names(unowned)})`,
    },
  ]);

  const diligence: ControlSignal[] = [];
  for (const vendor of input.vendors) {
    const who = `${vendor.name} (${vendor.ref})`;
    const report = currentReport(vendor.reports);
    const needsReport = vendor.tier === 1 || vendor.subservice !== null;
    if (report === undefined) {
      if (needsReport) {
        diligence.push({
          source: "vendor",
          ok: false,
          reason: `${who}, ${vendor.subservice === null ? "a critical vendor" : "a subservice organization"}, has no assurance report on file`,
        });
      }
    } else {
      for (const flag of reportFlags(report, input.today)) {
        diligence.push({ source: "vendor", ok: false, reason: `${who}: ${flag.reason}` });
      }
      for (const cuec of report.cuecs) {
        if (cuec.controls.length > 0) continue;
        diligence.push({
          source: "vendor",
          ok: false,
          reason: `${cuec.ref} of ${who}'s ${report.ref} is mapped to none of our controls ("${cuec.text}")`,
        });
      }
    }
    const due = reviewDueBy(vendor.addedOn, vendor.lastReviewedOn);
    if (due < input.today) {
      diligence.push({
        source: "vendor",
        ok: false,
        reason: `the yearly review of ${who} was due by ${due}`,
      });
    }
  }
  signals.set(
    DUE_DILIGENCE_CONTROL,
    diligence.length > 0
      ? diligence
      : [
          {
            source: "vendor",
            ok: true,
            reason: "every vendor's report, CUECs and yearly review are in order",
          },
        ],
  );
  return signals;
}
