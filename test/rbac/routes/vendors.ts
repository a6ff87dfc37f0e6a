/** Routes of src/server/routes/vendors.ts: the inventory, reports, bridge letters, CUECs, reviews. */
import { base, expectStatus, multipartEvidence, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/** A SOC 2 Type 2 report with one CUEC, as the multipart upload sends it. */
export function reportUpload(): ReturnType<typeof multipartEvidence> {
  return multipartEvidence(
    {
      type: "soc2-type2",
      from: "2025-01-01",
      to: "2025-06-30",
      opinion: "unmodified",
      cuecs: ["Customers review who can reach their accounts."],
    },
    "%PDF-1.4 matrix report",
  );
}

/**
 * The world's own vendor with a report and its CUEC (ids), added by the owner. The control
 * owner owns it, so they may record its yearly review (`vendor:review`'s record rule).
 */
export async function worldVendor(
  world: World,
): Promise<{ vendor: string; report: string; cuec: string }> {
  const owner = world.clients.owner;
  const created = await expectStatus(
    owner.request("POST", `${base(world)}/vendors`, {
      name: `The ${world.prefix} world's cloud`,
      service: "Hosting",
      tier: 1,
      owner: `control-owner@${world.prefix}.example`,
      subservice: "carve-out",
      // A carved-out organization names what it is relied on for, or DC7 is incomplete.
      reliedControls: [{ text: "Data centres admit only authorized staff.", criteria: ["CC6.4"] }],
    }),
    201,
    "add vendor",
  );
  const vendor = created.json<{ id: string }>().id;
  const upload = reportUpload();
  const report = await expectStatus(
    owner.request("POST", `${base(world)}/vendors/${vendor}/reports`, upload.body, upload.headers),
    201,
    "add vendor report",
  );
  const added = report.json<{ id: string; cuecs: { id: string }[] }>();
  return { vendor, report: added.id, cuec: added.cuecs[0]?.id ?? "" };
}

export const VENDOR_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/vendors", action: "vendor:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/vendors",
    action: "vendor:manage",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: { name: `Vendor added by ${role} (${world.next()})`, service: "Email", tier: 3 },
    }),
  },
  {
    method: "GET",
    path: "/vendors/:vendor",
    action: "vendor:read",
    status: 200,
    resources: { vendor: "vendor" },
    prepare: async (world) => ({ params: { vendor: world.ids.vendor } }),
  },
  {
    method: "PATCH",
    path: "/vendors/:vendor",
    action: "vendor:manage",
    status: 200,
    resources: { vendor: "vendor" },
    prepare: async (world, role) => ({
      params: { vendor: world.ids.vendor },
      body: { notes: `Changed by ${role} (${world.next()}).` },
    }),
  },
  {
    method: "POST",
    path: "/vendors/:vendor/reports",
    action: "vendor:manage",
    status: 201,
    resources: { vendor: "vendor" },
    prepare: async (world) => {
      const upload = reportUpload();
      return { ...upload, params: { vendor: world.ids.vendor } };
    },
  },
  {
    method: "POST",
    path: "/vendors/:vendor/reports/:report/bridge-letter",
    action: "vendor:manage",
    status: 201,
    resources: { vendor: "vendor" },
    prepare: async (world) => {
      const upload = multipartEvidence({ from: "2025-07-01", to: "2025-09-30" }, "bridge");
      return {
        ...upload,
        params: { vendor: world.ids.vendor, report: world.ids.vendorReport },
      };
    },
  },
  {
    method: "PUT",
    path: "/vendors/:vendor/cuecs/:cuec",
    action: "vendor:manage",
    status: 200,
    resources: { vendor: "vendor" },
    prepare: async (world) => ({
      params: { vendor: world.ids.vendor, cuec: world.ids.cuec },
      body: { controls: [world.ids.ownedControl] },
    }),
  },
  {
    method: "POST",
    path: "/vendors/:vendor/reviews",
    action: "vendor:review",
    status: 201,
    resources: { vendor: "vendor" },
    prepare: async (world) => ({
      params: { vendor: world.ids.vendor },
      body: {
        checked: ["report-read"],
        outcome: "approved-with-actions",
        notes: `The matrix's review number ${world.next()}.`,
      },
    }),
  },
];
