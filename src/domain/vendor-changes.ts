/** The fields of a vendor that vendor.updated may list as changed, and how a change is diffed. */
import { canonicalJson } from "./audit-chain.ts";
import type { Vendor } from "./vendor.ts";

export const VENDOR_CHANGE_FIELDS = [
  "name",
  "service",
  "dataShared",
  "tier",
  "owner",
  "contractStart",
  "contractEnd",
  "subservice",
  "reliedControls",
  "website",
  "notes",
] as const;
export type VendorChangeField = (typeof VENDOR_CHANGE_FIELDS)[number];
export type VendorChanges = Partial<Pick<Vendor, VendorChangeField>>;

/** From → to for each field the changes really change. */
export function diffVendor(
  vendor: Vendor,
  changes: VendorChanges,
): Partial<Record<VendorChangeField, { from: unknown; to: unknown }>> {
  const diff: Partial<Record<VendorChangeField, { from: unknown; to: unknown }>> = {};
  for (const field of VENDOR_CHANGE_FIELDS) {
    if (!(field in changes)) continue;
    const to = changes[field];
    if (to === undefined) continue;
    const from = vendor[field];
    if (canonicalJson(from) !== canonicalJson(to)) diff[field] = { from, to };
  }
  return diff;
}
