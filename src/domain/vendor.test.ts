import { describe, expect, it } from "vitest";
import {
  coveredThrough,
  currentReport,
  reportFlags,
  reviewChecklist,
  reviewDueBy,
} from "./vendor.ts";
import type { VendorReport } from "./vendor.ts";
import { vendorSignals } from "./vendor-readiness.ts";

type Flagged = Pick<VendorReport, "type" | "periodTo" | "opinion" | "bridge">;

const soc2 = (periodTo: string, bridge: VendorReport["bridge"] = null): Flagged => ({
  type: "soc2-type2",
  periodTo,
  opinion: "unmodified",
  bridge,
});
const kinds = (report: Flagged, today: string) => reportFlags(report, today).map((f) => f.kind);

describe("a vendor report's flags", () => {
  it("flags a report whose period ended more than 12 months ago, not one 12 months old", () => {
    expect(kinds(soc2("2025-03-31"), "2026-03-31")).not.toContain("stale");
    expect(kinds(soc2("2025-03-31"), "2026-04-01")).toContain("stale");
    const reasons = reportFlags(soc2("2025-01-02"), "2026-03-02").map((f) => f.reason);
    expect(reasons).toContain(
      "the SOC 2 Type 2's period ended on 2025-01-02, more than 12 months ago",
    );
  });

  it("flags the days after the period that no bridge letter covers, past a 90-day grace", () => {
    expect(kinds(soc2("2025-12-31"), "2026-03-31")).toEqual([]);
    expect(kinds(soc2("2025-12-31"), "2026-04-01")).toEqual(["uncovered-gap"]);
    expect(reportFlags(soc2("2025-12-31"), "2026-04-01")[0]?.reason).toBe(
      "91 days from 2026-01-01 to today are covered by no report and no bridge letter",
    );
  });

  it("counts a bridge letter only when it starts by the day after the period", () => {
    const letter = { evidenceId: "e", from: "2026-01-01", to: "2026-03-31" };
    expect(coveredThrough(soc2("2025-12-31", letter))).toBe("2026-03-31");
    expect(kinds(soc2("2025-12-31", letter), "2026-06-29")).toEqual([]);
    expect(kinds(soc2("2025-12-31", letter), "2026-06-30")).toEqual(["uncovered-gap"]);
    const late = { evidenceId: "e", from: "2026-02-01", to: "2026-05-31" };
    expect(coveredThrough(soc2("2025-12-31", late))).toBe("2025-12-31");
    expect(kinds(soc2("2025-12-31", late), "2026-05-01")).toEqual(["uncovered-gap"]);
  });

  it("keeps a stale report flagged whatever bridge letter it has", () => {
    const letter = { evidenceId: "e", from: "2025-01-01", to: "2026-02-28" };
    expect(kinds(soc2("2024-12-31", letter), "2026-03-02")).toEqual(["stale"]);
  });

  it("flags a modified opinion and an expired ISO certificate", () => {
    expect(kinds({ ...soc2("2026-01-31"), opinion: "qualified" }, "2026-03-02")).toEqual([
      "modified-opinion",
    ]);
    const iso: Flagged = { type: "iso27001", periodTo: "2026-03-01", opinion: null, bridge: null };
    expect(kinds(iso, "2026-03-01")).toEqual([]);
    expect(kinds(iso, "2026-03-02")).toEqual(["expired"]);
  });

  it("takes the report whose period ends last as the current one", () => {
    const reports = [
      { number: 1, periodTo: "2025-12-31" },
      { number: 2, periodTo: "2024-12-31" },
    ];
    expect(currentReport(reports)?.number).toBe(1);
    expect(currentReport([])).toBeUndefined();
  });
});

describe("the yearly review", () => {
  it("asks more of a critical vendor than of a low one", () => {
    expect(reviewChecklist(1).map((i) => i.id)).toEqual([
      "report-read",
      "cuecs-mapped",
      "questionnaire",
      "contract-terms",
      "data-confirmed",
      "no-incidents",
    ]);
    expect(reviewChecklist(3).map((i) => i.id)).toEqual(["still-needed", "data-confirmed"]);
  });

  it("is first due a month after the vendor is added, then a year after the last", () => {
    expect(reviewDueBy("2026-03-02", null)).toBe("2026-04-01");
    expect(reviewDueBy("2024-01-10", "2025-06-30")).toBe("2026-06-30");
  });
});

describe("vendor readiness", () => {
  const base = {
    ref: "V-1",
    name: "Amazon Web Services",
    tier: 1 as const,
    owner: "olivia@acme.example",
    subservice: "carve-out" as const,
    addedOn: "2026-01-01",
    lastReviewedOn: "2026-01-20",
  };

  it("gives no signal when the organization keeps no inventory here", () => {
    expect(vendorSignals({ today: "2026-03-02", vendors: [] }).size).toBe(0);
  });

  it("names the vendor and the CUEC left unmapped, and a subservice organization with no report", () => {
    const signals = vendorSignals({
      today: "2026-03-02",
      vendors: [
        {
          ...base,
          reports: [
            {
              ref: "VR-1",
              number: 1,
              type: "soc2-type2",
              periodTo: "2025-12-31",
              opinion: "unmodified",
              bridge: null,
              cuecs: [
                {
                  id: "c1",
                  ref: "CUEC-1",
                  number: 1,
                  reportId: "r",
                  text: "Use MFA",
                  controls: [],
                },
                {
                  id: "c2",
                  ref: "CUEC-2",
                  number: 2,
                  reportId: "r",
                  text: "B",
                  controls: ["AC-01"],
                },
              ],
            },
          ],
        },
        { ...base, ref: "V-2", name: "Render", owner: null, reports: [] },
      ],
    });
    expect(signals.get("RM-06")).toEqual([
      { source: "vendor", ok: false, reason: "1 vendor has no owner (V-2 Render)" },
    ]);
    expect(signals.get("RM-07")?.map((s) => s.reason)).toEqual([
      `CUEC-1 of Amazon Web Services (V-1)'s VR-1 is mapped to none of our controls ("Use MFA")`,
      "Render (V-2), a subservice organization, has no assurance report on file",
    ]);
  });

  it("says all is in order when it is, and names an overdue review", () => {
    const ok = vendorSignals({
      today: "2026-03-02",
      vendors: [{ ...base, tier: 3, subservice: null, reports: [] }],
    });
    expect(ok.get("RM-07")?.every((s) => s.ok)).toBe(true);
    const late = vendorSignals({
      today: "2027-03-02",
      vendors: [{ ...base, tier: 3, subservice: null, reports: [] }],
    });
    expect(late.get("RM-07")?.[0]?.reason).toBe(
      "the yearly review of Amazon Web Services (V-1) was due by 2027-01-20",
    );
  });
});
