import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { createEngagement } from "../fieldwork/engagements.service.ts";
import { listAuditLog, verifyAuditLog } from "../platform/audit-log.service.ts";
import { showReportDraft, updateSystemDescription } from "../reporting/report-draft.service.ts";
import { updateControl } from "./controls.service.ts";
import { listEvidence } from "./evidence.service.ts";
import { getReadiness } from "./readiness.service.ts";
import { addBridgeLetter, addVendorReport, mapCuec } from "./vendor-reports.service.ts";
import { createVendor, listVendorInventory, showVendor, updateVendor } from "./vendors.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const file = (name = "aws-soc2.pdf") => ({
  content: Readable.from([Buffer.from(`%PDF-1.4 ${name}`)]),
  fileName: name,
  mediaType: "application/pdf",
});

async function aws(): Promise<void> {
  await addMember(t, owner, "admin", "maya@acme.example");
  await createVendor(t.ctx, owner, {
    name: "Amazon Web Services",
    service: "Hosting, databases and backups",
    tier: 1,
    dataShared: ["customer-data", "personal-data"],
    owner: "maya@acme.example",
    subservice: "carve-out",
    reliedControls: [
      { text: "Physical access to data centres is restricted.", criteria: ["CC6.4"] },
    ],
  });
}

/** Today is 2026-03-02: the period ended 14 months ago. */
async function staleReport(): Promise<void> {
  await addVendorReport(
    t.ctx,
    owner,
    "amazon web services",
    {
      type: "soc2-type2",
      from: "2024-01-03",
      to: "2025-01-02",
      opinion: "unmodified",
      cuecs: [
        "Customers restrict who can sign in to their cloud accounts.",
        "Customers turn on encryption for the storage they create.",
      ],
    },
    file(),
  );
}

async function reasonsFor(criterion: string): Promise<string> {
  const report = await getReadiness(t.ctx, owner);
  return report.criteria.find((c) => c.id === criterion)?.reasons.join("\n") ?? "";
}

describe("the issue's scenario: a subservice organization with a stale SOC 2 report", () => {
  it("is flagged, fills DC7 of the next draft report, and its unmapped CUEC is a readiness gap", async () => {
    await aws();
    await staleReport();

    const inventory = await listVendorInventory(t.ctx, owner);
    expect(inventory.items).toHaveLength(1);
    const vendor = inventory.items[0];
    expect(vendor).toMatchObject({ ref: "V-1", subservice: "carve-out", unmappedCuecs: 2 });
    expect(vendor?.flags.map((f) => f.kind)).toEqual(["stale", "uncovered-gap"]);
    expect(vendor?.flags[0]?.reason).toBe(
      "the SOC 2 Type 2's period ended on 2025-01-02, more than 12 months ago",
    );

    await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-02-27", auditFirm: "Ledger & Co" });
    const draft = (await showReportDraft(t.ctx, owner, "E-1")).package;
    expect(draft.description.subservices).toEqual([
      {
        name: "Amazon Web Services",
        services: "Hosting, databases and backups",
        method: "carve-out",
        csocs: [{ text: "Physical access to data centres is restricted.", criteria: ["CC6.4"] }],
      },
    ]);
    expect(draft.assertion.text).toContain("Subservice organizations: Amazon Web Services");
    expect(draft.assertion.text).toContain("carve-out");

    await updateControl(t.ctx, owner, "RM-07", { status: "implemented" });
    const reasons = await reasonsFor("CC9.2");
    expect(reasons).toContain(
      "RM-07 (Vendor due diligence and yearly assurance review) is implemented but CUEC-1 of " +
        "Amazon Web Services (V-1)'s VR-1 is mapped to none of our controls " +
        '("Customers restrict who can sign in to their cloud accounts.")',
    );
    expect(reasons).toContain(
      "Amazon Web Services (V-1): the SOC 2 Type 2's period ended on 2025-01-02, more than 12 months ago",
    );

    // Mapping the CUEC closes its gap, and the trail says so.
    await mapCuec(t.ctx, owner, "V-1", "CUEC-1", { controls: ["ac-01", "AC-02"] });
    const after = await reasonsFor("CC9.2");
    expect(after).not.toContain("CUEC-1 of");
    expect(after).toContain("CUEC-2 of");
    const log = await listAuditLog(t.ctx, owner, { targetType: "vendor" });
    expect(log.items.map((e) => e.sentence)).toContain(
      "Vendor V-1: CUEC-1 mapped to AC-01 and AC-02",
    );
    // (The member added straight to the database has no trail of their own; the chain holds.)
    expect((await verifyAuditLog(t.ctx, owner)).chain).toBeNull();
  });

  it("files the report as evidence on RM-07, and a bridge letter closes the gap", async () => {
    await aws();
    await addVendorReport(
      t.ctx,
      owner,
      "V-1",
      { type: "soc2-type2", from: "2024-10-01", to: "2025-09-30", opinion: "unmodified" },
      file(),
    );
    let detail = await showVendor(t.ctx, owner, "V-1");
    expect(detail.vendor.flags.map((f) => f.kind)).toEqual(["uncovered-gap"]);
    const evidence = await listEvidence(t.ctx, owner, { control: "RM-07" });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      id: detail.reports[0]?.evidenceId,
      kind: "file",
      fileName: "aws-soc2.pdf",
      controls: ["RM-07"],
    });

    await addBridgeLetter(
      t.ctx,
      owner,
      "V-1",
      "VR-1",
      { from: "2025-10-01", to: "2026-02-28" },
      file("bridge.pdf"),
    );
    detail = await showVendor(t.ctx, owner, "V-1");
    expect(detail.vendor.flags).toEqual([]);
    expect(detail.reports[0]?.bridge).toMatchObject({ from: "2025-10-01", to: "2026-02-28" });
    expect(await listEvidence(t.ctx, owner, { control: "RM-07" })).toHaveLength(2);
  });

  it("takes DC7 from the inventory: typing it by hand is refused while vendors are marked", async () => {
    await aws();
    await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-02-27", auditFirm: "Ledger & Co" });
    const error = await expectAppError(
      () =>
        updateSystemDescription(t.ctx, owner, "E-1", {
          subservices: [{ name: "Typed", services: "x", method: "inclusive" }],
        }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors[0]?.field).toBe("subservices");
    // The draft view says so, for the web app to show DC7 read-only; the rest stays editable.
    expect((await showReportDraft(t.ctx, owner, "E-1")).subservicesFromVendors).toBe(true);
    const edited = await updateSystemDescription(t.ctx, owner, "E-1", { services: "Payroll" });
    expect(edited.subservicesFromVendors).toBe(true);
    expect(edited.package.description.subservices.map((s) => s.name)).toEqual([
      "Amazon Web Services",
    ]);

    // No longer a subservice organization: DC7 goes back to the hand-typed list (none).
    await updateVendor(t.ctx, owner, "V-1", { subservice: null });
    expect((await showVendor(t.ctx, owner, "V-1")).vendor.reliedControls).toEqual([]);
    const view = await showReportDraft(t.ctx, owner, "E-1");
    expect(view.package.description.subservices).toEqual([]);
    expect(view.subservicesFromVendors).toBe(false);
  });
});

describe("bad input", () => {
  it("names the field and writes nothing", async () => {
    await aws();
    await addMember(t, owner, "employee", "erin@acme.example");
    const before = await snapshotDatabase(t.ctx.db);
    const cases: [() => Promise<unknown>, string][] = [
      [() => createVendor(t.ctx, owner, { name: "Slack", service: "Chat", tier: 4 }), "tier"],
      [
        () =>
          createVendor(t.ctx, owner, {
            name: "Slack",
            service: "Chat",
            tier: 2,
            owner: "nobody@acme.example",
          }),
        "owner",
      ],
      // Its owner reviews it yearly, which an employee may not.
      [() => updateVendor(t.ctx, owner, "V-1", { owner: "erin@acme.example" }), "owner"],
      [
        () =>
          createVendor(t.ctx, owner, {
            name: "Slack",
            service: "Chat",
            tier: 3,
            reliedControls: [{ text: "Something" }],
          }),
        "reliedControls",
      ],
      [
        () =>
          addVendorReport(
            t.ctx,
            owner,
            "V-1",
            { type: "soc2-type2", from: "2025-04-01", to: "2026-03-31", opinion: "unmodified" },
            file(),
          ),
        "to",
      ],
      [
        () =>
          addVendorReport(
            t.ctx,
            owner,
            "V-1",
            { type: "soc2-type2", from: "2025-01-01", to: "2025-12-31" },
            file(),
          ),
        "opinion",
      ],
      [
        () =>
          addVendorReport(
            t.ctx,
            owner,
            "V-1",
            { type: "soc2-type1", from: "2025-01-01", to: "2025-12-31", opinion: "unmodified" },
            file(),
          ),
        "to",
      ],
    ];
    for (const [work, field] of cases) {
      const error = await expectAppError(work, "VALIDATION_FAILED");
      expect(error.fieldErrors[0]?.field).toBe(field);
    }
    const employee = await expectAppError(
      () => updateVendor(t.ctx, owner, "V-1", { owner: "erin@acme.example" }),
      "VALIDATION_FAILED",
    );
    expect(employee.fieldErrors[0]?.message).toBe(
      "erin@acme.example is an employee, who may not review vendors; the owner must be an owner, admin or control owner",
    );
    const twice = await expectAppError(
      () => createVendor(t.ctx, owner, { name: "amazon web services", service: "x", tier: 3 }),
      "CONFLICT",
    );
    expect(twice.message).toBe("amazon web services is already in the inventory as V-1");
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });

  it("refuses a bridge letter that leaves days uncovered, and an unknown control on a CUEC", async () => {
    await aws();
    await staleReport();
    const late = await expectAppError(
      () =>
        addBridgeLetter(
          t.ctx,
          owner,
          "V-1",
          "VR-1",
          { from: "2025-02-01", to: "2026-02-01" },
          file(),
        ),
      "VALIDATION_FAILED",
    );
    expect(late.message).toContain("must start by 2025-01-03");
    const unknown = await expectAppError(
      () => mapCuec(t.ctx, owner, "V-1", "CUEC-2", { controls: ["ZZ-99"] }),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors[0]?.field).toBe("controls.0");
    await expectAppError(
      () => mapCuec(t.ctx, owner, "V-1", "CUEC-9", { controls: [] }),
      "NOT_FOUND",
    );
  });

  it("lets a control owner read vendors but not change them; an employee reads nothing", async () => {
    await aws();
    const controlOwner = as(owner, "control-owner", "user:carl");
    expect((await listVendorInventory(t.ctx, controlOwner)).items).toHaveLength(1);
    await expectAppError(
      () => createVendor(t.ctx, controlOwner, { name: "Slack", service: "Chat", tier: 3 }),
      "FORBIDDEN",
    );
    await expectAppError(() => listVendorInventory(t.ctx, as(owner, "employee")), "FORBIDDEN");
    await expectAppError(() => showVendor(t.ctx, as(owner, "auditor"), "V-1"), "FORBIDDEN");
  });
});
